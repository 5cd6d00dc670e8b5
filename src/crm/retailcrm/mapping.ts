import { localDateTime as localDateTimeIn } from '../../domain/zoned-time.js';
import { z } from 'zod';
import type { Utm } from '../../domain/events.js';
import type { RecordPatch } from '../../domain/plan.js';
import type {
  CallLog,
  Contact,
  Deal,
  Notification,
  Organization,
  RecordTracking,
  Task,
} from '../../domain/snapshot.js';
import { CrmError } from '../port.js';
import { foldSourceBlock } from '../source-block.js';

// Neutral records ↔ retailCRM's native entities, pure (README: "what goes where").

type New<T> = Omit<T, 'id'>;

/** Tracking data other than UTM lives in string custom fields the user creates (README). */
export const TRACKING_FIELDS: Readonly<Record<keyof RecordTracking, string>> = {
  pool: 'callmatrix_pool',
  gaClientId: 'callmatrix_ga_client_id',
  landingPage: 'callmatrix_landing_page',
  trackingNumber: 'callmatrix_tracking_number',
  messengerClientId: 'callmatrix_messenger_client_id',
};

/** A neutral id as retailCRM's integer id; anything else was never this CRM's. */
export function nativeId(id: string): number {
  if (!/^[1-9]\d*$/.test(id)) throw new CrmError('permanent', `"${id}" is no retailCRM id`);
  return Number(id);
}
const optionalId = (id: string | null | undefined): number | undefined =>
  id ? nativeId(id) : undefined;

const SourceSchema = z.looseObject({
  source: z.string().optional(),
  medium: z.string().optional(),
  campaign: z.string().optional(),
  keyword: z.string().optional(),
  content: z.string().optional(),
});
const Fields = z.record(z.string(), z.unknown()).transform((record) => {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      out[key] = String(value);
  }
  return out;
});
// Some retailCRM versions send an empty customFields as [] rather than {}.
const CustomFields = z.union([Fields, z.array(z.unknown()).transform(() => ({}))]).optional();

export const CustomerSchema = z.looseObject({
  id: z.number(),
  externalId: z.string().optional(),
  createdAt: z.string().optional(),
  managerId: z.number().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  email: z.string().optional(),
  phones: z.array(z.looseObject({ number: z.string() })).default([]),
  source: SourceSchema.optional(),
  customFields: CustomFields,
});
export const OrderSchema = z.looseObject({
  id: z.number(),
  createdAt: z.string().optional(),
  status: z.string().optional(),
  orderType: z.string().optional(),
  managerId: z.number().optional(),
  customer: z.looseObject({ id: z.number() }).optional(),
  company: z.looseObject({ id: z.number() }).optional(),
  firstName: z.string().optional(),
  phone: z.string().optional(),
  additionalPhone: z.string().optional(),
  source: SourceSchema.optional(),
  customFields: CustomFields,
});
export const CorporateSchema = z.looseObject({
  id: z.number(),
  createdAt: z.string().optional(),
  nickName: z.string().optional(),
  managerId: z.number().optional(),
  source: SourceSchema.optional(),
  customFields: CustomFields,
  customerContacts: z
    .array(z.looseObject({ customer: z.looseObject({ id: z.number() }) }))
    .default([]),
});
export type NativeCustomer = z.infer<typeof CustomerSchema>;
export type NativeOrder = z.infer<typeof OrderSchema>;
export type NativeCorporate = z.infer<typeof CorporateSchema>;

export function sourceOf(utm: Utm | undefined): Record<string, string> | undefined {
  if (!utm) return undefined;
  const out: Record<string, string> = {};
  if (utm.source !== undefined) out['source'] = utm.source;
  if (utm.medium !== undefined) out['medium'] = utm.medium;
  if (utm.campaign !== undefined) out['campaign'] = utm.campaign;
  if (utm.term !== undefined) out['keyword'] = utm.term;
  if (utm.content !== undefined) out['content'] = utm.content;
  return Object.keys(out).length > 0 ? out : undefined;
}

