import { z } from 'zod';

// Zadarma PBX notifications (telephony-sources.md §2), form fields as sent: strings.
// Unlisted fields are dropped, not refused: Zadarma adds fields freely.

export const ZadarmaSettingsSchema = z.strictObject({
  /** The API secret (personal account → Settings → API), the key of the `Signature` header. */
  apiSecret: z.string().min(1, 'expected the Zadarma API secret'),
  /** The account's timezone, in which Zadarma writes `call_start`; default: the project's timezone. */
  timezone: z
    .string()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'expected an IANA timezone')
    .optional(),
  /**
   * Where a recording can be fetched, e.g. a proxy in front of Zadarma's
   * recording API: `https://rec.example.com/zadarma/{call_id_with_rec}`.
   * Zadarma sends no link of its own; without a template NOTIFY_RECORD maps to nothing.
   */
  recordingUrl: z
    .string()
    .regex(
      /^https?:\/\/\S*\{call_id_with_rec\}/,
      'expected an http(s) URL containing {call_id_with_rec}',
    )
    .optional(),
});
export type ZadarmaSettings = z.infer<typeof ZadarmaSettingsSchema>;

const text = z.string().min(1, 'expected a non-empty value');
/** Hidden caller ids arrive empty; kept as a value that never matches a client (behaviour.md G1). */
const party = z.string().transform((value) => (value.trim() === '' ? 'anonymous' : value.trim()));
const seconds = z.string().regex(/^\d+$/, 'expected whole seconds').transform(Number);
const localTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}$/, 'expected YYYY-MM-DD HH:MM:SS');
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const call = { pbx_call_id: text, call_start: localTime };
const ending = {
  duration: seconds,
  disposition: text,
  status_code: z.string().optional(),
  is_recorded: z.string().optional(),
  call_id_with_rec: z.string().optional(),
};

export const NotificationSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('NOTIFY_START'), ...call, caller_id: party, called_did: text }),
  z.object({
    event: z.literal('NOTIFY_INTERNAL'),
    ...call,
    caller_id: party,
    called_did: text,
    internal: optionalText,
  }),
  z.object({
    event: z.literal('NOTIFY_ANSWER'),
    ...call,
    caller_id: party,
    destination: text,
    internal: optionalText,
  }),
  z.object({
    event: z.literal('NOTIFY_END'),
    ...call,
    ...ending,
    caller_id: party,
    called_did: text,
    internal: optionalText,
    last_internal: optionalText,
  }),
  z.object({
    event: z.literal('NOTIFY_OUT_START'),
    ...call,
    internal: text,
    destination: text,
    caller_id: optionalText,
  }),
  z.object({
    event: z.literal('NOTIFY_OUT_END'),
    ...call,
    ...ending,
    internal: text,
    destination: text,
    caller_id: optionalText,
  }),
  z.object({ event: z.literal('NOTIFY_RECORD'), pbx_call_id: text, call_id_with_rec: text }),
]);
export type Notification = z.infer<typeof NotificationSchema>;
export type NotificationEvent = Notification['event'];
