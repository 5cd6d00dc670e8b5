import { JOURNAL_LOCK_SPACE } from '../journal.js';
import { lockKeys, refresh, type Keys } from '../ready-keys.js';
import { toMs } from '../rows.js';
import { num, type Db } from '../sql.js';
import type { Completion } from '../store.js';

// Completions on PostgreSQL in ONE statement, any number of them, run outside
// any explicit transaction: its implicit transaction commits in the same
// round trip (group commit: group-commit.ts hands over those queued meanwhile).
//
// Why: the journal's per-project advisory lock (journal.ts) is held from the
// append to the commit. In a BEGIN … COMMIT completion that span was five
// round trips plus the event-loop waits between them, and every completion of
// a project queued behind it. Here the lock is taken and released inside the
// server within one statement, once for all the completions it carries; and
// the commit does not wait for the disk (durable: false, see db.ts).
//
// Ordering inside the statement: the journal rows' seqs (an identity default)
// are drawn when the INSERT builds its rows, which needs `turn`, whose WHERE
// term returns only once every lock is granted: so seqs are still handed out
// under the locks, and a reader paging by seq never passes a row committed
// later. Locks are taken in key order, so two statements cannot deadlock.
// Everything but the UPDATE hangs on `done`, so a lost lease changes nothing.
// `input` is a JSON array of the completions, `n` numbering them.
const COMPLETE = `
WITH input AS MATERIALIZED (
  SELECT * FROM json_to_recordset(?::json) AS i(n int, state text, project_id text, event_id text, worker text,
    call_id text, outcome text, at_ms bigint, entry text, decided text, phones json, memory_key text, memory_body text)
), target AS MATERIALIZED (
  -- Each event by its key, one index lookup per completion (LIMIT keeps the lateral a loop). Joined to
  -- input directly, whose row count the planner cannot know, it hashed every pending event instead.
  SELECT i.n, x.seq FROM input i CROSS JOIN LATERAL (
    SELECT e.seq FROM events e WHERE e.project_id = i.project_id AND e.event_id = i.event_id LIMIT 1) x
), done AS (
  UPDATE events e SET state = i.state, claimed_by = NULL, claimed_until = NULL, next_attempt_at = NULL, last_error = NULL
  FROM target t JOIN input i ON i.n = t.n
  WHERE e.seq = ANY ((SELECT array_agg(seq) FROM target)::bigint[]) AND e.seq = t.seq AND e.state = 'pending' AND e.claimed_by = i.worker
  RETURNING i.n, e.project_id, e.event_id
), locked AS MATERIALIZED (
  -- A WHERE term above a sorted subquery: the (void, volatile) lock call is neither planned away nor reordered.
  SELECT k.key FROM (SELECT DISTINCT hashtext(project_id) AS key FROM done ORDER BY 1) k
  WHERE pg_advisory_xact_lock(${JOURNAL_LOCK_SPACE}, k.key)::text IS NOT NULL
), turn AS MATERIALIZED (
  SELECT d.n, d.project_id, d.event_id FROM done d WHERE (SELECT COUNT(*) FROM locked) >= 0
), entry AS (
  INSERT INTO journal (project_id, event_id, call_id, outcome, at_ms, entry, decided)
  SELECT t.project_id, t.event_id, i.call_id, i.outcome, i.at_ms, i.entry, i.decided FROM turn t JOIN input i ON i.n = t.n ORDER BY t.n
  RETURNING project_id, event_id, seq
), phones AS (
  INSERT INTO journal_phones (project_id, phone, journal_seq)
  SELECT entry.project_id, phone.value, entry.seq
  FROM entry JOIN input i ON i.project_id = entry.project_id AND i.event_id = entry.event_id, json_array_elements_text(i.phones) AS phone(value)
), memory AS (
  INSERT INTO memories (project_id, key, body)
  SELECT d.project_id, i.memory_key, i.memory_body FROM done d JOIN input i ON i.n = d.n WHERE i.memory_key IS NOT NULL
  ON CONFLICT (project_id, key) DO UPDATE SET body = excluded.body
), operations AS (
  DELETE FROM plan_operations o USING done d WHERE o.project_id = d.project_id AND o.event_id = d.event_id
), plan AS (
  DELETE FROM plans p USING done d WHERE p.project_id = d.project_id AND p.event_id = d.event_id
)
SELECT n FROM done`;

export interface HeldCompletion {
  readonly workerId: string;
  readonly projectId: string;
  readonly eventId: string;
  readonly completion: Completion;
}

/**
 * Completes held events (without phone index changes) in one round trip;
 * for each, false when its lease was lost. Two completions of one memory key
 * cannot share a statement (the upsert would touch a row twice): D7 never
 * runs them at once, and if it happened the statement fails and group commit
 * completes them one by one.
 */
export async function completeInOneStatement(
  db: Db,
  held: readonly HeldCompletion[],
): Promise<boolean[]> {
  const input = held.map(({ workerId, projectId, eventId, completion }, n) => ({
    n,
    state: completion.outcome,
    project_id: projectId,
    event_id: eventId,
    worker: workerId,
    call_id: completion.journal.callId,
    outcome: completion.journal.entry.outcome,
    at_ms: toMs(completion.journal.at),
    entry: JSON.stringify(completion.journal.entry),
    decided:
      completion.journal.decided === undefined ? null : JSON.stringify(completion.journal.decided),
    phones: [...new Set(completion.journal.phones)],
    memory_key: completion.memory?.key ?? null,
    memory_body: completion.memory ? JSON.stringify(completion.memory.memory) : null,
  }));
  const json = JSON.stringify(input);
  // The completed events' keys: their ready rows are locked first and recomputed after (ready-keys.ts).
  const keys: Keys = {
    sql: `SELECT x.project_id, x.ordering_key FROM json_to_recordset(?::json) AS i(project_id text, event_id text)
          CROSS JOIN LATERAL (SELECT e.project_id, e.ordering_key FROM events e
                              WHERE e.project_id = i.project_id AND e.event_id = i.event_id LIMIT 1) x`,
    params: [json],
  };
  const locks = lockKeys('postgres', keys);
  const results = await db.script(
    [
      ...locks,
      { sql: COMPLETE, params: [json], prepareAs: 'callmatrix_complete' },
      ...refresh('postgres', keys),
    ],
    { durable: false },
  );
  const rows = results[locks.length] ?? [];
  const done = new Set(rows.map((row) => num(row['n'])));
  return held.map((_, n) => done.has(n));
}
