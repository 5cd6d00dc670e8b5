import { JOURNAL_LOCK_SPACE } from '../journal.js';
import { toMs } from '../rows.js';
import { num, type Queryable } from '../sql.js';
import type { Completion } from '../store.js';

// A completion on PostgreSQL in ONE statement, run outside any explicit
// transaction: its implicit transaction commits in the same round trip.
//
// Why: the journal's per-project advisory lock (journal.ts) is held from the
// append to the commit. In a BEGIN … COMMIT completion that span was five
// round trips plus the event-loop waits between them, and every completion of
// a project queued behind it: the workers' throughput on PostgreSQL was one
// completion per lock hold (~8 ms), whatever the concurrency. Here the lock is
// taken and released inside the server within one statement.
//
// Ordering inside the statement: the journal row's seq (an identity default)
// is drawn when the INSERT builds its row, which needs a row of `turn`, whose
// WHERE term returns only once the lock is granted: so seqs are still handed out under the
// lock, and a reader paging by seq never passes a row committed later.
// Everything but the UPDATE hangs on `done`, so a lost lease changes nothing.
// Parameters: state, project, event, worker, call id, outcome, at, entry,
// phones (JSON array), memory key, memory body.
const COMPLETE = `
WITH done AS (
  UPDATE events SET state = $1, claimed_by = NULL, claimed_until = NULL, next_attempt_at = NULL, last_error = NULL
  WHERE project_id = $2 AND event_id = $3 AND state = 'pending' AND claimed_by = $4
  RETURNING project_id, event_id
), turn AS MATERIALIZED (
  -- A WHERE term, so the (void) lock call cannot be planned away.
  SELECT project_id, event_id FROM done WHERE pg_advisory_xact_lock(${JOURNAL_LOCK_SPACE}, hashtext(project_id))::text IS NOT NULL
), entry AS (
  INSERT INTO journal (project_id, event_id, call_id, outcome, at_ms, entry)
  SELECT project_id, event_id, $5::text, $6::text, $7::bigint, $8::text FROM turn
  RETURNING project_id, seq
), phones AS (
  INSERT INTO journal_phones (project_id, phone, journal_seq)
  SELECT entry.project_id, phone.value, entry.seq FROM entry, json_array_elements_text($9::json) AS phone(value)
), memory AS (
  INSERT INTO memories (project_id, key, body)
  SELECT project_id, $10::text, $11::text FROM done WHERE $10::text IS NOT NULL
  ON CONFLICT (project_id, key) DO UPDATE SET body = excluded.body
), operations AS (
  DELETE FROM plan_operations WHERE project_id = $2 AND event_id = $3 AND EXISTS (SELECT 1 FROM done)
), plan AS (
  DELETE FROM plans WHERE project_id = $2 AND event_id = $3 AND EXISTS (SELECT 1 FROM done)
)
SELECT COUNT(*) AS changed FROM done`;

/** Completes a held event (no phone index changes) in one autocommitted statement; false when the lease was lost. */
export async function completeInOneStatement(db: Queryable, workerId: string, projectId: string, eventId: string, completion: Completion): Promise<boolean> {
  const { journal, memory } = completion;
  // The statement is already numbered ($n): no `?` in it for numberPlaceholders to rewrite.
  const row = await db.get(COMPLETE, [
    completion.outcome,
    projectId,
    eventId,
    workerId,
    journal.callId,
    journal.entry.outcome,
    toMs(journal.at),
    JSON.stringify(journal.entry),
    JSON.stringify([...new Set(journal.phones)]),
    memory?.key ?? null,
    memory ? JSON.stringify(memory.memory) : null,
  ]);
  return num(row?.['changed']) === 1;
}
