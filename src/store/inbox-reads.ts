import { decodeCursor, encodeCursor, EVENT_COLUMNS, eventFromRow, journalFromRow } from './rows.js';
import { num, str, type Queryable } from './sql.js';
import { EVENT_STATES } from './states.js';
import type { EventCounts, EventDetail, InboxEvent } from './inbox-types.js';

// Reads of the inbox: one event with its journal entry, the dead letter, counts by state.

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
