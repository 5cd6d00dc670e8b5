import type { HttpResponse } from '../http/client.js';
import { parseRetryAfter } from '../http/retry-after.js';
import type { CrmErrorKind } from '../port.js';

// Pipedrive's answers → the one decision the worker needs (crm-apis.md §2.3, §2.14).

/**
 * - `success: false` inside a 2xx is a refusal like any 4xx (the n8n Pipedrive
 *   transport checks it the same way): permanent.
 * - 401: the token is refused: reauth. 402 (payment required): the account
 *   can take no calls until someone acts, the same decision: reauth.
 * - 408, 429 (burst window or daily token budget), 5xx: retryable.
 * - Any other 4xx rejects the record: permanent.
 */
export function classifyPipedrive(response: HttpResponse): CrmErrorKind | null {
  const { status } = response;
  if (status < 300) return successFalse(response.json) ? 'permanent' : null;
  if (status < 400) return 'permanent';
  if (status === 401 || status === 402) return 'reauth';
  if (status === 408 || status === 429 || status >= 500) return 'retryable';
  return 'permanent';
}

function successFalse(body: unknown): boolean {
  return (
    typeof body === 'object' && body !== null && (body as { success?: unknown }).success === false
  );
}

/**
 * The wait Pipedrive asks for: `Retry-After` when sent (UNVERIFIED that it is),
 * else on a 429 `x-ratelimit-reset`, the seconds until the 2-second window resets.
 * A 429 whose daily token budget is spent (`x-daily-ratelimit-token-remaining: 0`)
 * lasts until the day resets; the hint is then an hour, so the inbox backs off hard.
 */
export function pipedriveWaitMs(
  response: HttpResponse,
  nowMs: number = Date.now(),
): number | undefined {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'), nowMs);
  if (retryAfter !== undefined) return retryAfter;
  if (response.status !== 429) return undefined;
  if (response.headers.get('x-daily-ratelimit-token-remaining') === '0') return 3_600_000;
  const reset = Number(response.headers.get('x-ratelimit-reset'));
  return Number.isFinite(reset) && reset > 0 ? reset * 1000 : 2000;
}

/** The refused-credentials answers of the OAuth server (RFC 6749 §5.2): a grant the user must redo. */
export function classifyOAuth(response: HttpResponse): CrmErrorKind | null {
  const { status } = response;
  if (status < 300) return null;
  if (status === 400 || status === 401 || status === 403) return 'reauth';
  if (status === 429 || status >= 500) return 'retryable';
  return 'permanent';
}
