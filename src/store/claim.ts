import { EVENT_COLUMNS, eventFromRow, toMs } from './rows.js';
import { num, str, type Db, type Statement } from './sql.js';
import type { InboxEvent } from './store.js';

// Claims (D7, service §4–5): the heads due now, from the ready table
// (ready-keys.ts), per active project, oldest readiness first. A project whose
// integration is not active is not read at all; a parked key (its head waits
// for a retry) is not read either: its row's ready_at lies ahead.

// Advisory-lock key under which claims take turns (PostgreSQL): each claim
// statement starts after the previous claim committed and sees its leases.
const CLAIM_LOCK_SPACE = 2;

// Issue 11 item 3: a head claimed while it still has a lease means that lease
// ran out (finishing, retrying and handing back all clear it): counted.
const LOST_LEASE = 'CASE WHEN claimed_until IS NULL THEN 0 ELSE 1 END';

// PostgreSQL: per active project the due rows straight from ready_keys_due
// (project_id, ready_at, head_seq), stopping at the limit; rows a writer is
// recomputing (locked, ready-keys.ts lockKeys) are skipped. The events are
// updated by seq through their primary key (`= ANY (array)`: joined to the
// CTE instead, the planner may hash the whole events table).
const CLAIM_POSTGRES = `
WITH picked AS MATERIALIZED (
  SELECT c.project_id, c.ordering_key, c.head_seq FROM projects p CROSS JOIN LATERAL (
    SELECT r.project_id, r.ordering_key, r.head_seq, r.ready_at FROM ready_keys r
    WHERE r.project_id = p.id AND r.ready_at <= ?
    ORDER BY r.ready_at, r.head_seq LIMIT ? FOR UPDATE SKIP LOCKED) c
  WHERE p.integration_state = 'active'
  ORDER BY c.ready_at, c.head_seq LIMIT ?
), claimed AS (
  UPDATE events e SET claimed_by = ?, claimed_until = ?, attempts = e.attempts + 1,
    lost_leases = e.lost_leases + ${LOST_LEASE}
  WHERE e.seq = ANY ((SELECT array_agg(head_seq) FROM picked)::bigint[])
    AND e.state = 'pending' AND (e.claimed_until IS NULL OR e.claimed_until <= ?)
  RETURNING ${EVENT_COLUMNS}
), marked AS (
  -- By primary key, one probe per claimed key: joined to the CTE, the planner scanned the whole
  -- table, or (tables not yet analysed) every key of the project through ready_keys_due.
  UPDATE ready_keys r SET ready_at = ?
  FROM unnest((SELECT array_agg(project_id) FROM claimed)::text[],
              (SELECT array_agg(ordering_key) FROM claimed)::text[]) AS k(project_id, ordering_key)
  WHERE r.project_id = k.project_id AND r.ordering_key = k.ordering_key
)
SELECT * FROM claimed`;

/** The plan of the PostgreSQL claim (tests and the bench show it is index-driven). */
export const CLAIM_POSTGRES_SQL = CLAIM_POSTGRES;

/**
 * Issue 10 item 6: with a few thousand keys the planner would rather read
 * ready_keys whole than probe its primary key once per claimed row (the
 * `marked` update); a claim must cost what it claims, not what the table
 * holds. So sequential scans are off for the claim's transaction, and JIT with
 * them: the unavoidable scan of the (small) projects table then costs enough
 * to have the claim JIT-compiled, 1–2 s of compiling for a millisecond's work.
 * Bitmap scans are off too: one reads every due entry of the project, dead ones
 * included (it never marks them dead), and sorts them, where an ordered index
 * scan stops at the claim's limit. Tests and the bench EXPLAIN under the same
 * settings.
 */
export const CLAIM_POSTGRES_PLANNER: readonly string[] = [
  'SET LOCAL enable_seqscan = off',
  'SET LOCAL enable_bitmapscan = off',
  'SET LOCAL jit = off',
  // Planned for its own values (now, limit) each time: the prepared claim's generic plan, chosen
  // after five executions, took 14–16 ms a claim instead of ~2 until the tables were next analysed.
  'SET LOCAL plan_cache_mode = force_custom_plan',
];

// SQLite: the search is a read outside any write transaction (other processes
// keep writing meanwhile), then a short write transaction claims each picked
// head only if its row still names it and is still due.
const ACTIVE_PROJECTS = "SELECT id FROM projects WHERE integration_state = 'active'";
const DUE = `SELECT project_id, ordering_key, head_seq, ready_at FROM ready_keys
  WHERE project_id = ? AND ready_at <= ? ORDER BY ready_at, head_seq LIMIT ?`;
const CLAIM_ONE = `UPDATE events SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1,
    lost_leases = lost_leases + ${LOST_LEASE}
  WHERE seq = ? AND state = 'pending' AND (claimed_until IS NULL OR claimed_until <= ?)
    AND EXISTS (SELECT 1 FROM ready_keys r WHERE r.project_id = events.project_id AND r.ordering_key = events.ordering_key
                AND r.head_seq = events.seq AND r.ready_at <= ?)
    AND EXISTS (SELECT 1 FROM projects p WHERE p.id = events.project_id AND p.integration_state = 'active')
  RETURNING ${EVENT_COLUMNS}`;
const LEASED = 'UPDATE ready_keys SET ready_at = ? WHERE project_id = ? AND ordering_key = ?';

interface Due {
  readonly seq: number;
  readonly readyAt: number;
}

export async function claimEvents(
  db: Db,
  workerId: string,
  limit: number,
  leaseMs: number,
  now: Date,
): Promise<InboxEvent[]> {
  if (limit <= 0) return [];
  const nowMs = toMs(now);
  const leaseUntil = nowMs + leaseMs;
  // Not durable: a claim lost to a power cut is a lease that never was; the event is simply claimed again.
  if (db.dialect === 'postgres') {
    const statements: Statement[] = [
      { sql: 'SELECT pg_advisory_xact_lock(?, ?)', params: [CLAIM_LOCK_SPACE, 0] },
      ...CLAIM_POSTGRES_PLANNER.map((sql) => ({ sql, params: [] })),
      {
        sql: CLAIM_POSTGRES,
        params: [nowMs, limit, limit, workerId, leaseUntil, nowMs, leaseUntil],
        prepareAs: 'callmatrix_claim_ready',
      },
    ];
    const rows = (await db.script(statements, { durable: false })).at(-1) ?? [];
    return rows.map(eventFromRow).sort((a, b) => a.seq - b.seq);
  }
  const due: Due[] = [];
  for (const project of await db.all(ACTIVE_PROJECTS))
    for (const row of await db.all(DUE, [str(project['id']), nowMs, limit]))
      due.push({ seq: num(row['head_seq']), readyAt: num(row['ready_at']) });
  if (due.length === 0) return [];
  const picked = due.sort((a, b) => a.readyAt - b.readyAt || a.seq - b.seq).slice(0, limit);
  const claimed = await db.transaction(
    async (tx) => {
      const out: InboxEvent[] = [];
      for (const { seq } of picked) {
        const row = await tx.get(CLAIM_ONE, [workerId, leaseUntil, seq, nowMs, nowMs]);
        if (!row) continue;
        const event = eventFromRow(row);
        await tx.run(LEASED, [leaseUntil, event.projectId, event.orderingKey]);
        out.push(event);
      }
      return out;
    },
    { durable: false },
  );
  return claimed.sort((a, b) => a.seq - b.seq);
}
