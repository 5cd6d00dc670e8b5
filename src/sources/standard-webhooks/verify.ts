import { createHmac, timingSafeEqual } from 'node:crypto';
import { header, type RequestHeaders } from '../common/headers.js';
import { secretsEqual } from '../common/constant-time.js';
import { ACCEPTED, refused, type Verdict } from '../common/source.js';

// The native webhook's authentication (service.md §3): a bearer token, or a
// Standard Webhooks signature (https://www.standardwebhooks.com), checked on the raw body bytes.

/** A timestamp further than this from the server's clock is refused (replay window). */
export const TOLERANCE_SEC = 5 * 60;
const SECRET_PREFIX = 'whsec_';

export interface WebhookCredentials {
  /** `webhook.token`: accepted as `Authorization: Bearer …`. */
  readonly token?: string | undefined;
  /** `webhook.signingSecret`: `whsec_` + base64 key. */
  readonly signingSecret?: string | undefined;
}

/** The HMAC key of a `whsec_…` secret: the base64-decoded part after the prefix. */
export function signingKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  return Buffer.from(encoded, 'base64');
}

/** `v1,` + base64 HMAC-SHA256 of `{id}.{timestamp}.{raw body}`. Exported for tests and for clients of the API. */
export function sign(secret: string, id: string, timestampSec: number, raw: Uint8Array): string {
  return `v1,${digest(signingKey(secret), id, String(timestampSec), raw).toString('base64')}`;
}

function digest(key: Buffer, id: string, timestamp: string, raw: Uint8Array): Buffer {
  return createHmac('sha256', key).update(`${id}.${timestamp}.`).update(raw).digest();
}

/** `Authorization: Bearer TOKEN` against the project's token, in constant time. */
export function verifyBearer(headers: RequestHeaders, token: string | undefined): Verdict {
  if (!token) return refused('no-secret');
  const authorization = header(headers, 'authorization');
  const match = authorization ? /^Bearer +(\S+) *$/i.exec(authorization) : null;
  if (!match?.[1]) return refused('missing-signature');
  return secretsEqual(match[1], token) ? ACCEPTED : refused('bad-signature');
}

/** The three `webhook-*` headers against the signing secret, with the 5-minute window around `now`. */
export function verifySignature(
  raw: Uint8Array,
  headers: RequestHeaders,
  secret: string | undefined,
  now: Date,
): Verdict {
  if (!secret) return refused('no-secret');
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) return refused('missing-signature');
  if (!/^\d{1,12}$/.test(timestamp)) return refused('malformed');
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > TOLERANCE_SEC)
    return refused('stale-timestamp');
  const key = signingKey(secret);
  if (key.length === 0) return refused('no-secret');
  // Compared as base64 text: Node's base64 decoder skips stray characters, so decoding would accept altered strings.
  const expected = Buffer.from(digest(key, id, timestamp, raw).toString('base64'));
  // Several space-separated signatures are allowed (secret rotation); one good `v1` suffices.
  // Every candidate is compared, so timing does not reveal which one matched.
  let good = false;
  for (const candidate of signatures.split(' ')) {
    const comma = candidate.indexOf(',');
    if (comma < 0 || candidate.slice(0, comma) !== 'v1') continue;
    const given = Buffer.from(candidate.slice(comma + 1));
    if (given.length === expected.length && timingSafeEqual(given, expected)) good = true;
  }
  return good ? ACCEPTED : refused('bad-signature');
}

/**
 * Ingest and routing (service.md §3): a valid bearer token or a valid
 * signature, whichever the request carries (a wrong token with a good
 * signature passes). The reason is for logs; the answer is 401 either way.
 */
export function verifyWebhook(
  raw: Uint8Array,
  headers: RequestHeaders,
  credentials: WebhookCredentials,
  now: Date,
): Verdict {
  if (header(headers, 'authorization') !== undefined) {
    const bearer = verifyBearer(headers, credentials.token);
    if (bearer.ok || header(headers, 'webhook-signature') === undefined) return bearer;
  }
  return verifySignature(raw, headers, credentials.signingSecret, now);
}
