import { listFailed } from './inbox-reads.js';
import { keyOfEvent, lockKeys, refresh } from './ready-keys.js';
import { toMs } from './rows.js';
import type { Db, Queryable, Statement } from './sql.js';

// A person's retry of failed events (service.md §5, POST …/events/{eventId}/retry,
// and every failed event of a project at once).

async function runAll(tx: Queryable, statements: readonly Statement[]): Promise<void> {
  for (const statement of statements) await tx.run(statement.sql, statement.params);
}

/**
 * failed → pending, due now, with a fresh count of attempts and lost leases.
 * The event's stored plan, if it has one, is marked to be decided again from
 * the current settings (issue 11 item 1): the person retrying has usually just
 * corrected what made it fail. One transaction, its key locked first.
 */
export function retry(db: Db, projectId: string, eventId: string, now: Date): Promise<boolean> {
  const key = keyOfEvent(projectId, eventId);
  return db.transaction(async (tx) => {
    await runAll(tx, lockKeys(db.dialect, key));
    const changed = await tx.run(
      `UPDATE events SET state = 'pending', attempts = 0, lost_leases = 0, next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL
       WHERE project_id = ? AND event_id = ? AND state = 'failed'`,
      [toMs(now), projectId, eventId],
    );
    if (changed !== 1) return false;
    await tx.run('UPDATE plans SET decide_again = 1 WHERE project_id = ? AND event_id = ?', [
      projectId,
      eventId,
    ]);
    await runAll(tx, refresh(db.dialect, key));
    return true;
  });
}

/** Every failed event of the project, oldest first, retried one by one; how many were. */
export async function retryFailed(db: Db, projectId: string, now: Date): Promise<number> {
  let retried = 0;
  let cursor: string | undefined;
  do {
    const page = await listFailed(db, projectId, 500, cursor);
    for (const event of page.events)
      if (await retry(db, projectId, event.eventId, now)) retried += 1;
    cursor = page.next ?? undefined;
  } while (cursor !== undefined);
  return retried;
}
