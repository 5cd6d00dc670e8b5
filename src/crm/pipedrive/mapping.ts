import type { FitTexts } from '../capabilities.js';
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
import type { PdCallLog, PdDeal, PdLead, PdOrganization, PdPerson } from './native.js';
import { RECORD_KEY_FIELD } from './record-key.js';

// Neutral ↔ Pipedrive, pure (style.md §2.3). The table of what goes where is in README.md.

export class MappingError extends Error {}

export type FieldEntity = 'person' | 'organization' | 'deal';

/** Custom fields of one entity: name → 40-hex key. Leads use the deal fields. */
export type FieldKeys = ReadonlyMap<string, string>;

/** Where UTM and tracking data go: custom fields the user prepares (README). */
export const TRACKING_FIELD_NAMES = {
  utm: {
    source: 'UTM source',
    medium: 'UTM medium',
    campaign: 'UTM campaign',
    term: 'UTM term',
    content: 'UTM content',
  },
  tracking: {
    pool: 'Pool',
    gaClientId: 'GA client ID',
    landingPage: 'Landing page',
    trackingNumber: 'Tracking number',
    messengerClientId: 'Messenger client ID',
  },
} as const;
/** A deal field of type phone that holds a lead's own phones (leads share the deal fields). */
export const LEAD_PHONE_FIELD = 'Phone';

const KEY = /^[0-9a-f]{40}$/;

/** A neutral id as Pipedrive's integer id. */
export function nativeId(id: string): number {
  if (!/^\d+$/.test(id)) throw new MappingError(`"${id}" is not a Pipedrive id`);
  return Number(id);
}
const optionalId = (id: string | null | undefined): number | null => (id ? nativeId(id) : null);
const text = (id: number | null | undefined): string | null =>
  id === null || id === undefined ? null : String(id);

interface Tracked {
  readonly utm?: Utm | undefined;
  readonly tracking?: RecordTracking | undefined;
  readonly fields?: Readonly<Record<string, string>> | undefined;
  readonly phones?: readonly string[] | undefined;
}

/**
 * Custom-field values for a record: UTM and tracking into their prepared
 * fields (skipped when the account lacks one), mapped fields (G8) by name or
 * key (a missing one is an error: the field map names a field that is gone).
 */
export function customValues(
  record: Tracked,
  keys: FieldKeys,
  withPhones: boolean,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const group of ['utm', 'tracking'] as const) {
    const names: Record<string, string> = TRACKING_FIELD_NAMES[group];
    for (const [name, value] of Object.entries(record[group] ?? {})) {
      const key = keys.get(names[name] ?? '');
      if (key && typeof value === 'string') out[key] = value;
    }
  }
  for (const [name, value] of Object.entries(record.fields ?? {})) {
    const key = KEY.test(name) ? name : keys.get(name);
    if (!key) throw new MappingError(`the custom field "${name}" does not exist in Pipedrive`);
    out[key] = value;
  }
  if (withPhones && record.phones && record.phones.length > 0) {
    const key = keys.get(LEAD_PHONE_FIELD);
    if (key) out[key] = record.phones.join(', ');
  }
  return out;
}

/** The neutral tracking of a record from its custom-field values. */
export function trackedFrom(
  values: Readonly<Record<string, unknown>> | null | undefined,
  keys: FieldKeys,
): {
  utm?: Utm;
  tracking?: RecordTracking;
  fields?: Record<string, string>;
  phones?: string[];
} {
  const nameOf = new Map([...keys].map(([name, key]) => [key, name]));
  const tracking: Record<string, string> = {};
  const utm: Record<string, string> = {};
  const fields: Record<string, string> = {};
  let phones: string[] | undefined;
  const utmNames = invert(TRACKING_FIELD_NAMES.utm);
  const trackingNames = invert(TRACKING_FIELD_NAMES.tracking);
  for (const [key, value] of Object.entries(values ?? {})) {
    const name = nameOf.get(key);
    // The key field is the integration's marker (record-key.ts), not the record's data.
    if (!name || name === RECORD_KEY_FIELD || typeof value !== 'string' || value === '') continue;
    if (utmNames[name]) utm[utmNames[name]] = value;
    else if (trackingNames[name]) tracking[trackingNames[name]] = value;
    else if (name === LEAD_PHONE_FIELD)
      phones = value
        .split(',')
        .map((phone) => phone.trim())
        .filter(Boolean);
    else fields[name] = value;
  }
  return {
    ...(Object.keys(utm).length > 0 && { utm }),
    ...(Object.keys(tracking).length > 0 && { tracking }),
    ...(Object.keys(fields).length > 0 && { fields }),
    ...(phones && { phones }),
  };
}

function invert(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([a, b]) => [b, a]));
}

export function personBody(contact: Omit<Contact, 'id'>, keys: FieldKeys): Record<string, unknown> {
  return {
    name: contact.name || contact.phones[0] || 'Client',
    ...(contact.ownerId && { owner_id: nativeId(contact.ownerId) }),
    ...(contact.organizationId && { org_id: nativeId(contact.organizationId) }),
    phones: contact.phones.map((value, index) => ({ value, primary: index === 0, label: 'work' })),
    ...(contact.email && { emails: [{ value: contact.email, primary: true, label: 'work' }] }),
    custom_fields: customValues(contact, keys, false),
  };
}

