import { GroupCommit } from './group-commit.js';
import { keyOfEvent, lockKeys, refresh, type Keys } from './ready-keys.js';
import { appendJournal } from './journal.js';
import { completeInOneStatement, type HeldCompletion } from './postgres/complete.js';
import { putMemory, deletePlan } from './plans.js';
import { applyIndexChanges } from './phone-index.js';
import { toMs } from './rows.js';
import type { Db, Queryable, Statement, TransactionOptions } from './sql.js';
import type { Completion } from './inbox-types.js';
import type { JournalRecord } from './journal-types.js';

// The inbox: a claimed event's way through the workers (D7, service §5) — its lease renewed,
// then completed, released, rescheduled or failed. Ingest is in ./ingest.ts, reads in ./inbox-reads.ts.

const HELD_BY = `project_id = ? AND event_id = ? AND state = 'pending' AND claimed_by = ?`;

/**
 * One write to a held or failed event, then its key's ready row recomputed, in
 * one transaction (PostgreSQL: one round trip, the key locked first: see
 * ready-keys.ts). Resolves whether the write found its event.
 */
async function changeAndRefresh(
  db: Db,
  projectId: string,
  eventId: string,
  change: Statement,
  options?: TransactionOptions,
): Promise<boolean> {
  const key = keyOfEvent(projectId, eventId);
  const locks = lockKeys(db.dialect, key);
  const results = await db.script([...locks, change, ...refresh(db.dialect, key)], options);
  return (results[locks.length]?.length ?? 0) === 1;
}

export async function renewLease(
  db: Db,
  workerId: string,
  projectId: string,
  eventId: string,
  leaseMs: number,
  now: Date,
): Promise<boolean> {
  const until = toMs(now) + leaseMs;
  const latest = db.dialect === 'postgres' ? 'GREATEST' : 'MAX';
  // The key's ready row first (a claim skips it while locked), then the event: the lock order every writer keeps.
  const [, renewed] = await db.script(
    [
      {
        sql: `UPDATE ready_keys SET ready_at = ${latest}(ready_at, ?)
              WHERE (project_id, ordering_key) IN (SELECT project_id, ordering_key FROM events WHERE ${HELD_BY})`,
        params: [until, projectId, eventId, workerId],
      },
      {
        sql: `UPDATE events SET claimed_until = ? WHERE ${HELD_BY} RETURNING seq`,
        params: [until, projectId, eventId, workerId],
      },
    ],
    { durable: false },
  );
  return renewed?.length === 1;
}

/** How many completions one PostgreSQL statement may carry at most. */
const MAX_COMPLETIONS_PER_COMMIT = 64;

/**
 * PostgreSQL: completions without phone index changes, grouped: one round
 * trip and one journal lock for all those queued meanwhile (postgres/complete.ts).
 */
export function completionBatcher(db: Db): GroupCommit<HeldCompletion, boolean> {
  return new GroupCommit({
    one: async (held) => (await completeInOneStatement(db, [held]))[0] === true,
    many: (held) => completeInOneStatement(db, held),
    max: MAX_COMPLETIONS_PER_COMMIT,
  });
}

/** Whether a completion can go through completionBatcher. */
export function batchable(db: Db, completion: Completion): boolean {
  // A client's memory (call-back tasks, rare) goes the transactional way too, as index changes do.
  return (
    db.dialect === 'postgres' &&
    !(completion.index && completion.index.length > 0) &&
    completion.clientMemory === undefined
  );
}

async function runAll(tx: Queryable, statements: readonly Statement[]): Promise<void> {
  for (const statement of statements) await tx.all(statement.sql, statement.params);
}

