import type { JournalPage, JournalQuery, JournalRecord } from './store.js';
import { decodeCursor, encodeCursor, journalFromRow, toMs } from './rows.js';
import { num, type Param, type Queryable } from './sql.js';

const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 100;

// Advisory-lock namespace for "appending to one project's journal": appends
// of a project commit in sequence order, so a reader paging by sequence never
// passes a row that commits later with a smaller number (PostgreSQL allots
// sequence values before commit; SQLite has one writer anyway).
export const JOURNAL_LOCK_SPACE = 3;

/** Appends one entry (inside the caller's transaction). */
export async function appendJournal(
  tx: Queryable,
  projectId: string,
  record: JournalRecord,
): Promise<void> {
  if (tx.dialect === 'postgres')
    await tx.run('SELECT pg_advisory_xact_lock(?, hashtext(?))', [JOURNAL_LOCK_SPACE, projectId]);
  const row = await tx.get(
    'INSERT INTO journal (project_id, event_id, call_id, outcome, at_ms, entry, decided) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING seq',
    [
      projectId,
      record.entry.eventId,
      record.callId,
      record.entry.outcome,
      toMs(record.at),
      JSON.stringify(record.entry),
      record.decided === undefined ? null : JSON.stringify(record.decided),
    ],
  );
  const seq = num(row?.['seq']);
  for (const phone of new Set(record.phones)) {
    await tx.run('INSERT INTO journal_phones (project_id, phone, journal_seq) VALUES (?, ?, ?)', [
      projectId,
      phone,
      seq,
    ]);
  }
}

/** The journal in order, filtered; `next` is null on the last page. */
export async function listJournal(
  db: Queryable,
  projectId: string,
  query: JournalQuery,
): Promise<JournalPage> {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const where = ['j.project_id = ?', 'j.seq > ?'];
  const params: Param[] = [projectId, decodeCursor(query.cursor)];
  if (query.callId !== undefined) {
    where.push('j.call_id = ?');
    params.push(query.callId);
  }
  if (query.outcome !== undefined) {
    where.push('j.outcome = ?');
    params.push(query.outcome);
  }
  if (query.from !== undefined) {
    where.push('j.at_ms >= ?');
    params.push(toMs(query.from));
  }
  if (query.to !== undefined) {
    where.push('j.at_ms <= ?');
    params.push(toMs(query.to));
  }
  if (query.phone !== undefined) {
    where.push(
      'EXISTS (SELECT 1 FROM journal_phones p WHERE p.project_id = j.project_id AND p.phone = ? AND p.journal_seq = j.seq)',
    );
    params.push(query.phone);
  }
  params.push(limit + 1);
  const rows = await db.all(
    // The caller: the client's phone the entry concerns (the least, when an entry names several).
    `SELECT j.seq, j.at_ms, j.entry, (SELECT MIN(p.phone) FROM journal_phones p WHERE p.project_id = j.project_id AND p.journal_seq = j.seq) AS caller FROM journal j WHERE ${where.join(' AND ')} ORDER BY j.seq LIMIT ?`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: page.map(journalFromRow),
    next: rows.length > limit && last ? encodeCursor(num(last['seq'])) : null,
  };
}
