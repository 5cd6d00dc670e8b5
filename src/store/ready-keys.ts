import type { Dialect, Param, Statement } from './sql.js';

// The ready table (migration 005): one row per ordering key that has an event
// a worker may take next (its head), with the time it may run. A claim reads
// the rows due now in (ready_at, head_seq) order and stops at its limit, so
// its cost follows what it claims, not how deep the backlog is (issue 10).
//
// Every write that changes which event of a key comes next (insert, complete,
// release, retry, fail, G10's resolve) recomputes the key's row in the same
// transaction (`refresh`). The head follows D7/D11 exactly as the claim did
// before this table:
// - events of a key go in event order (`at`, then arrival), one at a time;
// - an event in flight (leased) holds back every other event of its key;
// - a failed (dead-letter) event holds back only the later events of its own
//   call or dialog, and those, held, hold back nobody else.
// So a key has at most one head: its first pending event not held by a
// failure. ready_at is the latest of the head's arrival, its next attempt
// and any lease of the key's events; a lease given or renewed moves it on.

/** A query yielding (project_id, ordering_key) rows: the keys to recompute. */
export interface Keys {
  readonly sql: string;
  readonly params: readonly Param[];
}

/** The key of one stored event. */
export function keyOfEvent(projectId: string, eventId: string): Keys {
  return {
    sql: 'SELECT project_id, ordering_key FROM events WHERE project_id = ? AND event_id = ?',
    params: [projectId, eventId],
  };
}

/** Keys named one by one (an insert's). */
export function listedKeys(keys: ReadonlyArray<readonly [string, string]>): Keys {
  const unique = [...new Map(keys.map((key) => [`${key[0]}\u0000${key[1]}`, key])).values()];
  return {
    sql: `SELECT column1 AS project_id, column2 AS ordering_key FROM (VALUES ${unique.map(() => '(?, ?)').join(', ')}) AS listed`,
    params: unique.flatMap(([projectId, key]) => [projectId, key]),
  };
}

/**
 * The keys an insert may have changed: a new event comes after every stored
 * one of its key, so where the key's head is not later than the earliest new
 * event (`at`), its row stands as it is; only the others are recomputed
 * (issue 10: a client with 500 pending events would be read whole per insert).
 */
export function insertedKeys(keys: ReadonlyArray<readonly [string, string, number]>): Keys {
  const earliest = new Map<string, readonly [string, string, number]>();
  for (const key of keys) {
    const id = `${key[0]}\u0000${key[1]}`;
    const known = earliest.get(id);
    if (!known || key[2] < known[2]) earliest.set(id, key);
  }
  const rows = [...earliest.values()];
  return {
    // The cast: prepared on PostgreSQL (ingest.ts), an untyped value would be text, not comparable with at_ms.
    sql: `SELECT column1 AS project_id, column2 AS ordering_key FROM (VALUES ${rows.map(() => '(?, ?, CAST(? AS BIGINT))').join(', ')}) AS listed
      WHERE NOT EXISTS (SELECT 1 FROM ready_keys r JOIN events h ON h.seq = r.head_seq
                        WHERE r.project_id = listed.column1 AND r.ordering_key = listed.column2 AND h.at_ms <= listed.column3)`,
    params: rows.flat(),
  };
}

/** Every key of a project with a pending event (G10's resolve, the migration). */
export function pendingKeysOf(projectId: string | null): Keys {
  return projectId === null
    ? {
        sql: "SELECT DISTINCT project_id, ordering_key FROM events WHERE state = 'pending'",
        params: [],
      }
    : {
        sql: "SELECT DISTINCT project_id, ordering_key FROM events WHERE project_id = ? AND state = 'pending'",
        params: [projectId],
      };
}

function sameConversation(dialect: Dialect, a: string, b: string): string {
  const field = (alias: string, name: string): string =>
    dialect === 'postgres'
      ? `((${alias}.body)::jsonb ->> '${name}')`
      : `json_extract(${alias}.body, '$.${name}')`;
  return `(${field(a, 'callId')} = ${field(b, 'callId')} OR ${field(a, 'dialogId')} = ${field(b, 'dialogId')})`;
}

const earlier = (a: string, b: string): string =>
  `(${a}.at_ms < ${b}.at_ms OR (${a}.at_ms = ${b}.at_ms AND ${a}.seq < ${b}.seq))`;

