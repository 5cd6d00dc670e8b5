import type { Utm } from '../../domain/events.js';
import type { RecordPatch } from '../../domain/plan.js';
import type {
  CallLog,
  Comment,
  Contact,
  Deal,
  Lead,
  Organization,
  RecordTracking,
  Task,
} from '../../domain/snapshot.js';
import type { SfRecord } from './client.js';

// Neutral records ↔ Salesforce sObjects, pure (README "What goes where").

type New<T> = Omit<T, 'id'>;

/** The custom fields the admin creates (README); the key field is an External ID, unique. */
export const KEY_FIELD = 'CM_Key__c';
export const LEAD_CONTACT_FIELD = 'CM_Contact__c';
export const CALL_FIELDS = {
  from: 'CM_Call_From__c',
  to: 'CM_Call_To__c',
  startedAt: 'CM_Call_Started__c',
} as const;
export const UTM_FIELDS: Record<keyof Utm, string> = {
  source: 'UTM_Source__c',
  medium: 'UTM_Medium__c',
  campaign: 'UTM_Campaign__c',
  term: 'UTM_Term__c',
  content: 'UTM_Content__c',
};
export const TRACKING_FIELDS: Record<keyof RecordTracking, string> = {
  pool: 'CM_Pool__c',
  gaClientId: 'CM_GA_Client_Id__c',
  landingPage: 'CM_Landing_Page__c',
  trackingNumber: 'CM_Tracking_Number__c',
  messengerClientId: 'CM_Messenger_Client_Id__c',
};
export const CONTACT_PHONES = [
  'Phone',
  'MobilePhone',
  'HomePhone',
  'OtherPhone',
  'AssistantPhone',
] as const;
export const LEAD_PHONES = ['Phone', 'MobilePhone'] as const;
export const LEAD_STATUS = {
  open: 'Open - Not Contacted',
  converted: 'Closed - Converted',
  closed: 'Closed - Not Converted',
} as const;
export const STAGE = { open: 'Prospecting', won: 'Closed Won', lost: 'Closed Lost' } as const;

const TRACKED = [...Object.values(UTM_FIELDS), ...Object.values(TRACKING_FIELDS)];
export const CONTACT_FIELDS = [
  'Id',
  'Name',
  ...CONTACT_PHONES,
  'Email',
  'OwnerId',
  'AccountId',
  'CreatedDate',
  ...TRACKED,
];
export const LEAD_FIELDS = [
  'Id',
  'Name',
  ...LEAD_PHONES,
  'OwnerId',
  'Status',
  'IsConverted',
  LEAD_CONTACT_FIELD,
  'CreatedDate',
  ...TRACKED,
];
export const DEAL_FIELDS = [
  'Id',
  'Name',
  'ContactId',
  'AccountId',
  'OwnerId',
  'IsClosed',
  'IsWon',
  'RecordTypeId',
  'CreatedDate',
  ...TRACKED,
];
export const ACCOUNT_FIELDS = ['Id', 'Name', 'OwnerId', 'CreatedDate', ...TRACKED];

/** UTM and tracking as native fields; `clear` also writes nulls, so a patch replaces the whole set as the neutral record does. */
export function trackingFields(
  utm: Utm | undefined,
  tracking: RecordTracking | undefined,
  clear: boolean,
): SfRecord {
  const out: SfRecord = {};
  for (const [key, field] of Object.entries(UTM_FIELDS) as Array<[keyof Utm, string]>) {
    const value = utm?.[key];
    if (value !== undefined || (clear && utm !== undefined)) out[field] = value ?? null;
  }
  for (const [key, field] of Object.entries(TRACKING_FIELDS) as Array<
    [keyof RecordTracking, string]
  >) {
    const value = tracking?.[key];
    if (value !== undefined || (clear && tracking !== undefined)) out[field] = value ?? null;
  }
  return out;
}

const phones = (names: readonly string[], values: readonly string[]): SfRecord => {
  const out: SfRecord = {};
  names.forEach((name, i) => {
    if (values[i] !== undefined) out[name] = values[i];
  });
  return out;
};
const ref = (id: string | null | undefined): SfRecord[string] => id ?? undefined;
const defined = (record: SfRecord): SfRecord =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));

