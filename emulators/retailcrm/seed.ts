import type { Snapshot } from '../../src/domain/snapshot.js';
import type { Utm } from '../../src/domain/events.js';
import { recordCustomer, recordOrder } from './history.js';
import { withMarker } from './marker.js';
import { STATUSES, TRACKING_FIELDS, type CallResult, type Source } from './native.js';
import { customerForCall } from './search.js';
import type { AccountState } from './state.js';
import { type Kind } from './state.js';
import { localOf } from './time.js';

// PUT /_emulator/state: a neutral snapshot written into the account as the
// CRM would hold it (service.md §7). Ids are kept through the IdMaps.

type Tracking = NonNullable<Snapshot['contacts'][number]['tracking']>;

export function sourceOf(utm: Utm | undefined): Source | undefined {
  if (!utm) return undefined;
  const source: Source = {
    ...(utm.source !== undefined && { source: utm.source }),
    ...(utm.medium !== undefined && { medium: utm.medium }),
    ...(utm.campaign !== undefined && { campaign: utm.campaign }),
    ...(utm.term !== undefined && { keyword: utm.term }),
    ...(utm.content !== undefined && { content: utm.content }),
  };
  return Object.keys(source).length > 0 ? source : undefined;
}

export function customFieldsOf(
  fields: Record<string, string> | undefined,
  tracking: Tracking | undefined,
): Record<string, string> {
  const out: Record<string, string> = { ...fields };
  for (const [name, code] of Object.entries(TRACKING_FIELDS)) {
    const value = tracking?.[name as keyof Tracking];
    if (value !== undefined) out[code] = value;
  }
  return out;
}

const STATUS_OF = { open: 'new', won: 'complete', lost: 'cancel-other' } as const;
export const RESULT_OF: Record<Snapshot['calls'][number]['disposition'], CallResult> = {
  answered: 'answered',
  missed: 'no answer',
  busy: 'busy',
  failed: 'failed',
  voicemail: 'unknown',
};

const SEEDED_KINDS: Array<[Kind, keyof Snapshot]> = [
  ['users', 'users'],
  ['customers', 'contacts'],
  ['corporates', 'organizations'],
  ['orders', 'deals'],
  ['tasks', 'tasks'],
  ['notes', 'comments'],
  ['calls', 'calls'],
];

