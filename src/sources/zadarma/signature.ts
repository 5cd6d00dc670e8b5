import { createHmac } from 'node:crypto';
import { secretsEqual } from '../common/constant-time.js';
import { formRecord } from '../common/form.js';
import { header, type RequestHeaders } from '../common/headers.js';
import { ACCEPTED, refused, type Verdict } from '../common/source.js';
import type { NotificationEvent } from './schema.js';

// The `Signature` header (telephony-sources.md §2.1): base64 of the *hex*
// HMAC-SHA1 of a few fields concatenated, keyed with the API secret. Only
// those fields are covered and there is no timestamp, so replays are possible;
// deterministic event ids make a replay a duplicate.

export const SIGNED_FIELDS: Record<NotificationEvent, readonly string[]> = {
  NOTIFY_START: ['caller_id', 'called_did', 'call_start'],
  NOTIFY_INTERNAL: ['caller_id', 'called_did', 'call_start'],
  NOTIFY_END: ['caller_id', 'called_did', 'call_start'],
  NOTIFY_ANSWER: ['caller_id', 'destination', 'call_start'],
  NOTIFY_OUT_START: ['internal', 'destination', 'call_start'],
  NOTIFY_OUT_END: ['internal', 'destination', 'call_start'],
  NOTIFY_RECORD: ['pbx_call_id', 'call_id_with_rec'],
};

export function zadarmaSignature(apiSecret: string, signed: string): string {
  return Buffer.from(createHmac('sha1', apiSecret).update(signed, 'utf8').digest('hex')).toString(
    'base64',
  );
}

function isKnown(event: string | undefined): event is NotificationEvent {
  return event !== undefined && Object.hasOwn(SIGNED_FIELDS, event);
}

/**
 * Notifications we do not map (NOTIFY_IVR, SMS, …) have no documented signed
 * fields, so they cannot be verified and are refused: point only call
 * notifications at this URL.
 */
export function verifyZadarma(
  raw: Uint8Array,
  headers: RequestHeaders,
  apiSecret: string,
): Verdict {
  if (!apiSecret) return refused('no-secret');
  const given = header(headers, 'signature');
  if (!given) return refused('missing-signature');
  const form = formRecord(raw);
  const event = form['event'];
  if (!isKnown(event)) return refused('malformed');
  const signed = SIGNED_FIELDS[event].map((field) => form[field] ?? '').join('');
  return secretsEqual(given, zadarmaSignature(apiSecret, signed))
    ? ACCEPTED
    : refused('bad-signature');
}
