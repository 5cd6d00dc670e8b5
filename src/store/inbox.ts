import { GroupCommit } from './group-commit.js';
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
  type Dialect,
  type Param,
  type Queryable,
  type Statement,
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
const INBOX_LOCK_SPACE = 1;

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
  const results = await db.script([...locks, ...inserts.flat()], { urgent: true });
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

// Advisory-lock key under which claims take turns (PostgreSQL). The claim
// statement then starts after the previous claim committed, so it sees every
// lease already given: two workers can never both take a head of one key
// (an event arriving with an earlier `at` than one in flight, say).
const CLAIM_LOCK_SPACE = 2;

// D7 / D11: per ordering key, events go one at a time in event order (`at`,
// then arrival). An event waits while another event of its key is in flight
// (leased), or while an earlier one is unfinished (pending, including one
// waiting for its next attempt, or failed). The `b.state IN (…)` term names
// the partial index events_unfinished_key word for word (SQLite uses a
// partial index only then), so the check reads the key's unfinished events,
// not its whole history. `OFFSET 0` keeps PostgreSQL from turning the check
// into an anti-join, which on a fresh backlog's statistics it ran unkeyed
// (every unfinished event of the project per candidate: 38 ms at 10 000);
// as a per-candidate subplan it always looks up (project, key) in the index.
// Parameters: now, now, now.
// D7: "A failed event holds back only the later events of the same call":
// a failed (dead-letter) event of the key blocks the later events of its own
// call or dialog — and those, held, block nobody else; the client's other
// calls go on in order. Forms have neither id: a failed form holds nothing back.
function sameConversation(dialect: Dialect, a: string, b: string): string {
  const field = (alias: string, name: string): string =>
    dialect === 'postgres'
      ? `((${alias}.body)::jsonb ->> '${name}')`
      : `json_extract(${alias}.body, '$.${name}')`;
  return `(${field(a, 'callId')} = ${field(b, 'callId')} OR ${field(a, 'dialogId')} = ${field(b, 'dialogId')})`;
}

const earlier = (a: string, b: string): string =>
  `(${a}.at_ms < ${b}.at_ms OR (${a}.at_ms = ${b}.at_ms AND ${a}.seq < ${b}.seq))`;

function claimable(dialect: Dialect): string {
  const heldByFailure = `EXISTS (
                 SELECT 1 FROM events f
                 WHERE f.project_id = b.project_id AND f.ordering_key = b.ordering_key AND f.state = 'failed'
                   AND ${earlier('f', 'b')} AND ${sameConversation(dialect, 'f', 'b')})`;
  return `e.state = 'pending'
           AND (e.next_attempt_at IS NULL OR e.next_attempt_at <= ?)
           AND (e.claimed_until IS NULL OR e.claimed_until <= ?)
           AND NOT EXISTS (
             SELECT 1 FROM events b
             WHERE b.project_id = e.project_id AND b.ordering_key = e.ordering_key AND b.state IN ('pending', 'failed') AND b.seq <> e.seq
               AND ((b.state = 'pending' AND b.claimed_until > ?)
                 OR (${earlier('b', 'e')} AND (${sameConversation(dialect, 'b', 'e')} OR (b.state = 'pending' AND NOT ${heldByFailure}))))
             LIMIT 1 OFFSET 0)`;
}

const CLAIM = `UPDATE events SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1 WHERE seq IN`;

// SQLite: one writer, no row locks; its planner walks the pending events in order.
const CLAIM_SQLITE = `${CLAIM} (
         SELECT e.seq FROM events e JOIN projects p ON p.id = e.project_id
         WHERE p.integration_state = 'active' AND ${claimable('sqlite')}
         ORDER BY e.seq LIMIT ?)
       RETURNING ${EVENT_COLUMNS}`;

// PostgreSQL: per active project, the pending events in sequence order straight
// from events_state (project_id, state, seq), stopping at the limit. Written
// as a join, the planner (misled by a fresh backlog's statistics) sorted the
// whole backlog on every claim: 130 ms at 10 000 pending events.
const CLAIM_POSTGRES = `${CLAIM} (
         SELECT c.seq FROM projects p CROSS JOIN LATERAL (
           SELECT e.seq FROM events e
           WHERE e.project_id = p.id AND ${claimable('postgres')}
           ORDER BY e.seq LIMIT ? FOR UPDATE SKIP LOCKED) c
         WHERE p.integration_state = 'active'
         ORDER BY c.seq LIMIT ?)
       RETURNING ${EVENT_COLUMNS}`;