export function seedAccount(
  snapshot: Snapshot,
  state: AccountState,
  timeZone: string,
): string | null {
  if (snapshot.leads.length > 0) return 'retailCRM has no leads: crm_state.leads must be empty';
  for (const [kind, collection] of SEEDED_KINDS)
    for (const record of snapshot[collection])
      if ('id' in record) state.ids[kind].reserve(record.id);
  const user = (id: string | null | undefined): number | undefined =>
    id ? state.ids.users.native(id) : undefined;
  for (const u of snapshot.users) {
    const at = u.name.indexOf(' ');
    const id = state.ids.users.native(u.id);
    state.users.set(id, {
      id,
      createdAt: state.createdAt(true),
      active: true,
      ...(at >= 0
        ? { firstName: u.name.slice(0, at), lastName: u.name.slice(at + 1) }
        : { firstName: u.name }),
      status: 'free',
      online: true,
      isAdmin: false,
      isManager: true,
    });
  }
  for (const o of snapshot.organizations) {
    const id = state.ids.corporates.native(o.id);
    const source = sourceOf(o.utm);
    const managerId = user(o.ownerId);
    state.corporates.set(id, {
      type: 'customer_corporate',
      id,
      createdAt: state.createdAt(true),
      site: 'main',
      ...(o.name !== undefined && { nickName: o.name }),
      ...(managerId !== undefined && { managerId }),
      ...(source && { source }),
      customFields: customFieldsOf(undefined, o.tracking),
      customerContacts: [],
    });
  }
  for (const c of snapshot.contacts) {
    const id = state.ids.customers.native(c.id);
    const source = sourceOf(c.utm);
    const managerId = user(c.ownerId);
    const at = c.name?.indexOf(' ') ?? -1;
    const customFields = customFieldsOf(c.fields, c.tracking);
    state.noteCustomFields('customer', customFields);
    state.customers.set(id, {
      type: 'customer',
      id,
      createdAt: state.createdAt(true),
      site: 'main',
      ...(c.name !== undefined &&
        (at >= 0
          ? { firstName: c.name.slice(0, at), lastName: c.name.slice(at + 1) }
          : { firstName: c.name })),
      ...(c.email !== undefined && { email: c.email }),
      ...(managerId !== undefined && { managerId }),
      phones: c.phones.map((number) => ({ number })),
      ...(source && { source }),
      customFields,
    });
    if (c.organizationId)
      state.corporates
        .get(state.ids.corporates.native(c.organizationId))
        ?.customerContacts.push({ isMain: false, customer: { id } });
  }
  for (const d of snapshot.deals) {
    const id = state.ids.orders.native(d.id);
    const source = sourceOf(d.utm);
    const managerId = user(d.ownerId);
    const customFields = customFieldsOf(d.fields, d.tracking);
    state.noteCustomFields('order', customFields);
    if (d.pipeline !== undefined && !state.orderTypes.has(d.pipeline))
      state.orderTypes.set(d.pipeline, d.pipeline);
    const [phone, additionalPhone] = d.phones ?? [];
    state.orders.set(id, {
      id,
      number: `${id}A`,
      createdAt: state.createdAt(true),
      site: 'main',
      status: STATUS_OF[d.status],
      orderMethod: 'phone',
      ...(d.pipeline !== undefined && { orderType: d.pipeline }),
      ...(managerId !== undefined && { managerId }),
      ...(d.contactId && {
        customer: { id: state.ids.customers.native(d.contactId), type: 'customer' as const },
      }),
      ...(d.organizationId && { company: { id: state.ids.corporates.native(d.organizationId) } }),
      ...(d.name !== undefined && { firstName: d.name }),
      ...(phone !== undefined && { phone }),
      ...(additionalPhone !== undefined && { additionalPhone }),
      ...(source && { source }),
      customFields,
    });
  }
  // A seeded record was typed in by someone in the CRM: its creation is in the history too, at its own date.
  for (const c of state.customers.values())
    recordCustomer(state.customerHistory, null, c, { at: c.createdAt, source: 'user' });
  for (const o of state.orders.values())
    recordOrder(state.orderHistory, null, o, { at: o.createdAt, source: 'user' });
  for (const t of snapshot.tasks) {
    const id = state.ids.tasks.native(t.id);
    const performerId = user(t.assigneeId);
    const datetime = t.dueAt ? localOf(t.dueAt, timeZone)?.slice(0, 16) : undefined;
    const commentary = t.callId ? withMarker(t.description, { call: t.callId }) : t.description;
    state.tasks.set(id, {
      id,
      createdAt: state.createdAt(true),
      text: t.title,
      ...(commentary !== undefined && { commentary }),
      ...(datetime && { datetime }),
      complete: t.done,
      ...(performerId !== undefined && { performerId }),
      ...(t.dealId
        ? { order: { id: state.ids.orders.native(t.dealId) } }
        : t.contactId
          ? { customer: { id: state.ids.customers.native(t.contactId) } }
          : {}),
    });
  }
  for (const n of snapshot.comments) {
    if (!n.contactId) return `comment ${n.id}: a retailCRM note needs a customer`;
    const id = state.ids.notes.native(n.id);
    state.notes.set(id, {
      id,
      createdAt: state.createdAt(true),
      text: n.text,
      customer: { id: state.ids.customers.native(n.contactId) },
    });
  }
  for (const l of snapshot.calls) {
    const id = state.ids.calls.native(l.id);
    const incoming = l.direction === 'incoming';
    const userId = user(l.userId);
    const phone = incoming ? l.from : l.to;
    const customerId = l.contactId
      ? state.ids.customers.native(l.contactId)
      : customerForCall(state, phone);
    state.calls.set(id, {
      id,
      externalId: l.callId,
      date: (l.startedAt ? localOf(l.startedAt, timeZone) : null) ?? state.createdAt(true),
      type: incoming ? 'in' : 'out',
      phone,
      externalPhone: incoming ? l.to : l.from,
      result: RESULT_OF[l.disposition],
      ...(userId !== undefined && { userId }),
      ...(l.durationSec !== undefined && { duration: l.durationSec }),
      ...(l.recordingUrl && { recordUrl: l.recordingUrl }),
      ...(customerId !== undefined && { customerId }),
    });
  }
  for (const n of snapshot.notifications) {
    const userIds = [state.ids.users.native(n.userId)];
    state.callEvents.push(
      n.kind === 'incoming'
        ? { phone: '', type: 'in', codes: [], userIds, callExternalId: n.callId }
        : {
            phone: '',
            type: 'hangup',
            codes: [],
            userIds,
            callExternalId: n.callId,
            hangupStatus: 'no answered',
          },
    );
  }
  return null;
}

export const STATUS_GROUP = new Map<string, string>(
  STATUSES.map((status) => [status.code, status.group]),
);
