import { randomBytes } from 'node:crypto';

// Paging of a module's record list (Zoho's Get Records docs, v7/v8, "page" and
// "page_token"): `page` + `per_page` reach the first 2000 records only; past
// them a client sends `page_token`, taken from the previous reply's
// `info.next_page_token`, and no `page`. A token is bound to the request's
// other params, lives 24 hours and reaches 100 000 records at most. Each
// refusal below is the code and HTTP status the docs list for it.

/** Records `page` can reach; a page starting past them is refused. */
export const DISCRETE_LIMIT = 2000;
/** Records `page_token` can reach. */
export const TOKEN_LIMIT = 100_000;
export const PAGE_TOKEN_TTL_MS = 24 * 3600 * 1000;
export const MAX_PER_PAGE = 200;

export interface PageToken {
  /** Index of the first record of the page the token asks for. */
  readonly start: number;
  /** Module and params other than `page_token`, in a fixed order: the token fits only the same request. */
  readonly binding: string;
  expiresAtMs: number;
}

export interface Window {
  readonly start: number;
  readonly perPage: number;
}

export interface PagingError {
  readonly code: string;
  readonly message: string;
  readonly details: Record<string, unknown>;
}

const refuse = (code: string, message: string, details: Record<string, unknown>): PagingError => ({
  code,
  message,
  details,
});

function binding(module: string, query: ReadonlyMap<string, string>): string {
  const params = [...query]
    .filter(([key]) => key !== 'page_token' && key !== 'page')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${module}?${params.map(([key, value]) => `${key}=${value}`).join('&')}`;
}

/**
 * The records a list request asks for, or Zoho's refusal. `tokens` false (API
 * v2, before page tokens) ignores `page_token` as an unknown param.
 */
export function listWindow(
  store: Map<string, PageToken>,
  module: string,
  query: ReadonlyMap<string, string>,
  tokens: boolean,
  nowMs: number,
): Window | PagingError {
  const perPage = Number(query.get('per_page') ?? String(MAX_PER_PAGE));
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE)
    return refuse('INVALID_DATA', 'invalid data', { api_name: 'per_page' });
  const tokenValue = tokens ? query.get('page_token') : undefined;
  if (tokenValue !== undefined) {
    if (query.has('page'))
      return refuse('AMBIGUITY_DURING_PROCESSING', 'use either page or page_token', {
        ambiguity_due_to: ['page', 'page_token'],
      });
    const token = store.get(tokenValue);
    if (!token)
      return refuse('INVALID_DATA', 'the token given seems to be invalid', {
        param_name: 'page_token',
      });
    if (nowMs > token.expiresAtMs)
      return refuse('EXPIRED_VALUE', 'the token given has expired', { param_name: 'page_token' });
    if (token.binding !== binding(module, query))
      return refuse(
        'TOKEN_BOUND_DATA_MISMATCH',
        'the params differ from those the page_token was issued for',
        { param_name: 'page_token' },
      );
    if (token.start >= TOKEN_LIMIT)
      return refuse(
        'PAGINATION_LIMIT_EXCEEDED',
        `only the first ${TOKEN_LIMIT} records can be read with page_token`,
        { limit: TOKEN_LIMIT },
      );
    return { start: token.start, perPage };
  }
  const page = Number(query.get('page') ?? '1');
  if (!Number.isInteger(page) || page < 1)
    return refuse('INVALID_DATA', 'invalid data', { api_name: 'page' });
  const start = (page - 1) * perPage;
  // UNVERIFIED for a per_page that does not divide 2000: a page that starts
  // inside the first 2000 records is served whole.
  if (start >= DISCRETE_LIMIT)
    return refuse(
      'DISCRETE_PAGINATION_LIMIT_EXCEEDED',
      `only the first ${DISCRETE_LIMIT} records can be read without page_token`,
      { limit: DISCRETE_LIMIT },
    );
  return { start, perPage };
}

/** Zoho's date-time form: to the second, with an offset. */
const zohoTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

function issue(
  store: Map<string, PageToken>,
  module: string,
  query: ReadonlyMap<string, string>,
  start: number,
  nowMs: number,
): string {
  // Expired tokens can never be used again; drop them once the store grows.
  if (store.size > 10_000)
    for (const [key, token] of store) if (token.expiresAtMs < nowMs) store.delete(key);
  const value = randomBytes(16).toString('hex');
  store.set(value, {
    start,
    binding: binding(module, query),
    expiresAtMs: nowMs + PAGE_TOKEN_TTL_MS,
  });
  return value;
}

/**
 * The token keys of `info` for a page at `window` of `total` records: a next
 * token while more records follow (the docs' sample has one from page 1 on),
 * a previous one past the first page, and when both expire.
 */
export function tokenInfo(
  store: Map<string, PageToken>,
  module: string,
  query: ReadonlyMap<string, string>,
  window: Window,
  total: number,
  nowMs: number,
): Record<string, string | null> {
  const next =
    window.start + window.perPage < total
      ? issue(store, module, query, window.start + window.perPage, nowMs)
      : null;
  const previous =
    window.start > 0
      ? issue(store, module, query, Math.max(0, window.start - window.perPage), nowMs)
      : null;
  return {
    next_page_token: next,
    previous_page_token: previous,
    page_token_expiry: next || previous ? zohoTime(nowMs + PAGE_TOKEN_TTL_MS) : null,
  };
}
