import type { Snapshot } from '../../src/domain/snapshot.js';
import { toZoned, toZonedMinute } from '../../src/domain/zoned-time.js';
import type { Collection, IdMap } from './id-map.js';
import type { Org } from './org.js';
import { type SRecord, type Value } from './org.js';
import { isIntegrationField, KEY_FIELD, TRACKING_FIELDS } from './schema.js';

// The emulator's /_emulator/* view: a neutral snapshot seeded into native
// records (ids kept one-to-one), and the native records read back as one.
// Written from scenario-format §4 and crm-apis.md §4, not from the adapter.

const CONTACT_PHONES = ['Phone', 'MobilePhone', 'HomePhone', 'OtherPhone', 'AssistantPhone'];
const LEAD_PHONES = ['Phone', 'MobilePhone'];
const UTM_KEYS = {
  source: TRACKING_FIELDS.utmSource,
  medium: TRACKING_FIELDS.utmMedium,
  campaign: TRACKING_FIELDS.utmCampaign,
  term: TRACKING_FIELDS.utmTerm,
  content: TRACKING_FIELDS.utmContent,
} as const;
const TRACKING_KEYS = {
  pool: TRACKING_FIELDS.pool,
  gaClientId: TRACKING_FIELDS.gaClientId,
  landingPage: TRACKING_FIELDS.landingPage,
  trackingNumber: TRACKING_FIELDS.trackingNumber,
  messengerClientId: TRACKING_FIELDS.messengerClientId,
} as const;
const LEAD_STATUS = {
  open: 'Open - Not Contacted',
  converted: 'Closed - Converted',
  closed: 'Closed - Not Converted',
} as const;
const STAGE = { open: 'Prospecting', won: 'Closed Won', lost: 'Closed Lost' } as const;

const spread = (names: readonly string[], values: readonly string[] | undefined): SRecord =>
  Object.fromEntries(names.map((name, i) => [name, values?.[i] ?? null]));
function trackingValues(record: {
  utm?: Record<string, string | undefined> | undefined;
  tracking?: Record<string, string | undefined> | undefined;
}): SRecord {
  const out: SRecord = {};
  for (const [key, field] of Object.entries(UTM_KEYS)) out[field] = record.utm?.[key] ?? null;
  for (const [key, field] of Object.entries(TRACKING_KEYS))
    out[field] = record.tracking?.[key] ?? null;
  return out;
}
const ms = (iso: string | undefined): string | null =>
  iso && !Number.isNaN(Date.parse(iso))
    ? new Date(Date.parse(iso)).toISOString().replace('Z', '+0000')
    : null;

export function seed(org: Org, ids: IdMap, snapshot: Snapshot): void {
  const ref = (collection: Collection, id: string | null | undefined): string | null =>
    id ? ids.native(org, collection, id) : null;
  for (const user of snapshot.users) {
    org.insertRaw(
      'User',
      { LastName: user.name, IsActive: true },
      ids.native(org, 'users', user.id),
    );
  }
  for (const o of snapshot.organizations) {
    org.insertRaw(
      'Account',
      { Name: o.name ?? null, OwnerId: ref('users', o.ownerId), ...trackingValues(o) },
      ids.native(org, 'organizations', o.id),
    );
  }
  const custom = (type: string, fields: Record<string, string> | undefined): SRecord => {
    for (const name of Object.keys(fields ?? {})) org.addCustomField(type, name);
    return { ...fields };
  };
  for (const c of snapshot.contacts) {
    org.insertRaw(
      'Contact',
      {
        LastName: c.name ?? null,
        ...spread(CONTACT_PHONES, c.phones),
        Email: c.email ?? null,
        OwnerId: ref('users', c.ownerId),
        AccountId: ref('organizations', c.organizationId),
        ...trackingValues(c),
        ...custom('Contact', c.fields),
      },
      ids.native(org, 'contacts', c.id),
    );
  }
  for (const l of snapshot.leads) {
    org.insertRaw(
      'Lead',
      {
        LastName: l.name ?? null,
        Company: l.name ?? null,
        ...spread(LEAD_PHONES, l.phones),
        OwnerId: ref('users', l.ownerId),
        Status: LEAD_STATUS[l.status],
        CM_Contact__c: ref('contacts', l.contactId),
        ...trackingValues(l),
        ...custom('Lead', l.fields),
      },
      ids.native(org, 'leads', l.id),
    );
  }
  for (const d of snapshot.deals) {
    org.insertRaw(
      'Opportunity',
      {
        Name: d.name ?? null,
        StageName: STAGE[d.status],
        CloseDate: '2026-12-31',
        OwnerId: ref('users', d.ownerId),
        ContactId: ref('contacts', d.contactId),
        AccountId: ref('organizations', d.organizationId),
        RecordTypeId: d.pipeline ? recordType(org, d.pipeline) : null,
        ...trackingValues(d),
        ...custom('Opportunity', d.fields),
      },
      ids.native(org, 'deals', d.id),
    );
  }
  for (const t of snapshot.tasks) {
    const due = ms(t.dueAt);
    org.insertRaw(
      'Task',
      {
        Subject: t.title,
        Description: t.description ?? null,
        OwnerId: ref('users', t.assigneeId),
        Status: t.done ? 'Completed' : 'Not Started',
        Priority: 'Normal',
        TaskSubtype: 'Task',
        ActivityDate: due ? due.slice(0, 10) : null,
        IsReminderSet: due !== null,
        ReminderDateTime: due,
        WhoId: ref('contacts', t.contactId) ?? ref('leads', t.leadId),
        WhatId: ref('deals', t.dealId),
        CallObject: t.callId ?? null,
      },
      ids.native(org, 'tasks', t.id),
    );
  }
  for (const c of snapshot.calls) {
    org.insertRaw(
      'Task',
      {
        Subject: 'Call',
        TaskSubtype: 'Call',
        Status: 'Completed',
        Priority: 'Normal',
        OwnerId: ref('users', c.userId),
        CallType: c.direction === 'outgoing' ? 'Outbound' : 'Inbound',
        CallObject: c.callId,
        CallDisposition: c.disposition,
        CallDurationInSeconds: c.durationSec ?? null,
        CM_Call_From__c: c.from,
        CM_Call_To__c: c.to,
        CM_Call_Started__c: ms(c.startedAt),
        ActivityDate: ms(c.startedAt)?.slice(0, 10) ?? null,
        Description: c.description ?? null,
        WhoId: ref('contacts', c.contactId) ?? ref('leads', c.leadId),
        WhatId: ref('deals', c.dealId),
      },
      ids.native(org, 'calls', c.id),
    );
  }
  for (const n of snapshot.comments) {
    const noteId = org.insertRaw(
      'ContentNote',
      {
        Title: n.text.split('\n')[0]?.slice(0, 255) ?? 'Note',
        Content: Buffer.from(n.text, 'utf8').toString('base64'),
      },
      ids.native(org, 'comments', n.id),
    );
    for (const linked of [
      ref('contacts', n.contactId),
      ref('leads', n.leadId),
      ref('deals', n.dealId),
    ]) {
      if (linked)
        org.insertRaw('ContentDocumentLink', {
          ContentDocumentId: noteId,
          LinkedEntityId: linked,
          ShareType: 'V',
        });
    }
  }
}

