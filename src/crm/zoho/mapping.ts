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
  User,
} from '../../domain/snapshot.js';
import type { NativeRecord, ZohoModule } from './client.js';

// Neutral ↔ Zoho native records, pure (README "What goes where").

type New<T> = Omit<T, 'id'>;
type Native = Record<string, unknown>;

export const CONTACT_PHONE_FIELDS = [
  'Phone',
  'Mobile',
  'Home_Phone',
  'Other_Phone',
  'Asst_Phone',
] as const;
export const LEAD_PHONE_FIELDS = ['Phone', 'Mobile'] as const;
export const KEY_FIELD = 'Callmatrix_Key';
const UTM_FIELDS: ReadonlyArray<[keyof Utm, string]> = [
  ['source', 'UTM_Source'],
  ['medium', 'UTM_Medium'],
  ['campaign', 'UTM_Campaign'],
  ['term', 'UTM_Term'],
  ['content', 'UTM_Content'],
];
const TRACKING_FIELDS: ReadonlyArray<[keyof RecordTracking, string]> = [
  ['pool', 'Tracking_Pool'],
  ['gaClientId', 'GA_Client_ID'],
  ['landingPage', 'Landing_Page'],
  ['trackingNumber', 'Tracking_Number'],
  ['messengerClientId', 'Messenger_Client_ID'],
];
export const OPEN_LEAD_STATUS = 'Not Contacted';
const CLOSED_LEAD_STATUSES = new Set(['Not Qualified', 'Lost Lead', 'Junk Lead']);
export const STAGE_OF: Record<Deal['status'], string> = {
  open: 'Qualification',
  won: 'Closed Won',
  lost: 'Closed Lost',
};

const link = (id: string | null | undefined): { id: string } | undefined =>
  id ? { id } : undefined;
const defined = (record: Native): Native =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));

function trackingFields(utm: Utm | undefined, tracking: RecordTracking | undefined): Native {
  const out: Native = {};
  for (const [key, field] of UTM_FIELDS) if (utm?.[key] !== undefined) out[field] = utm[key];
  for (const [key, field] of TRACKING_FIELDS)
    if (tracking?.[key] !== undefined) out[field] = tracking[key];
  return out;
}

const phoneFields = (phones: readonly string[], fields: readonly string[]): Native =>
  Object.fromEntries(
    phones
      .slice(0, fields.length)
      .map((phone, index): [string, string] => [fields[index] ?? '', phone]),
  );

/** Last_Name is mandatory (§1.5): the neutral name goes there whole. */
export function contactToNative(record: New<Contact>, key: string): Native {
  return defined({
    Last_Name: record.name || record.phones[0] || 'Client',
    Email: record.email,
    Owner: link(record.ownerId),
    Account_Name: link(record.organizationId),
    ...phoneFields(record.phones, CONTACT_PHONE_FIELDS),
    ...trackingFields(record.utm, record.tracking),
    ...record.fields,
    [KEY_FIELD]: key,
  });
}

export function leadToNative(record: New<Lead>, key: string): Native {
  return defined({
    Last_Name: record.name || record.phones[0] || 'Client',
    Owner: link(record.ownerId),
    Related_Contact: link(record.contactId),
    Lead_Status: record.status === 'closed' ? 'Lost Lead' : OPEN_LEAD_STATUS,
    ...phoneFields(record.phones, LEAD_PHONE_FIELDS),
    ...trackingFields(record.utm, record.tracking),
    ...record.fields,
    [KEY_FIELD]: key,
  });
}

export function dealToNative(
  record: New<Deal>,
  key: string,
  defaultPipeline: string | undefined,
): Native {
  return defined({
    Deal_Name: record.name || 'Deal',
    Stage: STAGE_OF[record.status],
    Pipeline: record.pipeline ?? defaultPipeline,
    Owner: link(record.ownerId),
    Contact_Name: link(record.contactId),
    Account_Name: link(record.organizationId),
    ...trackingFields(record.utm, record.tracking),
    ...record.fields,
    [KEY_FIELD]: key,
  });
}

export function organizationToNative(record: New<Organization>, key: string): Native {
  return defined({
    Account_Name: record.name || 'Organization',
    Owner: link(record.ownerId),
    ...trackingFields(record.utm, record.tracking),
    [KEY_FIELD]: key,
  });
}

