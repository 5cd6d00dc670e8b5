import { createHash } from 'node:crypto';
import { GroupCommit } from './group-commit.js';
import { insertedKeys, listedKeys, lockKeys, refresh } from './ready-keys.js';
import { placeholders, type Db, type Param, type Statement } from './sql.js';
import { toMs } from './rows.js';
import type { InsertResult, NewEvent } from './inbox-types.js';

// Ingest: accepted events into the inbox, several requests to one commit (service §4).

const INSERT_CHUNK = 100;

/**
 * PostgreSQL: commits of up to this many events — a webhook's usual one — run
 * prepared statements. Planning the ingest's five statements took ~3 ms per
 * commit against ~2 ms of running them (EXPLAIN ANALYZE), most of the
 * server's time under a steady load of single events (issue 10). Larger
 * batches plan once for many events, and their texts vary with their size.
 */
const PREPARED_UP_TO = 8;

/** Prepared-statement names by statement text: one per distinct text, the same in every process. */
const preparedNames = new Map<string, string>();

function prepared(statement: Statement): Statement {
  let name = preparedNames.get(statement.sql);
  if (!name) {
    name = `cm_ingest_${createHash('sha256').update(statement.sql).digest('hex').slice(0, 16)}`;
    preparedNames.set(statement.sql, name);
  }
  return { ...statement, prepareAs: name };
}

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
  const statements = [...locks, ...inserts.flat(), ...ready];
  const results = await db.script(
    written.length <= PREPARED_UP_TO ? statements.map(prepared) : statements,
    { urgent: true },
  );
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
 * SQLite commits under way at once: each waits for the WAL's fdatasync off the
 * event loop, and those that wait together share one (wal-flush.ts).
 */
const SQLITE_COMMITS_IN_FLIGHT = 8;

/**
 * Group commit of ingest (service.md §4: "several requests may share one
 * commit"): under load one fsync serves many 202s (group-commit.ts).
 */
export function insertBatcher(db: Db): GroupCommit<Insert, InsertResult> {
  return new GroupCommit({
    one: (item) => insertEvents(db, item.projectId, item.events, item.now),
    many: (items) => commitInserts(db, items),
    max: MAX_REQUESTS_PER_COMMIT,
    inFlight: db.dialect === 'sqlite' ? SQLITE_COMMITS_IN_FLIGHT : 1,
  });
}