// Each lookup names the partial index events_unfinished_key word for word
// (`state IN ('pending', 'failed')`, SQLite uses a partial index only then):
// it reads the key's own unfinished events, never the project's. `OFFSET 0`
// keeps PostgreSQL from turning a check into an anti-join over the project.
function headOf(dialect: Dialect, k: string): string {
  const heldByFailure = `EXISTS (
        SELECT 1 FROM events f
        WHERE f.project_id = b.project_id AND f.ordering_key = b.ordering_key AND f.state IN ('pending', 'failed')
          AND f.state = 'failed' AND ${earlier('f', 'b')} AND ${sameConversation(dialect, 'f', 'b')}
        LIMIT 1 OFFSET 0)`;
  return `(SELECT e.seq FROM events e
      WHERE e.project_id = ${k}.project_id AND e.ordering_key = ${k}.ordering_key AND e.state IN ('pending', 'failed')
        AND e.state = 'pending'
        AND NOT EXISTS (
          SELECT 1 FROM events b
          WHERE b.project_id = e.project_id AND b.ordering_key = e.ordering_key AND b.state IN ('pending', 'failed')
            AND ${earlier('b', 'e')}
            AND (${sameConversation(dialect, 'b', 'e')} OR (b.state = 'pending' AND NOT ${heldByFailure}))
          LIMIT 1 OFFSET 0)
      ORDER BY e.at_ms, e.seq LIMIT 1)`;
}

// The key's latest lease, read through the partial index events_leased.
function leaseOf(k: string): string {
  return `(SELECT MAX(l.claimed_until) FROM events l
      WHERE l.project_id = ${k}.project_id AND l.ordering_key = ${k}.ordering_key AND l.claimed_by IS NOT NULL AND l.state = 'pending')`;
}

/** The statements that recompute the ready rows of `keys` (after the writes that changed them). */
export function refresh(dialect: Dialect, keys: Keys): Statement[] {
  const latest = dialect === 'postgres' ? 'GREATEST' : 'MAX';
  return [
    {
      sql: `DELETE FROM ready_keys WHERE (project_id, ordering_key) IN (${keys.sql})`,
      params: keys.params,
    },
    {
      sql: `INSERT INTO ready_keys (project_id, ordering_key, head_seq, ready_at)
      SELECT h.project_id, h.ordering_key, e.seq, ${latest}(e.received_at, COALESCE(e.next_attempt_at, 0), COALESCE(h.leased_until, 0))
      FROM (SELECT k.project_id, k.ordering_key, ${headOf(dialect, 'k')} AS head_seq, ${leaseOf('k')} AS leased_until
            FROM (${keys.sql}) k) h
      JOIN events e ON e.seq = h.head_seq`,
      params: keys.params,
    },
  ];
}

// Advisory-lock namespace of "recomputing one ordering key's ready row"
// (PostgreSQL; 1 and 2 are the inbox's and the claim's).
const READY_LOCK_SPACE = 3;

/**
 * PostgreSQL, before a write that ends in `refresh` of `keys`: the keys'
 * advisory locks (in hash order: no deadlock between two writers), then their
 * ready rows (so a claim, which skips locked rows, cannot take a head that is
 * changing). Two writers of one key thus recompute its row one after the
 * other, the second seeing what the first committed (READ COMMITTED: each
 * statement sees what committed before it began). SQLite has one writer.
 */
export function lockKeys(dialect: Dialect, keys: Keys): Statement[] {
  if (dialect !== 'postgres') return [];
  return [
    {
      sql: `SELECT s.h FROM (SELECT DISTINCT hashtext(k.project_id || '|' || k.ordering_key) AS h FROM (${keys.sql}) k ORDER BY 1) s
      WHERE pg_advisory_xact_lock(${READY_LOCK_SPACE}, s.h)::text IS NOT NULL`,
      params: keys.params,
    },
    {
      sql: `SELECT r.head_seq FROM ready_keys r WHERE (r.project_id, r.ordering_key) IN (${keys.sql})
      ORDER BY r.project_id, r.ordering_key FOR UPDATE`,
      params: keys.params,
    },
  ];
}

/** The migration's SQL: the table, its index, and the rows of the backlog already stored. */
export function readyKeysSchema(dialect: Dialect): string {
  const keys = pendingKeysOf(null);
  const [, insert] = refresh(dialect, keys);
  return `
CREATE TABLE ready_keys (
  project_id TEXT NOT NULL,
  ordering_key TEXT NOT NULL,
  head_seq BIGINT NOT NULL,
  ready_at BIGINT NOT NULL,
  PRIMARY KEY (project_id, ordering_key)
);
CREATE INDEX ready_keys_due ON ready_keys (project_id, ready_at, head_seq);
CREATE INDEX events_leased ON events (project_id, ordering_key, claimed_until) WHERE claimed_by IS NOT NULL;
${insert?.sql ?? ''};
`;
}