export function utmOf(source: z.infer<typeof SourceSchema> | undefined): Utm | undefined {
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

export function customFieldsOf(
  fields: Record<string, string> | undefined,
  tracking: RecordTracking | undefined,
): Record<string, string> | undefined {
  const out: Record<string, string> = { ...fields };
  for (const [name, code] of Object.entries(TRACKING_FIELDS)) {
    const value = tracking?.[name as keyof RecordTracking];
    if (value !== undefined) out[code] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function splitCustomFields(customFields: Record<string, string> | undefined): {
  fields?: Record<string, string>;
  tracking?: RecordTracking;
} {
  const byCode = new Map(
    Object.entries(TRACKING_FIELDS).map(([name, code]) => [code, name as keyof RecordTracking]),
  );
  const fields: Record<string, string> = {};
  const tracking: RecordTracking = {};
  for (const [code, value] of Object.entries(customFields ?? {})) {
    const name = byCode.get(code);
    if (name) tracking[name] = value;
    else fields[code] = value;
  }
  return {
    ...(Object.keys(fields).length > 0 && { fields }),
    ...(Object.keys(tracking).length > 0 && { tracking }),
  };
}

/** A name is split at its first space into retailCRM's first and last name. */
export function splitName(name: string | undefined): { firstName?: string; lastName?: string } {
  if (name === undefined) return {};
  const at = name.indexOf(' ');
  return at < 0
    ? { firstName: name }
    : { firstName: name.slice(0, at), lastName: name.slice(at + 1) };
}
const joinName = (first: string | undefined, last: string | undefined): string | undefined =>
  first === undefined ? last : last === undefined ? first : `${first} ${last}`;

export function customerPayload(contact: New<Contact>, key: string): Record<string, unknown> {
  const record = foldSourceBlock(contact);
  return {
    externalId: key,
    ...splitName(record.name),
    ...(record.email !== undefined && { email: record.email }),
    phones: record.phones.map((number) => ({ number })),
    managerId: optionalId(record.ownerId),
    source: sourceOf(record.utm),
    customFields: customFieldsOf(record.fields, record.tracking),
  };
}

export function orderPayload(
  deal: New<Deal>,
  key: string,
  statusCode: string | undefined,
): Record<string, unknown> {
  const record = foldSourceBlock(deal);
  const [phone, additionalPhone] = record.phones ?? [];
  return {
    externalId: key,
    orderMethod: 'phone',
    ...(statusCode !== undefined && { status: statusCode }),
    orderType: record.pipeline,
    ...(record.name !== undefined && { firstName: record.name }),
    customer: record.contactId ? { id: nativeId(record.contactId) } : undefined,
    company: record.organizationId ? { id: nativeId(record.organizationId) } : undefined,
    managerId: optionalId(record.ownerId),
    phone,
    additionalPhone,
    source: sourceOf(record.utm),
    customFields: customFieldsOf(record.fields, record.tracking),
  };
}

export function corporatePayload(record: New<Organization>, key: string): Record<string, unknown> {
  return {
    externalId: key,
    ...(record.name !== undefined && { nickName: record.name }),
    managerId: optionalId(record.ownerId),
    source: sourceOf(record.utm),
    customFields: customFieldsOf(undefined, record.tracking),
  };
}

/** The edit a patch makes (G5): owner, UTM block, tracking fields; the organization link is done apart. */
export function patchPayload(patch: RecordPatch): Record<string, unknown> | null {
  const payload = {
    ...(patch.ownerId !== undefined && { managerId: nativeId(patch.ownerId) }),
    ...(patch.utm !== undefined && { source: sourceOf(patch.utm) ?? {} }),
    ...(patch.tracking !== undefined && {
      customFields: customFieldsOf(undefined, patch.tracking),
    }),
  };
  return Object.keys(payload).length > 0 ? payload : null;
}

export function contactOf(customer: NativeCustomer, organizationId: string | null): Contact {
  const name = joinName(customer.firstName, customer.lastName);
  const utm = utmOf(customer.source);
  return {
    id: String(customer.id),
    ...(name !== undefined && { name }),
    phones: customer.phones.map((phone) => phone.number),
    ...(customer.email !== undefined && { email: customer.email }),
    ownerId: customer.managerId === undefined ? null : String(customer.managerId),
    organizationId,
    ...(utm && { utm }),
    ...splitCustomFields(customer.customFields),
  };
}

export type StatusGroups = ReadonlyMap<string, string>;

export function dealOf(order: NativeOrder, groups: StatusGroups): Deal {
  const utm = utmOf(order.source);
  const group = order.status === undefined ? undefined : groups.get(order.status);
  const phones = [order.phone, order.additionalPhone].filter(
    (phone): phone is string => phone !== undefined && phone !== '',
  );
  return {
    id: String(order.id),
    ...(order.firstName !== undefined && { name: order.firstName }),
    contactId: order.customer ? String(order.customer.id) : null,
    organizationId: order.company ? String(order.company.id) : null,
    ...(phones.length > 0 && { phones }),
    ownerId: order.managerId === undefined ? null : String(order.managerId),
    status: group === 'complete' ? 'won' : group === 'cancel' ? 'lost' : 'open',
    ...(order.orderType !== undefined && { pipeline: order.orderType }),
    ...(utm && { utm }),
    ...splitCustomFields(order.customFields),
  };
}

export function organizationOf(corporate: NativeCorporate): Organization {
  const utm = utmOf(corporate.source);
  const { tracking } = splitCustomFields(corporate.customFields);
  return {
    id: String(corporate.id),
    ...(corporate.nickName !== undefined && { name: corporate.nickName }),
    ownerId: corporate.managerId === undefined ? null : String(corporate.managerId),
    ...(utm && { utm }),
    ...(tracking && { tracking }),
  };
}

/**
 * The task's last commentary line `[callmatrix key=… call=…]`: retailCRM
 * tasks have no external id nor call field (D12, D13).
 */
const MARKER = /^\[callmatrix((?: [a-z]+=[^\s\]]*)*)\]$/;

export function withMarker(
  text: string | undefined,
  values: Record<string, string | null | undefined>,
): string {
  const pairs = Object.entries(values)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([name, value]) => ` ${name}=${encodeURIComponent(value)}`);
  const line = `[callmatrix${pairs.join('')}]`;
  return text === undefined ? line : `${text}\n${line}`;
}

export function splitMarker(commentary: string | undefined): {
  text: string | undefined;
  values: Record<string, string>;
} {
  if (commentary === undefined) return { text: undefined, values: {} };
  const lines = commentary.split('\n');
  const match = MARKER.exec(lines.at(-1) ?? '');
  if (!match) return { text: commentary, values: {} };
  const values: Record<string, string> = {};
  for (const pair of (match[1] ?? '').trim().split(' ').filter(Boolean)) {
    const at = pair.indexOf('=');
    values[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1));
  }
  const rest = lines.slice(0, -1);
  return { text: rest.length > 0 ? rest.join('\n') : undefined, values };
}