export function recordType(org: Org, name: string): string {
  const existing = [...(org.records.get('RecordType')?.values() ?? [])].find(
    (r) => r['SobjectType'] === 'Opportunity' && r['Name'] === name,
  );
  if (existing) return String(existing['Id']);
  return org.insertRaw('RecordType', {
    Name: name,
    DeveloperName: name.replace(/\W+/g, '_'),
    SobjectType: 'Opportunity',
    IsActive: true,
  });
}

const str = (v: Value | undefined): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined;
function pick<K extends string>(
  record: SRecord,
  keys: Record<K, string>,
): Partial<Record<K, string>> | undefined {
  const out: Partial<Record<K, string>> = {};
  for (const [key, field] of Object.entries(keys) as Array<[K, string]>) {
    const v = str(record[field]);
    if (v !== undefined) out[key] = v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
/** Standard fields a field map may write into that the neutral record has no slot of its own for. */
const SHOWN_STANDARD = new Set(['LeadSource']);
function extraFields(org: Org, type: string, record: SRecord): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const field of org.fieldsOf(type)) {
    const v = str(record[field.name]);
    if (
      (field.custom || SHOWN_STANDARD.has(field.name)) &&
      !isIntegrationField(field.name) &&
      v !== undefined
    )
      out[field.name] = v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
const clean = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export function snapshotOf(org: Org, ids: IdMap, timeZone: string): Snapshot {
  const all = (type: string): SRecord[] => [...(org.records.get(type)?.values() ?? [])];
  const id = (v: Value | undefined): string | null => ids.neutral(v ?? null);
  const whoIs = (v: Value | undefined, prefix: string): string | null =>
    typeof v === 'string' && v.startsWith(prefix) ? id(v) : null;
  const utm = (r: SRecord) => pick(r, UTM_KEYS);
  const tracking = (r: SRecord) => pick(r, TRACKING_KEYS);
  const phones = (r: SRecord, names: string[]): string[] =>
    names.map((n) => str(r[n])).filter((p): p is string => p !== undefined);
  const links = (noteId: string): SRecord[] =>
    all('ContentDocumentLink').filter((l) => l['ContentDocumentId'] === noteId);
  const tasks = all('Task');
  // Ids the product wrote into texts (a call's legs) are shown as the snapshot shows ids: seeded ones in their neutral spelling.
  const text = (v: Value | undefined): string | undefined =>
    str(v)?.replace(/\b[a-zA-Z0-9]{18}\b/g, (native) => ids.neutral(native) ?? native);
  return {
    users: all('User')
      .filter((u) => u['IsActive'] !== false)
      .map((u) => ({ id: id(u['Id']) ?? '', name: str(u['Name']) ?? '' })),
    contacts: all('Contact').map((c) =>
      clean({
        id: id(c['Id']) ?? '',
        name: str(c['Name']),
        phones: phones(c, CONTACT_PHONES),
        email: str(c['Email']),
        ownerId: id(c['OwnerId']),
        organizationId: id(c['AccountId']),
        utm: utm(c),
        tracking: tracking(c),
        fields: extraFields(org, 'Contact', c),
      }),
    ),
    leads: all('Lead').map((l) =>
      clean({
        id: id(l['Id']) ?? '',
        contactId: id(l['CM_Contact__c']),
        name: str(l['Name']),
        phones: phones(l, LEAD_PHONES),
        ownerId: id(l['OwnerId']),
        status:
          l['IsConverted'] === true
            ? ('converted' as const)
            : String(l['Status'] ?? '').startsWith('Closed')
              ? ('closed' as const)
              : ('open' as const),
        utm: utm(l),
        tracking: tracking(l),
        fields: extraFields(org, 'Lead', l),
      }),
    ),
    deals: all('Opportunity').map((d) =>
      clean({
        id: id(d['Id']) ?? '',
        name: str(d['Name']),
        contactId: id(d['ContactId']),
        organizationId: id(d['AccountId']),
        ownerId: id(d['OwnerId']),
        status:
          d['IsWon'] === true
            ? ('won' as const)
            : d['IsClosed'] === true
              ? ('lost' as const)
              : ('open' as const),
        pipeline: str(
          typeof d['RecordTypeId'] === 'string'
            ? org.get('RecordType', d['RecordTypeId'])?.['Name']
            : undefined,
        ),
        utm: utm(d),
        tracking: tracking(d),
        fields: extraFields(org, 'Opportunity', d),
      }),
    ),
    organizations: all('Account').map((o) =>
      clean({
        id: id(o['Id']) ?? '',
        name: str(o['Name']),
        ownerId: id(o['OwnerId']),
        utm: utm(o),
        tracking: tracking(o),
      }),
    ),
    tasks: tasks
      .filter((t) => t['TaskSubtype'] !== 'Call')
      .map((t) =>
        clean({
          id: id(t['Id']) ?? '',
          assigneeId: id(t['OwnerId']),
          done: t['Status'] === 'Completed',
          dueAt:
            typeof t['ReminderDateTime'] === 'string'
              ? zoned(Date.parse(t['ReminderDateTime']), timeZone, false)
              : typeof t['ActivityDate'] === 'string'
                ? `${t['ActivityDate']}T00:00:00${zoned(Date.parse(`${t['ActivityDate']}T00:00:00Z`), timeZone, false).slice(19)}`
                : undefined,
          title: str(t['Subject']) ?? '',
          description: text(t['Description']),
          contactId: whoIs(t['WhoId'], '003'),
          leadId: whoIs(t['WhoId'], '00Q'),
          dealId: whoIs(t['WhatId'], '006'),
          callId: str(t['CallObject']) ?? null,
          recordingUrl: null,
        }),
      ),
    comments: all('ContentNote').map((n) => {
      const linked = links(String(n['Id'])).map((l) => l['LinkedEntityId']);
      const of = (prefix: string): string | null =>
        id(linked.find((v) => typeof v === 'string' && v.startsWith(prefix)) ?? null);
      return {
        id: id(n['Id']) ?? '',
        text: text(Buffer.from(String(n['Content'] ?? ''), 'base64').toString('utf8')) ?? '',
        contactId: of('003'),
        leadId: of('00Q'),
        dealId: of('006'),
      };
    }),
    calls: tasks
      .filter((t) => t['TaskSubtype'] === 'Call')
      .map((t) =>
        clean({
          id: id(t['Id']) ?? '',
          callId: str(t['CallObject']) ?? '',
          direction: t['CallType'] === 'Outbound' ? ('outgoing' as const) : ('incoming' as const),
          from: str(t['CM_Call_From__c']) ?? '',
          to: str(t['CM_Call_To__c']) ?? '',
          disposition:
            (['answered', 'missed', 'busy', 'failed', 'voicemail'] as const).find(
              (d) => d === String(t['CallDisposition']).toLowerCase(),
            ) ?? 'answered',
          durationSec:
            typeof t['CallDurationInSeconds'] === 'number' ? t['CallDurationInSeconds'] : undefined,
          startedAt:
            typeof t['CM_Call_Started__c'] === 'string'
              ? zoned(Date.parse(t['CM_Call_Started__c']), timeZone, true)
              : undefined,
          recordingUrl: null,
          userId: id(t['OwnerId']),
          contactId: whoIs(t['WhoId'], '003'),
          leadId: whoIs(t['WhoId'], '00Q'),
          dealId: whoIs(t['WhatId'], '006'),
          description: text(t['Description']),
        }),
      ),
    notifications: [],
  };
}

/** `2026-11-20T10:03:00+02:00` in the zone; to the minute, or to the second. */
export function zoned(epochMs: number, timeZone: string, seconds: boolean): string {
  return seconds ? toZoned(epochMs, timeZone) : toZonedMinute(epochMs, timeZone);
}

export { KEY_FIELD };
