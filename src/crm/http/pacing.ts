import { createHash } from 'node:crypto';

// Pacing of one CRM connection (issue 10): requests wait here rather than hit
// the CRM's limit, and a rate-limit answer slows everyone using the
// connection instead of failing (and parking) one event. One pacer per
// connection in a process, shared by every adapter built for it (sharedPacer).

export interface RateLimits {
  /** At most `requests` in any window of `windowMs` (Pipedrive: per 2 s; retailCRM: per second); absent: no rate. */
  readonly requests?: number;
  readonly windowMs?: number;
  /** At most this many requests in flight at once (Zoho's concurrency limit). */
  readonly concurrency?: number;
  /** A response header naming the account's own `requests` per window (Pipedrive: x-ratelimit-limit): learned from each answer. */
  readonly limitHeader?: string;
}

/** The share of the documented rate the pacer aims at: headroom for other apps on the same account. */
const TARGET_SHARE = 0.8;
/** After a rate-limit answer the rate halves, down to this share of the target at least… */
const FLOOR_SHARE = 0.1;
/** …and climbs back by this share of the target per second without one. */
const RECOVERY_PER_SEC = 0.05;
/** Without a wait hint, a rate-limit answer holds requests back this long… */
const DEFAULT_PAUSE_MS = 1_000;
/**
 * …and with one, at most this long (Pipedrive's window): requests wait in a
 * worker's slot, so a longer hint (a spent daily budget: an hour) is left to
 * the event's next attempt (worker/retry.ts takes the hint), not to a slot
 * that every other project's events need too.
 */
const MAX_PAUSE_MS = 2_000;

/**
 * A token bucket (the window's rate, a burst small enough that burst plus two
 * windows' refill stays under the limit), a concurrency gate, and AIMD on
 * rate-limit answers: halve the rate and pause for the CRM's wait hint.
 */
export class ConnectionPacer {
  private target = Infinity;
  private burst = Infinity;
  private rate: number;
  private tokens: number;
  private last: number;
  private pausedUntil = 0;
  private inFlight = 0;
  private readonly queue: Array<() => void> = [];

  constructor(
    readonly limits: RateLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.configure(limits.requests);
    this.rate = this.target;
    this.tokens = this.burst;
    this.last = now();
  }

  private configure(requests: number | undefined): void {
    if (requests === undefined || !(requests > 0)) return;
    const perSec = (requests / (this.limits.windowMs ?? 1000)) * 1000;
    this.target = perSec * TARGET_SHARE;
    // In any window: burst + target × window ≤ limit.
    this.burst = Math.max(1, Math.floor(requests * (1 - TARGET_SHARE)));
  }

  /** Reads the account's own limit from an answer (RateLimits.limitHeader), when the CRM sends it. */
  observe(headers: Headers): void {
    if (!this.limits.limitHeader) return;
    const requests = Number(headers.get(this.limits.limitHeader));
    if (!Number.isFinite(requests) || requests <= 0) return;
    const before = this.target;
    this.configure(requests);
    // Not slowed by a rate limit: the account's own rate applies at once; slowed: it climbs back to it.
    if (this.target < before || this.rate === before)
      this.rate = Math.min(this.target, this.rate === before ? this.target : this.rate);
    this.tokens = Math.min(this.tokens, this.burst);
  }

  /** The rate it paces at now, requests per second. */
  get currentRate(): number {
    this.refill();
    return this.rate;
  }

  /** Waits for a slot and a token; the returned function gives the slot back (after the response). */
  async acquire(): Promise<() => void> {
    const limit = this.limits.concurrency;
    if (limit !== undefined && this.inFlight >= limit)
      await new Promise<void>((resolve) => this.queue.push(resolve));
    this.inFlight += 1;
    for (let ms = this.reserve(); ms > 0; ms = this.pausedUntil - this.now())
      await new Promise((resolve) => setTimeout(resolve, ms));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
      this.queue.shift()?.();
    };
  }

  /** A rate-limit answer: everyone waits for the CRM's hint (up to MAX_PAUSE_MS) and the rate halves. */
  limited(waitMs: number | undefined): void {
    if (this.target === Infinity) {
      this.pause(waitMs);
      return;
    }
    this.refill();
    this.rate = Math.max(this.target * FLOOR_SHARE, this.rate / 2);
    this.tokens = Math.min(this.tokens, 0);
    this.pause(waitMs);
  }

  private pause(waitMs: number | undefined): void {
    const ms =
      waitMs !== undefined && waitMs > 0 ? Math.min(waitMs, MAX_PAUSE_MS) : DEFAULT_PAUSE_MS;
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  private refill(): void {
    if (this.target === Infinity) return;
    const now = this.now();
    const seconds = Math.max(0, now - this.last) / 1000;
    this.last = now;
    if (now >= this.pausedUntil)
      this.rate = Math.min(this.target, this.rate + this.target * RECOVERY_PER_SEC * seconds);
    this.tokens = Math.min(this.burst, this.tokens + seconds * this.rate);
  }

  /** Takes a token; milliseconds to wait before sending. */
  private reserve(): number {
    if (this.target === Infinity) return this.pausedUntil - this.now();
    this.refill();
    this.tokens -= 1;
    const forRate = this.tokens >= 0 ? 0 : (-this.tokens / this.rate) * 1000;
    return Math.max(forRate, this.pausedUntil - this.now());
  }
}

const pacers = new Map<string, ConnectionPacer>();

/**
 * The process's pacer of one connection: every adapter of the same account
 * (`baseUrl` and credential) shares it, across projects and project versions.
 * Only a hash of the credential is kept.
 */
export function sharedPacer(
  baseUrl: string,
  credential: string,
  limits: RateLimits,
): ConnectionPacer {
  const key = `${baseUrl}|${createHash('sha256').update(credential).digest('hex')}|${JSON.stringify(limits)}`;
  let pacer = pacers.get(key);
  if (!pacer) {
    pacer = new ConnectionPacer(limits);
    pacers.set(key, pacer);
  }
  return pacer;
}