/** The whole name goes to LastName (required); Salesforce shows FirstName + LastName as Name. */
export function contactToNative(c: New<Contact>): SfRecord {
  return defined({
    LastName: c.name || '—',
    ...phones(CONTACT_PHONES, c.phones),
    Email: c.email,
    OwnerId: ref(c.ownerId),
    AccountId: ref(c.organizationId),
    ...trackingFields(c.utm, c.tracking, false),
    ...c.fields,
  });
}

export function leadToNative(l: New<Lead>): SfRecord {
  return defined({
    LastName: l.name || '—',
    Company: l.name || '—',
    ...phones(LEAD_PHONES, l.phones),
    OwnerId: ref(l.ownerId),
    Status: LEAD_STATUS[l.status],
    [LEAD_CONTACT_FIELD]: ref(l.contactId),
    ...trackingFields(l.utm, l.tracking, false),
    ...l.fields,
  });
}

/** CloseDate is required: a month after the day the deal is opened. */
export function dealToNative(d: New<Deal>, recordTypeId: string | null, today: string): SfRecord {
  const close = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return defined({
    Name: d.name || '—',
    StageName: STAGE[d.status],
    CloseDate: close,
    ContactId: ref(d.contactId),
    AccountId: ref(d.organizationId),
    OwnerId: ref(d.ownerId),
    RecordTypeId: recordTypeId ?? undefined,
    ...trackingFields(d.utm, d.tracking, false),
    ...d.fields,
  });
}

export function organizationToNative(o: New<Organization>): SfRecord {
  return defined({
    Name: o.name || '—',
    OwnerId: ref(o.ownerId),
    ...trackingFields(o.utm, o.tracking, false),
  });
}

export function patchToNative(
  type: 'Contact' | 'Lead' | 'Opportunity' | 'Account',
  patch: RecordPatch,
): SfRecord {
  return defined({
    OwnerId: patch.ownerId,
    ...(type === 'Contact' || type === 'Opportunity' ? { AccountId: patch.organizationId } : {}),
    ...trackingFields(patch.utm, patch.tracking, true),
  });
}

/** The calendar day of an instant in a zone (YYYY-MM-DD). */
export function dayIn(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(epochMs));
}

const who = (r: {
  contactId?: string | null | undefined;
  leadId?: string | null | undefined;
}): string | undefined => r.contactId ?? r.leadId ?? undefined;

/** D4: the due day in the project's zone in ActivityDate, the exact minute in the reminder. */
export function taskToNative(t: New<Task>, timeZone: string): SfRecord {
  const due = t.dueAt ? Date.parse(t.dueAt) : NaN;
  return defined({
    Subject: t.title.slice(0, 255),
    Description: t.description,
    OwnerId: ref(t.assigneeId),
    Status: t.done ? 'Completed' : 'Not Started',
    Priority: 'Normal',
    TaskSubtype: 'Task',
    WhoId: who(t),
    WhatId: ref(t.dealId),
    CallObject: ref(t.callId),
    ...(Number.isNaN(due)
      ? {}
      : {
          ActivityDate: dayIn(due, timeZone),
          IsReminderSet: true,
          ReminderDateTime: new Date(due).toISOString(),
        }),
  });
}

/** D12: the call log is a Task with subtype Call, apart from the employee's task. */
export function callLogToNative(
  c: New<CallLog>,
  timeZone: string,
  subjects: { readonly incomingCall: string; readonly outgoingCall: string } = {
    incomingCall: 'Incoming call',
    outgoingCall: 'Outgoing call',
  },
): SfRecord {
  const started = c.startedAt ? Date.parse(c.startedAt) : NaN;
  return defined({
    Subject: c.direction === 'outgoing' ? subjects.outgoingCall : subjects.incomingCall,
    TaskSubtype: 'Call',
    Status: 'Completed',
    Priority: 'Normal',
    CallType: c.direction === 'outgoing' ? 'Outbound' : 'Inbound',
    CallObject: c.callId,
    CallDisposition: c.disposition,
    CallDurationInSeconds: c.durationSec,
    [CALL_FIELDS.from]: c.from,
    [CALL_FIELDS.to]: c.to,
    ...(Number.isNaN(started)
      ? {}
      : {
          [CALL_FIELDS.startedAt]: new Date(started).toISOString(),
          ActivityDate: dayIn(started, timeZone),
        }),
    OwnerId: ref(c.userId),
    WhoId: who(c),
    WhatId: ref(c.dealId),
    Description: c.description,
  });
}

