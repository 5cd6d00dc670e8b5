import { GroupCommit } from './group-commit.js';
import {
  insertedKeys,
  keyOfEvent,
  listedKeys,
  lockKeys,
  refresh,
  type Keys,
} from './ready-keys.js';
import { appendJournal } from './journal.js';
import { completeInOneStatement, type HeldCompletion } from './postgres/complete.js';
import { putMemory, deletePlan } from './plans.js';
import { applyIndexChanges } from './phone-index.js';
import {
  decodeCursor,
  encodeCursor,
  EVENT_COLUMNS,
  eventFromRow,
  journalFromRow,
  toMs,
} from './rows.js';
import {
  num,
  placeholders,
  str,
  type Db,
  type Param,
  type Queryable,
  type Statement,
  type TransactionOptions,
} from './sql.js';
import { EVENT_STATES } from './states.js';
import type {
  Completion,
  EventCounts,
  EventDetail,
  InboxEvent,
  InsertResult,
  JournalRecord,
  NewEvent,
} from './store.js';

// The inbox: accepted events and their way through the workers (D7, service §4–5).

const INSERT_CHUNK = 100;

// Advisory-lock namespace for "inserting into one project's inbox": inserts
// of one project commit in sequence order, so a claim never sees event n+1
// of a key before event n (PostgreSQL allots sequence values before commit).
export const INBOX_LOCK_SPACE = 1;

export async function insertEvents(
  db: Db,
  projectId: string,
  events: readonly NewEvent[],
  now: Date,
): Promise<InsertResult> {
  const [result] = await commitInserts(db, [{ projectId, events, now }]);
  if (!result) throw new Error('insertEvents: no result');
  return result;
}

export interface Insert {
  readonly projectId: string;
  readonly events: readonly NewEvent[];
  readonly now: Date;
}

/**
 * Several requests' events in one transaction, counted per request. On
 * PostgreSQL one round trip (Db.script): the projects' inbox locks are held
 * only inside the server, not across a BEGIN … COMMIT conversation.
 */
async function commitInserts(db: Db, items: readonly Insert[]): Promise<InsertResult[]> {
  // Sorted, so two batches locking the same projects cannot deadlock.
  const projects = [...new Set(items.map((item) => item.projectId))].sort();
  const locks: Statement[] =
    db.dialect === 'postgres'
      ? projects.map((id) => ({
          sql: 'SELECT pg_advisory_xact_lock(?, hashtext(?))',
          params: [INBOX_LOCK_SPACE, id],
        }))
      : [];
  const inserts = items.map((item) => insertStatements(item.projectId, item.events, item.now));
  // The keys' ready rows recomputed in the same commit (ready-keys.ts). Of two writers of a key
  // (PostgreSQL), the second to take its lock recomputes the row seeing what the first committed.
  const written = items.flatMap((item) =>
    item.events.map(
      (each) => [item.projectId, each.orderingKey, Date.parse(each.event.at)] as const,
    ),
  );
  const ready =
    written.length === 0
      ? []
      : [
          ...lockKeys(db.dialect, listedKeys(written.map(([project, key]) => [project, key]))),
          ...refresh(db.dialect, insertedKeys(written)),
        ];
  const results = await db.script([...locks, ...inserts.flat(), ...ready], { urgent: true });
  let at = locks.length;
  return items.map((item, i) => {
    const count = inserts[i]?.length ?? 0;
    const accepted = results.slice(at, at + count).reduce((sum, rows) => sum + rows.length, 0);
    at += count;
    return { accepted, duplicates: item.events.length - accepted };
  });
}

function insertStatements(projectId: string, events: readonly NewEvent[], now: Date): Statement[] {
  // A repeat inside the request is a duplicate too; the first one counts.
  const byId = new Map<string, NewEvent>();
  for (const item of events) if (!byId.has(item.event.eventId)) byId.set(item.event.eventId, item);
  const fresh = [...byId.values()];
  const statements: Statement[] = [];
  for (let start = 0; start < fresh.length; start += INSERT_CHUNK) {
    const chunk = fresh.slice(start, start + INSERT_CHUNK);
    const params: Param[] = [];
    for (const { event, orderingKey } of chunk) {
      params.push(
        projectId,
        event.eventId,
        orderingKey,
        JSON.stringify(event),
        Date.parse(event.at),
        toMs(now),
      );
    }
    const values = chunk.map(() => placeholders(6)).join(', ');
    statements.push({
      sql: `INSERT INTO events (project_id, event_id, ordering_key, body, at_ms, received_at) VALUES ${values}
       ON CONFLICT (project_id, event_id) DO NOTHING RETURNING event_id`,
      params,
    });
  }
  return statements;
}

/** How many requests one commit may carry at most. */
const MAX_REQUESTS_PER_COMMIT = 256;

/**
 * Group commit of ingest (service.md §4: "several requests may share one
 * commit"): under load one fsync serves many 202s (group-commit.ts).
 */
export function insertBatcher(db: Db): GroupCommit<Insert, InsertResult> {
  return new GroupCommit({
    one: (item) => insertEvents(db, item.projectId, item.events, item.now),
    many: (items) => commitInserts(db, items),
    max: MAX_REQUESTS_PER_COMMIT,
  });
}

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

export async function getEvent(
  db: Queryable,
  projectId: string,
  eventId: string,
): Promise<EventDetail | null> {
  const row = await db.get(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE project_id = ? AND event_id = ?`,
    [projectId, eventId],
  );
  if (!row) return null;
  const entry = await db.get(
    'SELECT at_ms, entry FROM journal WHERE project_id = ? AND event_id = ? ORDER BY seq DESC LIMIT 1',
    [projectId, eventId],
  );
  return { event: eventFromRow(row), journal: entry ? journalFromRow(entry) : null };
}

export async function listFailed(
  db: Queryable,
  projectId: string,
  limit: number,
  cursor?: string,
): Promise<{ events: InboxEvent[]; next: string | null }> {
  const rows = await db.all(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE project_id = ? AND state = 'failed' AND seq > ? ORDER BY seq LIMIT ?`,
    [projectId, decodeCursor(cursor), limit + 1],
  );
  const events = rows.slice(0, limit).map(eventFromRow);
  const last = events.at(-1);
  return { events, next: rows.length > limit && last ? encodeCursor(last.seq) : null };
}

export async function countPending(db: Queryable, projectId?: string): Promise<number> {
  const row =
    projectId === undefined
      ? await db.get("SELECT COUNT(*) AS n FROM events WHERE state = 'pending'")
      : await db.get(
          "SELECT COUNT(*) AS n FROM events WHERE project_id = ? AND state = 'pending'",
          [projectId],
        );
  return num(row?.['n'] ?? 0);
}

export async function countEvents(db: Queryable, projectId: string): Promise<EventCounts> {
  const counts = Object.fromEntries(EVENT_STATES.map((state) => [state, 0])) as EventCounts;
  const rows = await db.all(
    'SELECT state, COUNT(*) AS n FROM events WHERE project_id = ? GROUP BY state',
    [projectId],
  );
  for (const row of rows) {
    const state = str(row['state']);
    if (state in counts) counts[state as keyof EventCounts] = num(row['n']);
  }
  return counts;
}