/** The marker text a retry searches for (D13). */
export const keyMarker = (key: string): string => `key=${encodeURIComponent(key)}`;

export function taskPayload(
  task: New<Task>,
  key: string,
  timeZone: string,
): Record<string, unknown> {
  if (task.leadId)
    throw new CrmError('permanent', 'retailCRM has no leads: a task cannot be linked to one');
  const link = task.dealId
    ? { order: { id: nativeId(task.dealId) } }
    : task.contactId
      ? { customer: { id: nativeId(task.contactId) } }
      : {};
  return {
    text: task.title,
    commentary: withMarker(task.description, { key, call: task.callId }),
    ...(task.dueAt !== undefined && { datetime: localDateTime(task.dueAt, timeZone).slice(0, 16) }),
    complete: task.done,
    performerId: task.assigneeId ? nativeId(task.assigneeId) : undefined,
    ...link,
  };
}

const RESULT_OF: Record<CallLog['disposition'], string> = {
  answered: 'answered',
  missed: 'no answer',
  busy: 'busy',
  failed: 'failed',
  voicemail: 'unknown',
};

export function callPayload(
  log: New<CallLog>,
  timeZone: string,
  now: () => number = Date.now,
): Record<string, unknown> {
  const incoming = log.direction === 'incoming';
  return {
    date: localDateTime(log.startedAt ?? new Date(now()).toISOString(), timeZone),
    type: incoming ? 'in' : 'out',
    phone: incoming ? log.from : log.to,
    externalPhone: incoming ? log.to : log.from,
    userId: optionalId(log.userId),
    result: RESULT_OF[log.disposition],
    ...(log.durationSec !== undefined && { duration: log.durationSec }),
    externalId: log.callId,
    ...(log.recordingUrl && { recordUrl: log.recordingUrl }),
  };
}

/**
 * RC-1..RC-3: a pop-up is the telephony call event `in`, a missed call its
 * `hangup` with a non-answered status; one event reaches every employee in
 * `userIds` (the notifications are of one call and kind).
 */
export function eventPayload(
  notifications: readonly [Notification, ...Notification[]],
  phone: string | undefined,
): Record<string, unknown> {
  const [first] = notifications;
  return {
    phone: phone ?? 'unknown',
    type: first.kind === 'incoming' ? 'in' : 'hangup',
    ...(first.kind === 'missed' && { hangupStatus: 'no answered' }),
    userIds: notifications.map((notification) => nativeId(notification.userId)),
    callExternalId: first.callId,
  };
}

/** An instant as the account's local `Y-m-d H:i:s` in the timezone. */
export function localDateTime(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new CrmError('permanent', `"${iso}" is no time`);
  return localDateTimeIn(ms, timeZone);
}
