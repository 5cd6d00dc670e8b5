import { num, type Db, type Queryable } from './sql.js';

// A project's CRM requests per UTC hour (migration 13): added in batches by the
// processes that made them, read by GET …/stats. The counts of several
// processes for the same hour add up.

const HOUR_MS = 3_600_000;

/** Requests sent for a project in one UTC hour. */
export interface CrmRequestCount {
  readonly projectId: string;
  /** The start of the hour (UTC); a time inside it is rounded down. */
  readonly hour: Date;
  readonly requests: number;
}

export interface CrmRequestCounts {
  /**
   * Adds each count to its project's hour, in one transaction. A project
   * that no longer exists is skipped: its requests are not kept.
   */
  addCrmRequests(counts: readonly CrmRequestCount[]): Promise<void>;
  /** The project's requests by UTC hour in [from, to), hours without requests absent. */
  countCrmRequestsByHour(projectId: string, from: Date, to: Date): Promise<CrmRequestCount[]>;
}

// CASTs: PostgreSQL types a parameter of a SELECT list as text otherwise.
const ADD_SQL = `INSERT INTO crm_requests (project_id, hour_ms, requests)
  SELECT CAST(? AS TEXT), CAST(? AS BIGINT), CAST(? AS BIGINT) WHERE EXISTS (SELECT 1 FROM projects WHERE id = ?)
  ON CONFLICT (project_id, hour_ms) DO UPDATE SET requests = crm_requests.requests + excluded.requests`;

export async function addCrmRequests(db: Db, counts: readonly CrmRequestCount[]): Promise<void> {
  const rows = counts.filter((count) => count.requests > 0);
  if (rows.length === 0) return;
  await db.transaction(
    async (tx) => {
      for (const { projectId, hour, requests } of rows) {
        const hourMs = Math.floor(hour.getTime() / HOUR_MS) * HOUR_MS;
        await tx.run(ADD_SQL, [projectId, hourMs, requests, projectId]);
      }
    },
    { durable: false },
  );
}

export async function countCrmRequestsByHour(
  db: Queryable,
  projectId: string,
  from: Date,
  to: Date,
): Promise<CrmRequestCount[]> {
  const rows = await db.all(
    `SELECT hour_ms, requests FROM crm_requests
     WHERE project_id = ? AND hour_ms >= ? AND hour_ms < ? ORDER BY hour_ms`,
    [projectId, from.getTime(), to.getTime()],
  );
  return rows.map((row) => ({
    projectId,
    hour: new Date(num(row['hour_ms'])),
    requests: num(row['requests']),
  }));
}
