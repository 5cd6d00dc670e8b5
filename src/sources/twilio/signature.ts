import { createHash, createHmac } from 'node:crypto';
import { secretsEqual } from '../common/constant-time.js';
import { formPairs } from '../common/form.js';
import { header, type RequestHeaders } from '../common/headers.js';
import { ACCEPTED, refused, type Verdict } from '../common/source.js';

// `X-Twilio-Signature` (telephony-sources.md §4.3): base64 HMAC-SHA1, keyed
// with the account's Auth Token, over the URL Twilio called followed by the
// POST parameters sorted by name, each as name + value with no separators.

export function twilioSignature(
  authToken: string,
  url: string,
  pairs: ReadonlyArray<readonly [string, string]>,
): string {
  const sorted = [...pairs].sort(([a, av], [b, bv]) => compare(a, b) || compare(av, bv));
  const hmac = createHmac('sha1', authToken).update(url, 'utf8');
  for (const [name, value] of sorted) hmac.update(name + value, 'utf8');
  return hmac.digest('base64');
}

// Code-unit order, as Twilio's own libraries sort (not locale order).
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(.*)$/i;

/**
 * The URL Twilio called (service.md §4): the project's `publicUrl` followed by
 * the request's path and query, or the request's own URL when `publicUrl` is
 * unset. The path and query are taken as received, never re-encoded.
 */
export function calledUrl(publicUrl: string | undefined, requestUrl: string): string {
  if (!publicUrl) return requestUrl;
  const pathAndQuery = ABSOLUTE.exec(requestUrl)?.[1] ?? requestUrl;
  return publicUrl.replace(/\/+$/, '') + pathAndQuery;
}

const HOST = /^(https?):\/\/([^/?#:]+)(?::(\d+))?(.*)$/i;
const DEFAULT_PORT: Record<string, string> = { http: '80', https: '443' };

/**
 * The URL as configured and with the default port toggled: Twilio signs the
 * URL exactly as configured, and proxies add or strip `:443`. Twilio's own
 * helper libraries accept both forms for the same reason.
 */
export function urlVariants(url: string): string[] {
  const m = HOST.exec(url);
  if (!m) return [url];
  const [, scheme = '', host = '', port, rest = ''] = m;
  const defaultPort = DEFAULT_PORT[scheme.toLowerCase()];
  if (port === undefined && defaultPort) return [url, `${scheme}://${host}:${defaultPort}${rest}`];
  if (port === defaultPort) return [url, `${scheme}://${host}${rest}`];
  return [url];
}

export function verifyTwilio(
  raw: Uint8Array,
  headers: RequestHeaders,
  authToken: string,
  url: string,
): Verdict {
  if (!authToken) return refused('no-secret');
  const given = header(headers, 'x-twilio-signature');
  if (!given) return refused('missing-signature');
  const bodyHash = bodySha256(url);
  // A JSON body is signed through the URL's `bodySHA256` parameter; the form parameters are not appended then.
  if (
    bodyHash !== null &&
    !secretsEqual(createHash('sha256').update(raw).digest('hex'), bodyHash.toLowerCase())
  ) {
    return refused('bad-signature');
  }
  const pairs = bodyHash === null ? formPairs(raw) : [];
  let good = false;
  for (const candidate of urlVariants(url)) {
    if (secretsEqual(given, twilioSignature(authToken, candidate, pairs))) good = true;
  }
  return good ? ACCEPTED : refused('bad-signature');
}

function bodySha256(url: string): string | null {
  const query = url.indexOf('?');
  if (query < 0) return null;
  return new URLSearchParams(url.slice(query + 1).split('#')[0]).get('bodySHA256');
}