/** What_Id names one deal or lead, with `$se_module` (§1.6); fitTask has already kept at most one. */
function what(record: {
  dealId?: string | null | undefined;
  leadId?: string | null | undefined;
}): Native {
  if (record.dealId) return { What_Id: { id: record.dealId }, $se_module: 'Deals' };
  if (record.leadId) return { What_Id: { id: record.leadId }, $se_module: 'Leads' };
  return {};
}

/**
 * D4: Zoho keeps a due DATE; the exact time goes to the reminder. `dueAt`
 * already carries the project's offset, so its first ten characters are the
 * date in the project's time zone.
 */
export function taskToNative(task: New<Task>, key: string): Native {
  return defined({
    Subject: task.title,
    Description: task.description,
    Owner: link(task.assigneeId),
    Status: task.done ? 'Completed' : 'Not Started',
    ...(task.dueAt && {
      Due_Date: task.dueAt.slice(0, 10),
      Remind_At: { ALARM: `FREQ=NONE;ACTION=POPUP;TRIGGER=DATE-TIME:${task.dueAt}` },
    }),
    Who_Id: link(task.contactId),
    ...what(task),
    Call_Id: task.callId ?? undefined,
    [KEY_FIELD]: key,
  });
}

export const durationText = (sec: number): string =>
  `${String(Math.floor(sec / 60)).padStart(2, '0')}:${String(sec % 60).padStart(2, '0')}`;

/**
 * Call_Type: Outbound, Inbound (answered) or Missed (any other incoming end);
 * the exact disposition goes to Call_Result. Zoho wants a duration on inbound
 * and outbound calls (§1.7), so a log without one is written as 00:00.
 */
export function callLogToNative(log: New<CallLog>, key: string, subject: string): Native {
  const type =
    log.direction === 'outgoing'
      ? 'Outbound'
      : log.disposition === 'answered'
        ? 'Inbound'
        : 'Missed';
  return defined({
    Subject: subject,
    Call_Type: type,
    Call_Result: log.disposition,
    Call_Start_Time: log.startedAt ?? new Date().toISOString(),
    Call_Duration:
      log.durationSec !== undefined
        ? durationText(log.durationSec)
        : type === 'Missed'
          ? undefined
          : '00:00',
    ...(type === 'Outbound' && { Outbound_Call_Status: 'Completed' }),
    Caller_ID: log.from || undefined,
    Dialled_Number: log.to || undefined,
    Owner: link(log.userId),
    Who_Id: link(log.contactId),
    ...what(log),
    Description: log.description,
    Call_Id: log.callId,
    [KEY_FIELD]: key,
  });
}

/** Notes carry no custom fields: the operation key is a marker in the title (D13). */
export const noteMarker = (key: string): string => `[callmatrix ${key}]`;

export function commentToNative(
  comment: New<Comment>,
  key: string,
): { parent: { module: ZohoModule; id: string }; note: Native } | null {
  const parent = comment.dealId
    ? { module: 'Deals' as const, id: comment.dealId }
    : comment.leadId
      ? { module: 'Leads' as const, id: comment.leadId }
      : comment.contactId
        ? { module: 'Contacts' as const, id: comment.contactId }
        : null;
  if (!parent) return null;
  return {
    parent,
    note: {
      Note_Title: noteMarker(key),
      Note_Content: comment.text,
      Parent_Id: { module: { api_name: parent.module }, id: parent.id },
    },
  };
}

/** G5 patch: owner, organization, UTM (replaced whole) and tracking fields. */
export function patchToNative(patch: RecordPatch, module: ZohoModule): Native {
  const out: Native = {};
  if (patch.ownerId !== undefined) out['Owner'] = { id: patch.ownerId };
  if (patch.organizationId !== undefined && (module === 'Contacts' || module === 'Deals'))
    out['Account_Name'] = { id: patch.organizationId };
  if (patch.utm) for (const [key, field] of UTM_FIELDS) out[field] = patch.utm[key] ?? null;
  if (patch.tracking)
    for (const [key, field] of TRACKING_FIELDS)
      if (patch.tracking[key] !== undefined) out[field] = patch.tracking[key];
  return out;
}

// ---- native → neutral (findClient, listUsers) ----

