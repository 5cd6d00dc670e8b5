import { z } from 'zod';
import type { HttpResponse } from '../http/client.js';
import { clip } from '../http/error-summary.js';
import { CrmError, type CrmErrorKind } from '../port.js';

// Zoho's errors → the one decision the worker needs (crm-apis.md §1.2, §1.3, §1.12).

/** Top-level error body `{code, details, message, status}`, and one entry of a write reply. */
const ErrorBody = z.looseObject({
  code: z.string(),
  message: z.string().optional(),
  status: z.string().optional(),
  details: z.unknown().optional(),
});
export const WriteEntry = z.looseObject({
  code: z.string(),
  status: z.enum(['success', 'error']),
  message: z.string().optional(),
  details: z.looseObject({ id: z.string().optional(), api_name: z.string().optional() }).optional(),
});
export type WriteEntry = z.infer<typeof WriteEntry>;
export const WriteReply = z.looseObject({ data: z.array(WriteEntry) });

/** Codes that mean "these credentials are refused": the integration turns broken (G10). */
const REAUTH_CODES = new Set([
  'INVALID_TOKEN',
  'OAUTH_SCOPE_MISMATCH',
  'AUTHENTICATION_FAILURE',
  'INVALID_OAUTHTOKEN',
  'OAUTH_TOKEN_EXPIRED',
]);

export function errorCode(response: HttpResponse): string | undefined {
  const parsed = ErrorBody.safeParse(response.json);
  return parsed.success ? parsed.data.code : undefined;
}

/** A 401 INVALID_TOKEN: the access token ran out; refresh once and try again (§1.2). */
export function isExpiredToken(response: HttpResponse): boolean {
  return response.status === 401 && errorCode(response) === 'INVALID_TOKEN';
}

/**
 * Status and top-level code → kind. A write reply's per-record envelope
 * (`{data: [{status: "error", …}]}`, HTTP 400 when all fail, 2xx when some
 * succeed) is left to `readWrite`, which knows which record it concerns.
 */
export function classify(response: HttpResponse): CrmErrorKind | null {
  const { status } = response;
  if (status < 400) return null;
  if (status === 400 && WriteReply.safeParse(response.json).success) return null;
  const code = errorCode(response);
  if (status === 401 || (code !== undefined && REAUTH_CODES.has(code))) return 'reauth';
  if (status === 429 || code === 'TOO_MANY_REQUESTS' || status === 408 || status >= 500)
    return 'retryable';
  return 'permanent';
}

/**
 * Zoho sends no Retry-After on a 429 (§1.12); the older per-minute scheme's
 * `X-RATELIMIT-RESET` (epoch milliseconds, UNVERIFIED) is the only wait hint.
 */
export function waitHintMs(response: HttpResponse, nowMs: number = Date.now()): number | undefined {
  const reset = response.headers.get('x-ratelimit-reset');
  if (!reset || !/^\d+$/.test(reset)) return undefined;
  const value = Number(reset);
  // Seconds since the epoch or milliseconds: both have been seen in the wild.
  const atMs = value < 1e12 ? value * 1000 : value;
  return Math.max(0, atMs - nowMs);
}

export type WriteOutcome =
  { readonly id: string } | { readonly duplicateOf: string; readonly field: string };

/**
 * §2.7 of style.md, "2xx with an error inside": one entry of a write reply.
 * SUCCESS gives the id; DUPLICATE_DATA names the record that already holds the
 * unique value (the operation key, D13); any other error rejects this record.
 */
export function readWriteEntry(entry: WriteEntry | undefined, what: string): WriteOutcome {
  if (!entry)
    throw new CrmError('permanent', `${what}: Zoho answered without a result for the record`);
  if (entry.status === 'success' && entry.details?.id) return { id: entry.details.id };
  if (entry.code === 'DUPLICATE_DATA' && entry.details?.id)
    return { duplicateOf: entry.details.id, field: entry.details.api_name ?? '' };
  const kind: CrmErrorKind = entry.code === 'INTERNAL_ERROR' ? 'retryable' : 'permanent';
  throw new CrmError(
    kind,
    // The code, message and field name of Zoho's envelope, not its whole details (docs/security.md).
    clip(
      `${what}: Zoho refused the record: ${entry.code} ${entry.message ?? ''} ${entry.details?.api_name ?? ''}`,
      300,
    ),
  );
}

/** The token endpoint's refusal, 200 or 400 with `{error}` (§1.2): the refresh token no longer works. */
export function tokenRefused(error: string): CrmError {
  return new CrmError('reauth', `Zoho accounts refused the refresh token: ${error}`);
}
