import { num, str, type Queryable } from './sql.js';

// The stored events that name an employee (`employee` of call and messenger
// events, scenario-format §3), newest first: what the unknown-employees report
// (GET /v1/projects/{p}/unknown-employees) reads. Bounded by time and count;
// the report says when it stopped short.

export interface EmployeeRefEvent {
  /** The event as stored (its JSON body). */
  readonly body: string;
  readonly at: Date;
}

export interface EmployeeRefQuery {
  readonly since: Date;
  readonly limit: number;
}

export async function listEmployeeRefEvents(
  db: Queryable,
  projectId: string,
  query: EmployeeRefQuery,
): Promise<EmployeeRefEvent[]> {
  const named =
    db.dialect === 'sqlite'
      ? "json_extract(body, '$.employee') IS NOT NULL"
      : "((body::jsonb) -> 'employee') IS NOT NULL";
  const rows = await db.all(
    `SELECT body, at_ms FROM events WHERE project_id = ? AND at_ms >= ? AND ${named} ORDER BY seq DESC LIMIT ?`,
    [projectId, query.since.getTime(), query.limit],
  );
  return rows.map((row) => ({ body: str(row['body']), at: new Date(num(row['at_ms'])) }));
}