export function contactFrom(person: PdPerson, keys: FieldKeys): Contact {
  const { utm, tracking, fields } = trackedFrom(person.custom_fields, keys);
  const email = person.emails?.[0]?.value;
  return {
    id: String(person.id),
    ...(person.name && { name: person.name }),
    phones: (person.phones ?? []).map((phone) => phone.value),
    ...(email && { email }),
    ownerId: text(person.owner_id),
    organizationId: text(person.org_id),
    ...(utm && { utm }),
    ...(tracking && { tracking }),
    ...(fields && { fields }),
  };
}

export function organizationBody(
  organization: Omit<Organization, 'id'>,
  keys: FieldKeys,
): Record<string, unknown> {
  return {
    name: organization.name || 'Client',
    ...(organization.ownerId && { owner_id: nativeId(organization.ownerId) }),
    custom_fields: customValues(
      { utm: organization.utm, tracking: organization.tracking },
      keys,
      false,
    ),
  };
}

export function organizationFrom(org: PdOrganization, keys: FieldKeys): Organization {
  const { utm, tracking } = trackedFrom(org.custom_fields, keys);
  return {
    id: String(org.id),
    ...(org.name && { name: org.name }),
    ownerId: text(org.owner_id),
    ...(utm && { utm }),
    ...(tracking && { tracking }),
  };
}

export function dealBody(
  deal: Omit<Deal, 'id'>,
  keys: FieldKeys,
  pipelineId: number | null,
): Record<string, unknown> {
  return {
    title: deal.name || 'Deal',
    ...(deal.ownerId && { owner_id: nativeId(deal.ownerId) }),
    ...(deal.contactId && { person_id: nativeId(deal.contactId) }),
    ...(deal.organizationId && { org_id: nativeId(deal.organizationId) }),
    ...(pipelineId !== null && { pipeline_id: pipelineId }),
    status: deal.status,
    custom_fields: customValues(deal, keys, true),
  };
}

/** `pipelines`: id → name; the default pipeline prints as no pipeline, as a deal the rules did not route. */
export function dealFrom(
  deal: PdDeal,
  keys: FieldKeys,
  pipelines: ReadonlyMap<number, string>,
  defaultPipelineId: number | null,
): Deal {
  const { utm, tracking, fields, phones } = trackedFrom(deal.custom_fields, keys);
  const pipeline =
    deal.pipeline_id !== null &&
    deal.pipeline_id !== undefined &&
    deal.pipeline_id !== defaultPipelineId
      ? pipelines.get(deal.pipeline_id)
      : undefined;
  return {
    id: String(deal.id),
    ...(deal.title && { name: deal.title }),
    contactId: text(deal.person_id),
    organizationId: text(deal.org_id),
    ...(phones && { phones }),
    ownerId: text(deal.owner_id),
    status: deal.status === 'deleted' ? 'lost' : deal.status,
    ...(pipeline !== undefined && { pipeline }),
    ...(utm && { utm }),
    ...(tracking && { tracking }),
    ...(fields && { fields }),
  };
}

/** v1 lead: custom fields as top-level keys; a lead must hang on a person (or an organization). */
export function leadBody(lead: Omit<Lead, 'id'>, keys: FieldKeys): Record<string, unknown> {
  return {
    title: lead.name || lead.phones[0] || 'Lead',
    ...(lead.ownerId && { owner_id: nativeId(lead.ownerId) }),
    ...(lead.contactId && { person_id: nativeId(lead.contactId) }),
    ...customValues(lead, keys, true),
  };
}

export function leadFrom(lead: PdLead, keys: FieldKeys): Lead {
  const values = Object.fromEntries(Object.entries(lead).filter(([key]) => KEY.test(key)));
  const { utm, tracking, fields, phones } = trackedFrom(values, keys);
  return {
    id: lead.id,
    contactId: text(lead.person_id),
    ...(lead.title && { name: lead.title }),
    phones: phones ?? [],
    ownerId: text(lead.owner_id),
    status: lead.is_archived ? 'closed' : 'open',
    ...(utm && { utm }),
    ...(tracking && { tracking }),
    ...(fields && { fields }),
  };
}

/** A RecordPatch as a v2 PATCH body (persons, organizations, deals) or a v1 lead PATCH body. */
export function patchBody(
  patch: RecordPatch,
  keys: FieldKeys,
  form: 'v2' | 'lead',
  orgField: 'org_id' | null,
): Record<string, unknown> {
  const custom = customValues({ utm: patch.utm, tracking: patch.tracking }, keys, false);
  return {
    ...(patch.ownerId && { owner_id: nativeId(patch.ownerId) }),
    ...(patch.organizationId && orgField && { [orgField]: nativeId(patch.organizationId) }),
    ...(patch.organizationId &&
      form === 'lead' && { organization_id: nativeId(patch.organizationId) }),
    ...(form === 'v2' ? Object.keys(custom).length > 0 && { custom_fields: custom } : custom),
  };
}