/** A comment is a ContentNote; the title carries the operation key, the only marker a note can hold (D13). */
export function noteTitle(text: string, key: string): string {
  const first = (text.split('\n')[0] ?? '').slice(0, 180);
  return `${first} [${key}]`.slice(0, 255);
}

export function noteLinks(c: New<Comment>): string[] {
  return [c.contactId, c.leadId, c.dealId].filter(
    (id): id is string => typeof id === 'string' && id !== '',
  );
}

// Native → neutral, for findClient.

const s = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
function pickUtm(r: SfRecord): Utm | undefined {
  const out: Record<string, string> = {};
  for (const [key, field] of Object.entries(UTM_FIELDS))
    if (s(r[field])) out[key] = s(r[field]) ?? '';
  return Object.keys(out).length > 0 ? out : undefined;
}
function pickTracking(r: SfRecord): RecordTracking | undefined {
  const out: Record<string, string> = {};
  for (const [key, field] of Object.entries(TRACKING_FIELDS))
    if (s(r[field])) out[key] = s(r[field]) ?? '';
  return Object.keys(out).length > 0 ? out : undefined;
}
const tracked = (r: SfRecord): { utm?: Utm; tracking?: RecordTracking } => {
  const utm = pickUtm(r);
  const tracking = pickTracking(r);
  return { ...(utm && { utm }), ...(tracking && { tracking }) };
};
const opt = (key: string, v: unknown): Record<string, string> =>
  s(v) ? { [key]: s(v) ?? '' } : {};

export function storedPhones(r: SfRecord, names: readonly string[]): string[] {
  return names.map((n) => s(r[n])).filter((p): p is string => p !== undefined);
}

export const contactFromNative = (r: SfRecord): Contact => ({
  id: String(r['Id']),
  ...opt('name', r['Name']),
  phones: storedPhones(r, CONTACT_PHONES),
  ...opt('email', r['Email']),
  ownerId: s(r['OwnerId']) ?? null,
  organizationId: s(r['AccountId']) ?? null,
  ...tracked(r),
});
export const leadFromNative = (r: SfRecord): Lead => ({
  id: String(r['Id']),
  contactId: s(r[LEAD_CONTACT_FIELD]) ?? null,
  ...opt('name', r['Name']),
  phones: storedPhones(r, LEAD_PHONES),
  ownerId: s(r['OwnerId']) ?? null,
  status:
    r['IsConverted'] === true
      ? 'converted'
      : (s(r['Status']) ?? '').startsWith('Closed')
        ? 'closed'
        : 'open',
  ...tracked(r),
});
export const dealFromNative = (r: SfRecord, pipelines: ReadonlyMap<string, string>): Deal => ({
  id: String(r['Id']),
  ...opt('name', r['Name']),
  contactId: s(r['ContactId']) ?? null,
  organizationId: s(r['AccountId']) ?? null,
  ownerId: s(r['OwnerId']) ?? null,
  status: r['IsWon'] === true ? 'won' : r['IsClosed'] === true ? 'lost' : 'open',
  ...opt('pipeline', pipelines.get(String(r['RecordTypeId']))),
  ...tracked(r),
});
export const organizationFromNative = (r: SfRecord): Organization => ({
  id: String(r['Id']),
  ...opt('name', r['Name']),
  ownerId: s(r['OwnerId']) ?? null,
  ...tracked(r),
});

/** Oldest first: CreatedDate, then id (Salesforce ids grow with creation). */
export function oldestFirst<T extends SfRecord>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      String(a['CreatedDate']).localeCompare(String(b['CreatedDate'])) ||
      String(a['Id']).localeCompare(String(b['Id'])),
  );
}
