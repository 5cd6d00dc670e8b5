import { INBOX_LOCK_SPACE } from './ingest.js';
import { pendingKeysOf, refresh } from './ready-keys.js';
import { num, str, type Db } from './sql.js';
import type { HeldPreview, ResolveHeld, ResolveHeldResult } from './store.js';

// G10: at re-activation, events held while the integration was broken or
// inactive are sent (inside the window), expired (older) or skipped (no resend).

const DAY_MS = 86_400_000;

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function calendarDay(instant: Date, timezone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** The first calendar day of the window: today and the `windowDays - 1` days before it, in the zone. */
export function windowStartDay(now: Date, timezone: string, windowDays: number): string {
  const today = calendarDay(now, timezone);
  // Day arithmetic on the calendar date itself, at UTC noon: no zone or DST edge can shift it.
  const noon = Date.parse(`${today}T12:00:00Z`);
  return new Date(noon - (Math.max(1, windowDays) - 1) * DAY_MS).toISOString().slice(0, 10);
}

/** Whether a call whose first event happened at `firstAt` is inside the resend window. */
export function insideWindow(
  firstAt: Date,
  input: Pick<ResolveHeld, 'now' | 'timezone' | 'windowDays'>,
): boolean {
  return (
    calendarDay(firstAt, input.timezone) >=
    windowStartDay(input.now, input.timezone, input.windowDays)
  );
}

/** Per ordering key (one call or dialog) with events waiting: the `at` of its first event, whatever that event's state. */
const HELD_GROUPS = `SELECT ordering_key, MIN(at_ms) AS first_at,
  SUM(CASE WHEN state = 'pending' THEN 1 ELSE 0 END) AS waiting FROM events WHERE project_id = ?
  GROUP BY ordering_key HAVING SUM(CASE WHEN state = 'pending' THEN 1 ELSE 0 END) > 0`;

/** What resolveHeld would do with `resend: true`, read without changing anything (the activation's confirmation). */
export async function previewHeld(
  db: Db,
  projectId: string,
  input: Omit<ResolveHeld, 'resend'>,
): Promise<HeldPreview> {
  const preview = { kept: 0, expired: 0, keptCalls: 0, expiredCalls: 0 };
  for (const group of await db.all(HELD_GROUPS, [projectId])) {
    const waiting = num(group['waiting']);
    if (insideWindow(new Date(num(group['first_at'])), input)) {
      preview.kept += waiting;
      preview.keptCalls += 1;
    } else {
      preview.expired += waiting;
      preview.expiredCalls += 1;
    }
  }
  return preview;
}

export function resolveHeld(
  db: Db,
  projectId: string,
  input: ResolveHeld,
): Promise<ResolveHeldResult> {
  return db.transaction(async (tx) => {
    // PostgreSQL: ingest of this project waits meanwhile (the inbox lock), so the ready rows recomputed below see every event.
    if (tx.dialect === 'postgres')
      await tx.run('SELECT pg_advisory_xact_lock(?, hashtext(?))', [INBOX_LOCK_SPACE, projectId]);
    const groups = await tx.all(HELD_GROUPS, [projectId]);
    const result = { kept: 0, expired: 0, skipped: 0, keptCalls: 0, expiredCalls: 0 };
    for (const group of groups) {
      const key = str(group['ordering_key']);
      const fate = !input.resend
        ? 'skipped'
        : insideWindow(new Date(num(group['first_at'])), input)
          ? null
          : 'expired';
      if (fate === null) {
        const row = await tx.get(
          `SELECT COUNT(*) AS n FROM events WHERE project_id = ? AND ordering_key = ? AND state = 'pending'`,
          [projectId, key],
        );
        result.kept += num(row?.['n'] ?? 0);
        result.keptCalls += 1;
        continue;
      }
      // A worker that still holds one of these loses it: its complete() finds no lease.
      const changed = await tx.run(
        `UPDATE events SET state = ?, claimed_by = NULL, claimed_until = NULL WHERE project_id = ? AND ordering_key = ? AND state = 'pending'`,
        [fate, projectId, key],
      );
      result[fate] += changed;
      if (fate === 'expired' && changed > 0) result.expiredCalls += 1;
    }
    // Every key of the project recomputed (ready-keys.ts): those expired or skipped whole lose their row.
    await tx.run('DELETE FROM ready_keys WHERE project_id = ?', [projectId]);
    for (const statement of refresh(tx.dialect, pendingKeysOf(projectId)))
      await tx.run(statement.sql, statement.params);
    return result;
  });
}
