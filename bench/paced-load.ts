import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';

// An open-loop load at a steady rate: request i is due at start + i/rate and
// its latency counts from then, not from when a free connection sent it, so a
// stalled service shows in the figures (no coordinated omission).
//
// Why not autocannon's overallRate: it is a per-second quota per connection —
// every connection sends as fast as answered until its share of the second is
// used up, then waits for the next second. "1 000/s" becomes a burst at full
// speed in the first part of each second and silence after, which measures
// the service at its limit, not at 1 000 events/s.

export interface PacedOptions {
  readonly origin: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: () => string;
  /** Requests per second. */
  readonly rate: number;
  readonly durationSec: number;
  /** Keep-alive connections the load may use at once (requests beyond them queue, and their wait counts). */
  readonly connections: number;
}

export interface PacedResult {
  readonly sent: number;
  readonly ok: number;
  readonly non2xx: number;
  readonly errors: number;
  /** Milliseconds from when each request was due to its answer. */
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  /** Requests per second actually sent over the run. */
  readonly achievedRate: number;
  /** Requests without an answer within UNANSWERED_AFTER_MS of when they were due (a PBX gives up), errors included. */
  readonly unanswered: number;
}

/** How long a telephony platform waits for a webhook's answer before it gives up (Twilio: 15 s). */
export const UNANSWERED_AFTER_MS = 15_000;

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export async function pacedLoad(options: PacedOptions): Promise<PacedResult> {
  const pool = new Pool(options.origin, { connections: options.connections, pipelining: 1 });
  const total = Math.round(options.rate * options.durationSec);
  const latencies = new Float64Array(total);
  const pending: Array<Promise<void>> = [];
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  let sent = 0;
  const start = performance.now();
  const fire = (index: number, due: number): Promise<void> =>
    pool
      .request({
        method: 'POST',
        path: options.path,
        headers: options.headers,
        body: options.body(),
        // Past this it is unanswered anyway; the load does not wait for it forever.
        headersTimeout: 2 * UNANSWERED_AFTER_MS,
      })
      .then(async (response) => {
        await response.body.dump();
        if (response.statusCode >= 200 && response.statusCode < 300) ok += 1;
        else non2xx += 1;
      })
      .catch(() => {
        errors += 1;
      })
      .finally(() => {
        latencies[index] = performance.now() - due;
      });
  while (sent < total) {
    const now = performance.now();
    const dueCount = Math.min(total, Math.floor(((now - start) * options.rate) / 1000) + 1);
    for (; sent < dueCount; sent += 1)
      pending.push(fire(sent, start + (sent * 1000) / options.rate));
    await sleep(1);
  }
  const elapsed = (performance.now() - start) / 1000;
  await Promise.all(pending);
  await pool.close();
  const sorted = latencies.slice(0, sent).sort();
  return {
    sent,
    ok,
    non2xx,
    errors,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? 0,
    achievedRate: sent / elapsed,
    unanswered: errors + sorted.filter((ms) => ms > UNANSWERED_AFTER_MS).length,
  };
}
