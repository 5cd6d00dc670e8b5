import { z } from 'zod';
import { formatPath, problemsFromZod, type Parsed, type Problem } from './problems.js';
import { illFormedStrings } from './well-formed.js';

// The native event JSON of scenario-format §3, parsed once where it enters.

const isoTime = z.iso.datetime({ offset: true });
const nonEmpty = z.string().min(1, 'expected a non-empty string');

export const EmployeeRefSchema = z
  .strictObject({
    id: nonEmpty.optional(),
    extension: nonEmpty.optional(),
    sipLogin: nonEmpty.optional(),
    phone: nonEmpty.optional(),
    code: nonEmpty.optional(),
  })
  .refine(
    (ref) => Object.keys(ref).length > 0,
    'name the employee by id, extension, sipLogin, phone or code',
  );
export type EmployeeRef = z.infer<typeof EmployeeRefSchema>;

export const UtmSchema = z.strictObject({
  source: z.string().optional(),
  medium: z.string().optional(),
  campaign: z.string().optional(),
  term: z.string().optional(),
  content: z.string().optional(),
});
export type Utm = z.infer<typeof UtmSchema>;

export const TrackingSchema = z.strictObject({
  utm: UtmSchema.optional(),
  pool: z.string().optional(),
  gaClientId: z.string().optional(),
  landingPage: z.string().optional(),
  trackingNumber: z.string().optional(),
});
export type Tracking = z.infer<typeof TrackingSchema>;

/** Issue 11 item 3: ids are keys in the store and in URLs; a sane bound keeps one event from weighing on every query. */
export const MAX_ID_LENGTH = 200;
const id = nonEmpty.max(MAX_ID_LENGTH, `expected at most ${MAX_ID_LENGTH} characters`);
const base = { eventId: id, at: isoTime };
const callBase = { ...base, callId: id };
const direction = z.enum(['incoming', 'outgoing', 'internal']);
export type Direction = z.infer<typeof direction>;
const disposition = z.enum(['answered', 'missed', 'busy', 'failed', 'voicemail']);
export type Disposition = z.infer<typeof disposition>;

const CallStarted = z.strictObject({
  ...callBase,
  type: z.literal('call.started'),
  direction,
  from: nonEmpty,
  to: nonEmpty,
  tracking: TrackingSchema.optional(),
  employee: EmployeeRefSchema.optional(),
});
const CallAnswered = z.strictObject({
  ...callBase,
  type: z.literal('call.answered'),
  employee: EmployeeRefSchema,
});
const CallTransferred = z.strictObject({
  ...callBase,
  type: z.literal('call.transferred'),
  employee: EmployeeRefSchema,
});
const CallEnded = z.strictObject({
  ...callBase,
  type: z.literal('call.ended'),
  disposition,
  durationSec: z.number().int().nonnegative().optional(),
  talkSec: z.number().int().nonnegative().optional(),
  recordingUrl: nonEmpty.optional(),
  // Present when the call arrives as `call.ended` alone (scenario-format §3).
  direction: direction.optional(),
  from: nonEmpty.optional(),
  to: nonEmpty.optional(),
  tracking: TrackingSchema.optional(),
  employee: EmployeeRefSchema.optional(),
});
const CallRecording = z.strictObject({
  ...callBase,
  type: z.literal('call.recording'),
  recordingUrl: nonEmpty,
});
const FormSubmitted = z.strictObject({
  ...base,
  type: z.literal('form.submitted'),
  phone: nonEmpty.optional(),
  name: z.string().optional(),
  email: z.string().optional(),
  fields: z.record(z.string(), z.string()).optional(),
  tracking: TrackingSchema.optional(),
});
export const MESSENGER_TYPES = [
  'messenger.dialog_started',
  'messenger.dialog_taken',
  'messenger.contact_provided',
  'messenger.dialog_ended',
] as const;
const Messenger = z.strictObject({
  ...base,
  type: z.enum(MESSENGER_TYPES),
  dialogId: id,
  channel: z.enum(['telegram', 'viber', 'facebook', 'webchat']),
  clientId: nonEmpty,
  name: z.string().optional(),
  phone: nonEmpty.optional(),
  employee: EmployeeRefSchema.optional(),
  chatUrl: z.string().optional(),
  summary: z.string().optional(),
  tracking: TrackingSchema.optional(),
});
const scored = z.strictObject({ score: z.number(), details: z.string().optional() });
const AnalyticsReady = z.strictObject({
  ...callBase,
  type: z.literal('analytics.ready'),
  language: z.enum(['en', 'uk', 'ru', 'pl']).optional(),
  summary: z.string().optional(),
  mood: z
    .strictObject({
      client: z.string().optional(),
      operator: z.string().optional(),
      overall: z.string().optional(),
    })
    .optional(),
  scores: z
    .strictObject({
      opening: scored.optional(),
      discovery: scored.optional(),
      presentation: scored.optional(),
      closing: scored.optional(),
      overall: scored.optional(),
    })
    .optional(),
  custom: z.record(z.string(), z.string().nullable()).optional(),
  wentWell: z.string().optional(),
  attention: z.strictObject({ score: z.number(), details: z.string().optional() }).optional(),
});

