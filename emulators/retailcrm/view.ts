import type {
  CallLog,
  Contact,
  Deal,
  Organization,
  Snapshot,
  Task,
} from '../../src/domain/snapshot.js';
import type { Utm } from '../../src/domain/events.js';
import { splitMarker } from './marker.js';
import { TRACKING_FIELDS, type CallResult, type Source } from './native.js';
import { STATUS_GROUP } from './seed.js';
import type { AccountState } from './state.js';
import { isoOf } from './time.js';

// GET /_emulator/snapshot: the account read as the neutral snapshot of
// scenario-format §4. Optional fields the CRM does not hold are left out.

type Tracking = NonNullable<Contact['tracking']>;

function utmOf(source: Source | undefined): Utm | undefined {
  if (!source) return undefined;
  const utm: Utm = {
    ...(source.source !== undefined && { source: source.source }),
    ...(source.medium !== undefined && { medium: source.medium }),
    ...(source.campaign !== undefined && { campaign: source.campaign }),
    ...(source.keyword !== undefined && { term: source.keyword }),
    ...(source.content !== undefined && { content: source.content }),
  };
  return Object.keys(utm).length > 0 ? utm : undefined;
}

function splitFields(customFields: Record<string, string>): {
  fields?: Record<string, string>;
  tracking?: Tracking;
} {
  const codes = new Map<string, string>(
    Object.entries(TRACKING_FIELDS).map(([name, code]) => [code, name]),
  );
  const fields: Record<string, string> = {};
  const tracking: Record<string, string> = {};
  for (const [code, value] of Object.entries(customFields)) {
    const name = codes.get(code);
    if (name) tracking[name] = value;
    else fields[code] = value;
  }
  return {
    ...(Object.keys(fields).length > 0 && { fields }),
    ...(Object.keys(tracking).length > 0 && { tracking: tracking }),
  };
}

const DISPOSITION_OF: Record<CallResult, CallLog['disposition']> = {
  answered: 'answered',
  'no answer': 'missed',
  busy: 'busy',
  failed: 'failed',
  'not allowed': 'failed',
  unknown: 'voicemail',
};

export function viewAccount(state: AccountState, timeZone: string): Snapshot {
  const { ids } = state;
  const user = (id: number | undefined): string | null =>
    id === undefined ? null : ids.users.neutral(id);
  const name = (first: string | undefined, last: string | undefined): string | undefined =>
    first === undefined ? last : last === undefined ? first : `${first} ${last}`;
  /** A contact's organization: the newest corporate customer listing it as a contact person. */
  const organizationOf = (customerId: number): string | null => {
    let found: number | undefined;
    for (const corporate of state.corporates.values()) {
      if (
        corporate.customerContacts.some((link) => link.customer.id === customerId) &&
        (found === undefined || corporate.id > found)
      )
        found = corporate.id;
    }
    return found === undefined ? null : ids.corporates.neutral(found);
  };

  const contacts = [...state.customers.values()].map((c): Contact => {
    const n = name(c.firstName, c.lastName);
    const utm = utmOf(c.source);
    return {
      id: ids.customers.neutral(c.id),
      ...(n !== undefined && { name: n }),
      phones: c.phones.map((phone) => phone.number),
      ...(c.email !== undefined && { email: c.email }),
      ownerId: user(c.managerId),
      organizationId: organizationOf(c.id),
      ...(utm && { utm }),
      ...splitFields(c.customFields),
    };
  });
  const deals = [...state.orders.values()].map((o): Deal => {
    const utm = utmOf(o.source);
    const group = STATUS_GROUP.get(o.status);
    const phones = [o.phone, o.additionalPhone].filter(
      (phone): phone is string => phone !== undefined,
    );
    return {
      id: ids.orders.neutral(o.id),
      ...(o.firstName !== undefined && { name: o.firstName }),
      contactId: o.customer ? ids.customers.neutral(o.customer.id) : null,
      organizationId: o.company ? ids.corporates.neutral(o.company.id) : null,
      ...(phones.length > 0 && { phones }),
      ownerId: user(o.managerId),
      status: group === 'complete' ? 'won' : group === 'cancel' ? 'lost' : 'open',
      ...(o.orderType !== undefined && { pipeline: o.orderType }),
      ...(utm && { utm }),
      ...splitFields(o.customFields),
    };
  });
  const organizations = [...state.corporates.values()].map((o): Organization => {
    const utm = utmOf(o.source);
    const { tracking } = splitFields(o.customFields);
    return {
      id: ids.corporates.neutral(o.id),
      ...(o.nickName !== undefined && { name: o.nickName }),
      ownerId: user(o.managerId),
      ...(utm && { utm }),
      ...(tracking && { tracking }),
    };
  });
  const tasks = [...state.tasks.values()].map((t): Task => {
    const { text, values } = splitMarker(t.commentary);
    const dueAt = t.datetime ? isoOf(t.datetime, timeZone) : null;
    return {
      id: ids.tasks.neutral(t.id),
      assigneeId: user(t.performerId),
      done: t.complete,
      ...(dueAt && { dueAt }),
      title: t.text,
      ...(text !== undefined && { description: text }),
      contactId: t.customer ? ids.customers.neutral(t.customer.id) : null,
      leadId: null,
      dealId: t.order ? ids.orders.neutral(t.order.id) : null,
      callId: values['call'] ?? null,
      recordingUrl: null,
    };
  });
  const comments = [...state.notes.values()].map((n) => ({
    id: ids.notes.neutral(n.id),
    text: n.text,
    contactId: ids.customers.neutral(n.customer.id),
    leadId: null,
    dealId: null,
  }));
  const calls = [...state.calls.values()].map((l): CallLog => {
    const incoming = l.type === 'in';
    const startedAt = isoOf(l.date, timeZone);
    return {
      id: ids.calls.seededName(l.id) ?? l.externalId ?? String(l.id),
      callId: l.externalId ?? String(l.id),
      direction: incoming ? 'incoming' : 'outgoing',
      from: incoming ? l.phone : (l.externalPhone ?? ''),
      to: incoming ? (l.externalPhone ?? '') : l.phone,
      disposition: DISPOSITION_OF[l.result],
      ...(l.duration !== undefined && { durationSec: l.duration }),
      ...(startedAt && { startedAt }),
      recordingUrl: l.recordUrl ?? null,
      userId: user(l.userId),
      contactId: l.customerId === undefined ? null : ids.customers.neutral(l.customerId),
      leadId: null,
      dealId: null,
    };
  });
  const notifications: Snapshot['notifications'] = [];
  for (const event of state.callEvents) {
    const kind =
      event.type === 'in'
        ? 'incoming'
        : event.type === 'hangup' && event.hangupStatus !== 'answered'
          ? 'missed'
          : null;
    if (!kind) continue;
    for (const userId of event.userIds)
      notifications.push({
        userId: ids.users.neutral(userId),
        callId: event.callExternalId ?? '',
        kind,
      });
  }
  return {
    users: [...state.users.values()].map((u) => ({
      id: ids.users.neutral(u.id),
      name: name(u.firstName, u.lastName) ?? '',
    })),
    contacts,
    leads: [],
    deals,
    organizations,
    tasks,
    comments,
    calls,
    notifications,
  };
}
