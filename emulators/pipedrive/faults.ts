import { z } from 'zod';
import { errorBody, unauthorizedBody, type Reply } from './http.js';

// Injected failures (service.md §7) and the burst limit (crm-apis.md §2.14),
// both answered with Pipedrive's own signal: 429 with x-ratelimit-* headers.

export interface Failure {
  count: number;
  status: number;
  retryAfterSec?: number | undefined;
}

export interface Faults {
  fail: Failure | null;
  latencyMs: number;
}

const FaultsSchema = z.strictObject({
  credentials: z.enum(['revoked', 'valid']).optional(),
  fail: z
    .strictObject({
      count: z.number().int().min(0),
      status: z.number().int().min(200).max(599),
      retryAfterSec: z.number().min(0).optional(),
    })
    .optional(),
  latencyMs: z.number().min(0).optional(),
  /** Extension: every OAuth access token issued so far expires now. */
  expireTokens: z.boolean().optional(),
});

export function parseFaults(
  input: unknown,
): { ok: true; value: z.infer<typeof FaultsSchema> } | { ok: false; error: string } {
  const parsed = FaultsSchema.safeParse(input);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : {
        ok: false,
        error: parsed.error.issues
          .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
          .join('; '),
      };
}

/** The reply of an injected failure. A 200 is Pipedrive's "2xx with an error inside": `success: false`. */
export function failureReply(failure: Failure, limit: number): Reply {
  const retry = failure.retryAfterSec;
  const headers: Record<string, string> =
    retry === undefined ? {} : { 'retry-after': String(Math.ceil(retry)) };
  if (failure.status === 429) {
    return {
      status: 429,
      headers: {
        ...headers,
        'x-ratelimit-limit': String(limit),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.ceil(retry ?? 2)),
      },
      body: errorBody('Request over limit'),
    };
  }
  if (failure.status === 401) return { status: 401, headers, body: unauthorizedBody() };
  const message =
    failure.status < 300
      ? 'The request could not be completed'
      : failure.status >= 500
        ? 'Internal server error'
        : 'Emulated failure';
  return { status: failure.status, headers, body: errorBody(message) };
}

/** Per-token requests in a rolling 2-second window. */
export class RateLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(readonly limit: number) {}

  take(
    token: string,
    now = Date.now(),
  ): { over: boolean; resetSec: number; headers: Record<string, string> } {
    const recent = (this.windows.get(token) ?? []).filter((at) => at > now - 2000);
    const over = recent.length >= this.limit;
    if (!over) recent.push(now);
    this.windows.set(token, recent);
    const resetSec =
      recent.length > 0 ? Math.max(1, Math.ceil(((recent[0] ?? now) + 2000 - now) / 1000)) : 2;
    return {
      over,
      resetSec,
      headers: {
        'x-ratelimit-limit': String(this.limit),
        'x-ratelimit-remaining': String(Math.max(0, this.limit - recent.length)),
        'x-ratelimit-reset': String(resetSec),
      },
    };
  }
}
