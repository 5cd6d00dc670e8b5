import type { CrmErrorKind } from '../port.js';
import type { HttpResponse } from '../http/client.js';
import { parseRetryAfter } from '../http/retry-after.js';

// retailCRM's answers → the one decision the worker needs (crm-apis.md §3.2, §3.9).

interface ErrorBody {
  readonly success?: unknown;
  readonly errorMsg?: unknown;
  readonly errors?: unknown;
}

const body = (response: HttpResponse): ErrorBody =>
  response.json !== null && typeof response.json === 'object' ? response.json : {};

/** The messages the official client maps to auth exceptions: the key is missing, wrong, lacks rights, or the account is gone. */
const AUTH_MESSAGES = [
  '"apiKey" is missing.',
  'Wrong "apiKey" value.',
  'Access denied.',
  'Account does not exist.',
];

export function isAuthRefusal(response: HttpResponse): boolean {
  const message = body(response).errorMsg;
  return typeof message === 'string' && AUTH_MESSAGES.includes(message);
}

/** A create refused because a record with that externalId exists: the adapter's D13 retry path, not an error. */
export function isDuplicateExternalId(json: unknown): boolean {
  if (json === null || typeof json !== 'object') return false;
  const { success, errors } = json as ErrorBody;
  return (
    success === false &&
    errors !== null &&
    typeof errors === 'object' &&
    !Array.isArray(errors) &&
    'externalId' in errors
  );
}

export function classifyRetailcrm(response: HttpResponse): CrmErrorKind | null {
  const { status } = response;
  if (status >= 200 && status < 300) {
    // "2xx with an error inside": every success carries `success: true`; anything else is a refusal.
    if (body(response).success === true) return null;
    return isAuthRefusal(response) ? 'reauth' : 'permanent';
  }
  if (status === 401 || status === 403 || isAuthRefusal(response)) return 'reauth';
  if (status === 400 && isDuplicateExternalId(response.json)) return null;
  // 503 is retailCRM's rate-limit signal (§3.9); 429 is accepted too, should a proxy answer so.
  if (status === 408 || status === 429 || status >= 500) return 'retryable';
  return 'permanent';
}

/** Retry-After when sent; retailCRM sends none with its 503, and its limit is per second, so a second. */
export function retailcrmWaitHintMs(response: HttpResponse): number | undefined {
  const header = parseRetryAfter(response.headers.get('retry-after'), Date.now());
  if (header !== undefined) return header;
  return response.status === 503 || response.status === 429 ? 1000 : undefined;
}

/** Did the CRM possibly carry the request out although we saw a failure? (network loss, timeouts, server errors) */
export function outcomeUncertain(status: number | undefined): boolean {
  return status === undefined || (status >= 500 && status !== 503);
}