const str = (record: Native, field: string): string | undefined =>
  typeof record[field] === 'string' && record[field] !== '' ? record[field] : undefined;
const refOf = (record: Native, field: string): string | null => {
  const value = record[field];
  return typeof value === 'object' &&
    value !== null &&
    typeof (value as { id?: unknown }).id === 'string'
    ? (value as { id: string }).id
    : null;
};
const nameOf = (record: Native, field?: string): { name?: string } => {
  const name = field
    ? str(record, field)
    : [str(record, 'First_Name'), str(record, 'Last_Name')].filter(Boolean).join(' ') || undefined;
  return name !== undefined ? { name } : {};
};

function extras(record: Native): { utm?: Utm; tracking?: RecordTracking } {
  const utm: Utm = {};
  const tracking: RecordTracking = {};
  for (const [key, field] of UTM_FIELDS) {
    const value = str(record, field);
    if (value !== undefined) utm[key] = value;
  }
  for (const [key, field] of TRACKING_FIELDS) {
    const value = str(record, field);
    if (value !== undefined) tracking[key] = value;
  }
  return {
    ...(Object.keys(utm).length > 0 && { utm }),
    ...(Object.keys(tracking).length > 0 && { tracking }),
  };
}

export function phonesOf(record: Native, fields: readonly string[]): string[] {
  return fields.flatMap((field) => str(record, field) ?? []);
}

export function nativeToContact(record: NativeRecord): Contact {
  const email = str(record, 'Email');
  return {
    id: record.id,
    ...nameOf(record),
    phones: phonesOf(record, CONTACT_PHONE_FIELDS),
    ...(email !== undefined && { email }),
    ownerId: refOf(record, 'Owner'),
    organizationId: refOf(record, 'Account_Name'),
    ...extras(record),
  };
}

export function nativeToLead(record: NativeRecord): Lead {
  const status =
    record['$converted'] === true
      ? 'converted'
      : CLOSED_LEAD_STATUSES.has(String(record['Lead_Status']))
        ? 'closed'
        : 'open';
  return {
    id: record.id,
    contactId: refOf(record, 'Related_Contact'),
    ...nameOf(record),
    phones: phonesOf(record, LEAD_PHONE_FIELDS),
    ownerId: refOf(record, 'Owner'),
    status,
    ...extras(record),
  };
}

/** Stage → status by the stage's name (the standard layout's "Closed Won" / "Closed Lost" family). */
export function stageStatus(stage: unknown): Deal['status'] {
  const name = typeof stage === 'string' ? stage : '';
  if (/^closed[\s-]*won/i.test(name)) return 'won';
  if (/^closed/i.test(name)) return 'lost';
  return 'open';
}

export function nativeToDeal(record: NativeRecord): Deal {
  const pipeline = str(record, 'Pipeline');
  return {
    id: record.id,
    ...nameOf(record, 'Deal_Name'),
    contactId: refOf(record, 'Contact_Name'),
    organizationId: refOf(record, 'Account_Name'),
    ownerId: refOf(record, 'Owner'),
    status: stageStatus(record['Stage']),
    ...(pipeline !== undefined && { pipeline }),
    ...extras(record),
  };
}

export function nativeToOrganization(record: NativeRecord): Organization {
  return {
    id: record.id,
    ...nameOf(record, 'Account_Name'),
    ownerId: refOf(record, 'Owner'),
    ...extras(record),
  };
}

export function nativeToUser(user: {
  id: string;
  full_name?: string | undefined;
  first_name?: string | undefined;
  last_name?: string | undefined;
}): User {
  return {
    id: user.id,
    name: user.full_name ?? [user.first_name, user.last_name].filter(Boolean).join(' '),
  };
}

/** Criteria values escape `(`, `)`, `,` and `\` (§1.4). */
export const escapeCriteria = (value: string): string =>
  value.replace(/[\\(),]/g, (char) => `\\${char}`);

/** Oldest first: Created_Time, then the id (ids grow with time). */
export function byAge(a: NativeRecord, b: NativeRecord): number {
  const time = (record: NativeRecord): number =>
    typeof record['Created_Time'] === 'string' ? Date.parse(record['Created_Time']) : 0;
  const at = time(a) - time(b);
  if (at !== 0 && !Number.isNaN(at)) return at;
  return a.id.length - b.id.length || a.id.localeCompare(b.id);
}
