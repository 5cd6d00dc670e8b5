import { z } from 'zod';
import type { HttpResponse } from '../http/client.js';
import { parseRetryAfter } from '../http/retry-after.js';
import { CrmError, type CrmErrorKind } from '../port.js';

// Salesforce's errors → the one decision the worker needs (crm-apis.md §4.12).
// The REST API answers a JSON array of { message, errorCode, fields }; the
// composite resources answer 200 with failures inside (§4.11), which are
// errors all the same.

const ApiErrorSchema = z.looseObject({
  message: z.string().optional(),
  errorCode: z.string().optional(),
  statusCode: z.string().optional(),
});
const ApiErrorsSchema = z.array(ApiErrorSchema);
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** No Retry-After in the core REST API (§4.13): the daily allocation rolls over slowly, so wait a minute. */
export const REQUEST_LIMIT_WAIT_MS = 60_000;

/** Codes that are worth another attempt whatever their HTTP status. */
const TRANSIENT = new Set([
  'REQUEST_LIMIT_EXCEEDED',
  'UNABLE_TO_LOCK_ROW',
  'SERVER_UNAVAILABLE',
  'QUERY_TIMEOUT',
  'TXN_SECURITY_METERING_ERROR',
]);
/** Codes that mean "these credentials no longer reach the org" (G10). */
const REFUSED = new Set([
  'INVALID_SESSION_ID',
  'API_DISABLED_FOR_ORG',
  'API_CURRENTLY_DISABLED',
  'INVALID_AUTH_HEADER',
  'ORG_LOCKED',
]);

export function errorsOf(body: unknown): ApiError[] {
  const parsed = ApiErrorsSchema.safeParse(body);
  return parsed.success ? parsed.data : [];
}

export const codeOf = (error: ApiError): string => error.errorCode ?? error.statusCode ?? '';

export function kindOfCode(code: string, status: number): CrmErrorKind {
  if (TRANSIENT.has(code)) return 'retryable';
  if (REFUSED.has(code) || status === 401) return 'reauth';
  if (status >= 500 || status === 408) return 'retryable';
  return 'permanent';
}

/** HttpClient's `classify`: null for success. */
export function classify(response: HttpResponse): CrmErrorKind | null {
  if (response.status < 400) return null;
  const first = errorsOf(response.json)[0];
  return kindOfCode(first ? codeOf(first) : '', response.status);
}

/** HttpClient's `isExpiredToken`: the session ended; refresh once and retry. */
export function isExpiredToken(response: HttpResponse): boolean {
  return (
    response.status === 401 &&
    errorsOf(response.json).some((e) => codeOf(e) === 'INVALID_SESSION_ID')
  );
}

/** HttpClient's `waitHintMs`: a rate-limit answer waits at least a minute unless the server says otherwise. */
export function waitHintMs(response: HttpResponse): number | undefined {
  const hinted = parseRetryAfter(response.headers.get('retry-after'), Date.now());
  if (hinted !== undefined) return hinted;
  return errorsOf(response.json).some((e) => codeOf(e) === 'REQUEST_LIMIT_EXCEEDED')
    ? REQUEST_LIMIT_WAIT_MS
    : undefined;
}

/** A failure reported inside a 2xx (composite, sObject Collections) as a CrmError. */
export function insideError(what: string, status: number, errors: readonly ApiError[]): CrmError {
  const first = errors[0];
  const code = first ? codeOf(first) : '';
  const kind = kindOfCode(code, status);
  return new CrmError(
    kind,
    `${what}: ${code || `HTTP ${status}`} ${first?.message ?? ''}`.trim(),
    kind === 'retryable' && code === 'REQUEST_LIMIT_EXCEEDED' ? REQUEST_LIMIT_WAIT_MS : undefined,
  );
}

const OAuthErrorSchema = z.looseObject({
  error: z.string(),
  error_description: z.string().optional(),
});

/** The token endpoint's answer: a refused grant or client is `reauth`, an outage `retryable`. */
export function classifyOAuth(response: HttpResponse): CrmErrorKind | null {
  if (response.status < 400) return null;
  if (response.status >= 500 || response.status === 429) return 'retryable';
  const parsed = OAuthErrorSchema.safeParse(response.json);
  // invalid_grant (revoked / expired refresh token), invalid_client, invalid_client_id, inactive_user, …
  return parsed.success || response.status === 400 || response.status === 401
    ? 'reauth'
    : 'permanent';
}