export async function claimEvents(
  db: Db,
  workerId: string,
  limit: number,
  leaseMs: number,
  now: Date,
): Promise<InboxEvent[]> {
  const nowMs = toMs(now);
  const claim = [workerId, nowMs + leaseMs];
  const claimable = [nowMs, nowMs, nowMs];
  // Not durable: a claim lost to a power cut is a lease that never was; the event is simply claimed again.
  // PostgreSQL: lock, claim and commit in one round trip (Db.script), so claims of several workers queue inside the server, not across round trips.
  const statements: Statement[] =
    db.dialect === 'postgres'
      ? [
          { sql: 'SELECT pg_advisory_xact_lock(?, ?)', params: [CLAIM_LOCK_SPACE, 0] },
          {
            sql: CLAIM_POSTGRES,
            params: [...claim, ...claimable, limit, limit],
            prepareAs: 'callmatrix_claim',
          },
        ]
      : [{ sql: CLAIM_SQLITE, params: [...claim, ...claimable, limit] }];
  const rows = (await db.script(statements, { durable: false })).at(-1) ?? [];
  return rows.map(eventFromRow).sort((a, b) => a.seq - b.seq);
}

const HELD_BY = `project_id = ? AND event_id = ? AND state = 'pending' AND claimed_by = ?`;

export async function renewLease(
  db: Db,
  workerId: string,
  projectId: string,
  eventId: string,
  leaseMs: number,
  now: Date,
): Promise<boolean> {
  return (
    (await db.run(`UPDATE events SET claimed_until = ? WHERE ${HELD_BY}`, [
      toMs(now) + leaseMs,
      projectId,
      eventId,
      workerId,
    ])) === 1
  );
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
  return db.dialect === 'postgres' && !(completion.index && completion.index.length > 0);
}

/** A completion in a transaction of its own (SQLite; PostgreSQL with phone index changes). */
export function complete(
  db: Db,
  workerId: string,
  projectId: string,
  eventId: string,
  completion: Completion,
): Promise<boolean> {
  // Not durable: if a power cut undoes it, the plan with its CRM ids is back
  // too (it was committed durably), so the redo sends nothing twice (D13).
  return db.transaction(
    async (tx) => {
      const changed = await tx.run(
        `UPDATE events SET state = ?, claimed_by = NULL, claimed_until = NULL, next_attempt_at = NULL, last_error = NULL WHERE ${HELD_BY}`,
        [completion.outcome, projectId, eventId, workerId],
      );
      if (changed !== 1) return false;
      if (completion.memory)
        await putMemory(tx, projectId, completion.memory.key, completion.memory.memory);
      if (completion.index && completion.index.length > 0)
        await applyIndexChanges(tx, projectId, completion.index);
      await deletePlan(tx, projectId, eventId);
      // Last: the journal's per-project lock (PostgreSQL) is held from here to the commit, so as briefly as this transaction allows.
      await appendJournal(tx, projectId, completion.journal);
      return true;
    },
    { durable: false },
  );
}

export async function release(
  db: Db,
  workerId: string,
  projectId: string,
  eventId: string,
): Promise<boolean> {
  const sql = `UPDATE events SET claimed_by = NULL, claimed_until = NULL, attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END WHERE ${HELD_BY}`;
  return (await db.run(sql, [projectId, eventId, workerId])) === 1;
}

export async function scheduleRetry(
  db: Db,
  workerId: string,
  projectId: string,
  eventId: string,
  error: string,
  nextAttemptAt: Date,
): Promise<boolean> {
  const sql = `UPDATE events SET claimed_by = NULL, claimed_until = NULL, last_error = ?, next_attempt_at = ? WHERE ${HELD_BY}`;
  return (await db.run(sql, [error, toMs(nextAttemptAt), projectId, eventId, workerId])) === 1;
}

export function fail(
  db: Db,
  workerId: string,
  projectId: string,
  eventId: string,
  error: string,
  journal?: JournalRecord,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const sql = `UPDATE events SET state = 'failed', claimed_by = NULL, claimed_until = NULL, next_attempt_at = NULL, last_error = ? WHERE ${HELD_BY}`;
    if ((await tx.run(sql, [error, projectId, eventId, workerId])) !== 1) return false;
    if (journal) await appendJournal(tx, projectId, journal);
    return true;
  });
}

export async function retry(
  db: Db,
  projectId: string,
  eventId: string,
  now: Date,
): Promise<boolean> {
  const sql = `UPDATE events SET state = 'pending', attempts = 0, next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL
               WHERE project_id = ? AND event_id = ? AND state = 'failed'`;
  return (await db.run(sql, [toMs(now), projectId, eventId])) === 1;
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
