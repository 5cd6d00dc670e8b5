import { z } from 'zod';

// Twilio's callback parameters (telephony-sources.md §4), as sent: strings.
// Unknown parameters (geo fields, ApiVersion, …) are dropped, not refused: Twilio adds them freely.

export const TwilioSettingsSchema = z.strictObject({
  /** The account's Auth Token, the key of `X-Twilio-Signature`. */
  authToken: z.string().min(1, 'expected the account Auth Token'),
  /** The public base URL Twilio calls (`https://hooks.example.com`), when the service sits behind a proxy. */
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
});
export type TwilioSettings = z.infer<typeof TwilioSettingsSchema>;

const sid = z.string().regex(/^[A-Z]{2}[0-9a-zA-Z]{1,62}$/, 'expected a Twilio SID');
const seconds = z.string().regex(/^\d+$/, 'expected whole seconds').transform(Number);
const party = z.string().min(1, 'expected a number or client identity');

export const CALL_STATUSES = [
  'queued',
  'initiated',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'failed',
  'no-answer',
  'canceled',
] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
export const DIRECTIONS = [
  'inbound',
  'outbound-api',
  'outbound-dial',
  'trunking-originating',
  'trunking-terminating',
] as const;
export type TwilioDirection = (typeof DIRECTIONS)[number];

const callParams = {
  CallSid: sid,
  AccountSid: sid.optional(),
  From: party,
  To: party,
  Direction: z.enum(DIRECTIONS),
  /** RFC 2822 (`Tue, 02 Apr 2024 09:30:05 +0000`), status callbacks only. */
  Timestamp: z.string().optional(),
  RecordingUrl: z.url().optional(),
};

/** Voice status callback (`StatusCallback`). */
export const StatusCallbackSchema = z.object({
  ...callParams,
  ParentCallSid: sid.optional(),
  CallStatus: z.enum(CALL_STATUSES),
  CallDuration: seconds.optional(),
  SequenceNumber: seconds.optional(),
});
export type StatusCallback = z.infer<typeof StatusCallbackSchema>;

export const DIAL_STATUSES = [
  'completed',
  'answered',
  'busy',
  'no-answer',
  'failed',
  'canceled',
] as const;
export type DialStatus = (typeof DIAL_STATUSES)[number];

/** `<Dial action>`: the outcome of routing an inbound call, posted on the parent call. */
export const DialActionSchema = z.object({
  ...callParams,
  DialCallStatus: z.enum(DIAL_STATUSES),
  DialCallSid: sid.optional(),
  DialCallDuration: seconds.optional(),
});
export type DialAction = z.infer<typeof DialActionSchema>;

export const RECORDING_STATUSES = ['in-progress', 'completed', 'absent', 'failed'] as const;

/** `recordingStatusCallback`. */
export const RecordingCallbackSchema = z.object({
  CallSid: sid,
  AccountSid: sid.optional(),
  RecordingSid: sid,
  RecordingUrl: z.url(),
  RecordingStatus: z.enum(RECORDING_STATUSES),
  RecordingDuration: seconds.optional(),
  RecordingSource: z.string().optional(),
  Timestamp: z.string().optional(),
});
export type RecordingCallback = z.infer<typeof RecordingCallbackSchema>;
