import type { CrmError } from '../crm/port.js';

// The retry policy (style §2.8): pure, the clock passed in. The worker stores
// the returned time on the inbox row and moves on; it never sleeps holding work.

/**
 * When to try an event again after its `attempt`-th attempt (1-based) failed
 * with `err`, or `give-up` once the schedule is spent or the error is
 * permanent. The delay is the schedule's step with ±20 % jitter; a CRM's own
 * wait hint (Retry-After, a rate limit's reset) replaces the step, clamped to
 * twice the step so a bad header cannot park an event for days: a rate limit
 * that says "in 2 s" does not park the event for the step's minutes (issue 10;
 * the connection's pacer slows meanwhile). `random` is injectable for tests.
 */
export function nextAttempt(
  attempt: number,
  err: Pick<CrmError, 'kind' | 'retryAfterMs'>,
  now: Date,
  scheduleSec: readonly number[],
  random: () => number = Math.random,
): Date | 'give-up' {
  if (err.kind === 'permanent') return 'give-up';
  const stepSec = scheduleSec[attempt - 1];
  if (stepSec === undefined) return 'give-up';
  const stepMs = stepSec * 1000;
  const jittered = stepMs * (0.8 + 0.4 * random());
  const asked =
    err.retryAfterMs !== undefined && err.retryAfterMs > 0
      ? Math.min(err.retryAfterMs, 2 * stepMs)
      : 0;
  return new Date(now.getTime() + Math.round(asked > 0 ? asked : jittered));
}
