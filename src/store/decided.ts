import type { DecidedEvent } from '../domain/decision.js';
import { json, toMs } from './rows.js';
import { num, str, strOrNull, type Param, type Queryable, type Row } from './sql.js';

// The journal's decided events, read back for a replay (issue 14): each row
// keeps the event, what it was decided on and the decision (migration 9) in
// `decided` as JSON; JSON `null` when the event failed before it was decided,
// SQL NULL for rows written before migration 9.
// Read call by call (the journal's (project, call, seq) index), then the
// events of no call in journal order, so a replay can answer per call while
// it streams, holding one call at a time.

/** Inclusive bounds on the event's `at`. */
export interface DecidedRange {
  readonly from: Date;
  readonly to: Date;
}

export interface DecidedCount {
  /** Journal rows in the range. */
  readonly events: number;
  /** Rows written before contexts were kept (column NULL): a replay of the range cannot be exact. */
  readonly withoutContext: number;
  /** Rows of events that failed before `decide` ran (column `null` in JSON): nothing to replay. */
  readonly undecided: number;
  /** The latest event time among the rows without a context. */
  readonly lastWithoutContext: Date | null;
}

/** Where a page of decided events continues: calls first (by call id, then journal order), then events of no call. */
export type DecidedCursor =
  | { readonly part: 'calls'; readonly callId: string; readonly seq: number }
  | { readonly part: 'others'; readonly seq: number };

export interface DecidedRow {
  readonly seq: number;
  readonly callId: string | null;
  readonly eventId: string;
  /** Null: failed before `decide` ran (or, for a row without context, never stored: countDecided tells). */
  readonly decided: DecidedEvent | null;
}

export interface DecidedPage {
  readonly rows: DecidedRow[];
  /** Null after the last page. */
  readonly next: DecidedCursor | null;
}

/** The replay's reads, implemented by every Store. */
export interface DecidedEvents {
  countDecided(projectId: string, range: DecidedRange): Promise<DecidedCount>;
  listDecided(
    projectId: string,
    range: DecidedRange,
    cursor: DecidedCursor | null,
    limit: number,
  ): Promise<DecidedPage>;
}

export async function countDecided(
  db: Queryable,
  projectId: string,
  range: DecidedRange,
): Promise<DecidedCount> {
  const row = await db.get(
    `SELECT COUNT(*) AS events,
            COALESCE(SUM(CASE WHEN decided IS NULL THEN 1 ELSE 0 END), 0) AS without_context,
            COALESCE(SUM(CASE WHEN decided = 'null' THEN 1 ELSE 0 END), 0) AS undecided,
            MAX(CASE WHEN decided IS NULL THEN at_ms END) AS last_without
     FROM journal WHERE project_id = ? AND at_ms >= ? AND at_ms <= ?`,
    [projectId, toMs(range.from), toMs(range.to)],
  );
  const last = row?.['last_without'];
  return {
    events: num(row?.['events'] ?? 0),
    withoutContext: num(row?.['without_context'] ?? 0),
    undecided: num(row?.['undecided'] ?? 0),
    lastWithoutContext: last == null ? null : new Date(num(last)),
  };
}

export async function listDecided(
  db: Queryable,
  projectId: string,
  range: DecidedRange,
  cursor: DecidedCursor | null,
  limit: number,
): Promise<DecidedPage> {
  const inRange = 'project_id = ? AND at_ms >= ? AND at_ms <= ?';
  const base: Param[] = [projectId, toMs(range.from), toMs(range.to)];
  const columns = 'seq, call_id, event_id, decided';
  if (cursor === null || cursor.part === 'calls') {
    const after = cursor ?? { callId: '', seq: 0 };
    const rows = await db.all(
      `SELECT ${columns} FROM journal
       WHERE ${inRange} AND call_id IS NOT NULL AND (call_id > ? OR (call_id = ? AND seq > ?))
       ORDER BY call_id, seq LIMIT ?`,
      [...base, after.callId, after.callId, after.seq, limit],
    );
    const page = rows.map(decidedRow);
    const last = page.at(-1);
    if (rows.length === limit && last?.callId != null)
      return { rows: page, next: { part: 'calls', callId: last.callId, seq: last.seq } };
    return { rows: page, next: { part: 'others', seq: 0 } };
  }
  const rows = await db.all(
    `SELECT ${columns} FROM journal WHERE ${inRange} AND call_id IS NULL AND seq > ? ORDER BY seq LIMIT ?`,
    [...base, cursor.seq, limit],
  );
  const page = rows.map(decidedRow);
  const last = page.at(-1);
  return {
    rows: page,
    next: rows.length === limit && last ? { part: 'others', seq: last.seq } : null,
  };
}

function decidedRow(row: Row): DecidedRow {
  return {
    seq: num(row['seq']),
    callId: strOrNull(row['call_id']),
    eventId: str(row['event_id']),
    decided: row['decided'] == null ? null : json<DecidedEvent | null>(row['decided']),
  };
}