// Markers (D13): `callmatrix:` + URL-encoded key and call id, in the activity's
// public_description and the call log's subject, where Pipedrive has no field.

const MARK = 'callmatrix:';

export function marker(values: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value) params.set(name, value);
  return `${MARK}${params.toString()}`;
}

export function readMarker(value: string | null | undefined): URLSearchParams {
  const at = value ? value.indexOf(MARK) : -1;
  if (!value || at < 0) return new URLSearchParams();
  const rest = value.slice(at + MARK.length);
  const end = rest.search(/[\]\s]/);
  return new URLSearchParams(end < 0 ? rest : rest.slice(0, end));
}

/** A task (already fitted, D12) as a v2 activity; due date and time in UTC to the minute. */
export function activityBody(task: Omit<Task, 'id'>, key: string): Record<string, unknown> {
  const due = task.dueAt ? new Date(Date.parse(task.dueAt)).toISOString() : null;
  return {
    subject: task.title,
    type: 'task',
    ...(task.assigneeId && { owner_id: nativeId(task.assigneeId) }),
    ...(due && { due_date: due.slice(0, 10), due_time: due.slice(11, 16) }),
    done: task.done,
    ...(task.contactId && { person_id: nativeId(task.contactId) }),
    ...(task.dealId && { deal_id: nativeId(task.dealId) }),
    ...(task.leadId && { lead_id: task.leadId }),
    ...(task.description !== undefined && { note: task.description }),
    public_description: marker({ key, call: task.callId }),
  };
}

const OUTCOME: Record<CallLog['disposition'], string> = {
  answered: 'connected',
  missed: 'no_answer',
  busy: 'busy',
  voicemail: 'left_voicemail',
  failed: 'wrong_number',
};

const v1Time = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** The subject names the call; its marker keeps what callLogs has no field for (call id, direction, exact disposition, key). */
export function callSubject(
  log: Pick<CallLog, 'callId' | 'direction' | 'disposition'>,
  key: string,
  texts: Pick<FitTexts, 'incomingCall' | 'outgoingCall'> = {
    incomingCall: 'Incoming call',
    outgoingCall: 'Outgoing call',
  },
): string {
  const mark = marker({
    call: log.callId,
    direction: log.direction,
    disposition: log.disposition,
    key,
  });
  return `${log.direction === 'outgoing' ? texts.outgoingCall : texts.incomingCall} ${log.callId} [${mark}]`;
}

/** A call log (already fitted, D12) as a v1 callLogs body; a deal link wins over a lead link (not both). */
export function callLogBody(
  log: Omit<CallLog, 'id'>,
  subject: string,
  nowMs: number,
): Record<string, unknown> {
  const parsed = log.startedAt ? Date.parse(log.startedAt) : NaN;
  const start = Number.isNaN(parsed) ? nowMs : parsed;
  return {
    outcome: OUTCOME[log.disposition],
    to_phone_number: log.to || 'unknown',
    ...(log.from && { from_phone_number: log.from }),
    start_time: v1Time(start),
    end_time: v1Time(start + (log.durationSec ?? 0) * 1000),
    ...(log.durationSec !== undefined && { duration: String(log.durationSec) }),
    ...(log.userId && { user_id: nativeId(log.userId) }),
    ...(log.contactId && { person_id: nativeId(log.contactId) }),
    ...(log.dealId ? { deal_id: nativeId(log.dealId) } : log.leadId ? { lead_id: log.leadId } : {}),
    subject,
    ...(log.description !== undefined && { note: log.description }),
  };
}

/** What a stored call log holds, back as the neutral fields an update needs. */
export function callLogFrom(
  log: PdCallLog,
): Omit<CallLog, 'id' | 'callId' | 'direction' | 'disposition'> & { subject: string | null } {
  const start = log.start_time ? Date.parse(`${log.start_time.replace(' ', 'T')}Z`) : NaN;
  return {
    from: log.from_phone_number ?? '',
    to: log.to_phone_number,
    ...(log.duration !== null &&
      log.duration !== undefined && { durationSec: Number(log.duration) }),
    ...(!Number.isNaN(start) && { startedAt: new Date(start).toISOString() }),
    recordingUrl: null,
    userId: text(log.user_id),
    contactId: text(log.person_id),
    leadId: log.lead_id ?? null,
    dealId: text(log.deal_id),
    ...(log.note !== null && log.note !== undefined && { description: log.note }),
    subject: log.subject ?? null,
  };
}

export function noteBody(comment: Omit<Comment, 'id'>): Record<string, unknown> {
  return {
    content: comment.text,
    ...(comment.contactId && { person_id: nativeId(comment.contactId) }),
    ...(comment.dealId && { deal_id: nativeId(comment.dealId) }),
    ...(comment.leadId && { lead_id: comment.leadId }),
  };
}

export const outcomeOf = (disposition: CallLog['disposition']): string => OUTCOME[disposition];
export { optionalId };