/** A completion in a transaction of its own (SQLite; PostgreSQL with phone index changes or a client's memory). */
export function complete(
  db: Db,
  workerId: string,
  projectId: string,
  eventId: string,
  completion: Completion,
): Promise<boolean> {
  const key = keyOfEvent(projectId, eventId);
  // Not durable: if a power cut undoes it, the plan with its CRM ids is back
  // too (it was committed durably), so the redo sends nothing twice (D13).
  return db.transaction(
    async (tx) => {
      await runAll(tx, lockKeys(db.dialect, key));
      const changed = await tx.run(
        `UPDATE events SET state = ?, claimed_by = NULL, claimed_until = NULL, next_attempt_at = NULL, last_error = NULL WHERE ${HELD_BY}`,
        [completion.outcome, projectId, eventId, workerId],
      );
      if (changed !== 1) return false;
      if (completion.memory)
        await putMemory(tx, projectId, completion.memory.key, completion.memory.memory);
      if (completion.clientMemory)
        await putMemory(tx, projectId, completion.clientMemory.key, completion.clientMemory.memory);
      if (completion.index && completion.index.length > 0)
        await applyIndexChanges(tx, projectId, completion.index);
      await deletePlan(tx, projectId, eventId);
      await runAll(tx, refresh(db.dialect, key));
      // Last: the journal's per-project lock (PostgreSQL) is held from here to the commit, so as briefly as this transaction allows.
      await appendJournal(tx, projectId, completion.journal);
      return true;
    },
    { durable: false },
  );
}

export function release(
  db: Db,
  workerId: string,
  projectId: string,
  eventId: string,
): Promise<boolean> {
  return changeAndRefresh(db, projectId, eventId, {
    sql: `UPDATE events SET claimed_by = NULL, claimed_until = NULL, attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END WHERE ${HELD_BY} RETURNING seq`,
    params: [projectId, eventId, workerId],
  });
}

export function scheduleRetry(
  db: Db,
  workerId: string,
  projectId: string,
  eventId: string,
  error: string,
  nextAttemptAt: Date,
): Promise<boolean> {
  return changeAndRefresh(db, projectId, eventId, {
    sql: `UPDATE events SET claimed_by = NULL, claimed_until = NULL, last_error = ?, next_attempt_at = ? WHERE ${HELD_BY} RETURNING seq`,
    params: [error, toMs(nextAttemptAt), projectId, eventId, workerId],
  });
}

export function fail(
  db: Db,
  workerId: string,
  projectId: string,
  eventId: string,
  error: string,
  journal?: JournalRecord,
): Promise<boolean> {
  const key = keyOfEvent(projectId, eventId);
  return db.transaction(async (tx) => {
    await runAll(tx, lockKeys(db.dialect, key));
    const sql = `UPDATE events SET state = 'failed', claimed_by = NULL, claimed_until = NULL, next_attempt_at = NULL, last_error = ? WHERE ${HELD_BY}`;
    if ((await tx.run(sql, [error, projectId, eventId, workerId])) !== 1) return false;
    await runAll(tx, refresh(db.dialect, key));
    if (journal) await appendJournal(tx, projectId, journal);
    return true;
  });
}

/**
 * Whether the inbox has a row under this event id. A write by id that changed
 * nothing is either a lost lease (the row is there) or an id that does not
 * match what the store kept: the caller fails the event by its seq then.
 */
export async function hasEvent(
  db: Queryable,
  projectId: string,
  eventId: string,
): Promise<boolean> {
  const row = await db.get('SELECT 1 AS one FROM events WHERE project_id = ? AND event_id = ?', [
    projectId,
    eventId,
  ]);
  return row !== undefined;
}

/** Fails a claimed event found by its seq (the one address left when its id matches no row). */
export async function failClaimed(
  db: Db,
  workerId: string,
  seq: number,
  error: string,
): Promise<boolean> {
  const key: Keys = {
    sql: 'SELECT project_id, ordering_key FROM events WHERE seq = ?',
    params: [seq],
  };
  const locks = lockKeys(db.dialect, key);
  const results = await db.script([
    ...locks,
    {
      sql: `UPDATE events SET state = 'failed', claimed_by = NULL, claimed_until = NULL, next_attempt_at = NULL, last_error = ?
            WHERE seq = ? AND state = 'pending' AND claimed_by = ? RETURNING seq`,
      params: [error, seq, workerId],
    },
    ...refresh(db.dialect, key),
  ]);
  return (results[locks.length]?.length ?? 0) === 1;
}
