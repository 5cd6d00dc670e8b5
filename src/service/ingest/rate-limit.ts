// CALLMATRIX_INGEST_RATE (service.md §1, §4): each project may send `ratePerSec`
// requests a second, in bursts of twice that. A token bucket per project,
// in process: with several `serve` processes each enforces its own share.

export type RateVerdict =
  { readonly ok: true } | { readonly ok: false; readonly retryAfterSec: number };

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  /** `ratePerSec` 0 turns the limit off. */
  constructor(private readonly ratePerSec: number) {}

  take(projectId: string, nowMs: number): RateVerdict {
    if (this.ratePerSec <= 0) return { ok: true };
    const capacity = 2 * this.ratePerSec;
    const bucket = this.buckets.get(projectId) ?? { tokens: capacity, at: nowMs };
    bucket.tokens = Math.min(
      capacity,
      bucket.tokens + ((nowMs - bucket.at) / 1000) * this.ratePerSec,
    );
    bucket.at = nowMs;
    this.buckets.set(projectId, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return {
      ok: false,
      retryAfterSec: Math.max(1, Math.ceil((1 - bucket.tokens) / this.ratePerSec)),
    };
  }
}