const schemas = {
  'call.started': CallStarted,
  'call.answered': CallAnswered,
  'call.transferred': CallTransferred,
  'call.ended': CallEnded,
  'call.recording': CallRecording,
  'form.submitted': FormSubmitted,
  'messenger.dialog_started': Messenger,
  'messenger.dialog_taken': Messenger,
  'messenger.contact_provided': Messenger,
  'messenger.dialog_ended': Messenger,
  'analytics.ready': AnalyticsReady,
} as const;

export type CallStartedEvent = z.infer<typeof CallStarted>;
export type CallAnsweredEvent = z.infer<typeof CallAnswered>;
export type CallTransferredEvent = z.infer<typeof CallTransferred>;
export type CallEndedEvent = z.infer<typeof CallEnded>;
export type CallRecordingEvent = z.infer<typeof CallRecording>;
export type FormSubmittedEvent = z.infer<typeof FormSubmitted>;
export type MessengerEvent = z.infer<typeof Messenger>;
export type AnalyticsReadyEvent = z.infer<typeof AnalyticsReady>;
export type CallEvent =
  CallStartedEvent | CallAnsweredEvent | CallTransferredEvent | CallEndedEvent | CallRecordingEvent;
export type Event = CallEvent | FormSubmittedEvent | MessengerEvent | AnalyticsReadyEvent;
export type EventType = keyof typeof schemas;
export const EVENT_TYPES = Object.keys(schemas) as EventType[];
/** Each event type's schema: for the published JSON Schema (service/schemas). */
export const EVENT_SCHEMAS: Readonly<Record<EventType, z.ZodType>> = schemas;

export function isCallEvent(event: Event): event is CallEvent {
  return event.type.startsWith('call.');
}

/**
 * Parses one event. `path` prefixes every problem (`events[3]`), and
 * `deriveEventId` fills an absent `eventId` (scenarios may omit it).
 */
export function parseEvent(
  input: unknown,
  path: readonly PropertyKey[] = [],
  deriveEventId?: (raw: Record<string, unknown>) => string,
): Parsed<Event> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      problems: [{ path: formatPath(path), message: 'expected an event object' }],
    };
  }
  const raw = input as Record<string, unknown>;
  const type = raw['type'];
  if (typeof type !== 'string' || !(type in schemas)) {
    const message =
      typeof type === 'string' ? `unknown event type "${type}"` : 'expected an event type string';
    return { ok: false, problems: [{ path: formatPath([...path, 'type']), message }] };
  }
  const illFormed = illFormedStrings(raw, path);
  if (illFormed.length > 0) return { ok: false, problems: illFormed };
  const withId =
    raw['eventId'] === undefined && deriveEventId ? { ...raw, eventId: deriveEventId(raw) } : raw;
  const result = schemas[type as EventType].safeParse(withId);
  if (!result.success) return { ok: false, problems: problemsFromZod(result.error, path) };
  return { ok: true, value: result.data };
}

export function parseEvents(input: unknown, path: readonly PropertyKey[] = []): Parsed<Event[]> {
  if (!Array.isArray(input))
    return {
      ok: false,
      problems: [{ path: formatPath(path), message: 'expected an array of events' }],
    };
  const problems: Problem[] = [];
  const events: Event[] = [];
  input.forEach((item, index) => {
    const parsed = parseEvent(item, [...path, index]);
    if (parsed.ok) events.push(parsed.value);
    else problems.push(...parsed.problems);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: events };
}
