import type { CrmId } from '../domain/crm-id.js';
import type { Outcome } from '../domain/plan.js';
import { integrationFromRow } from './rows.js';
import { num, numOrNull, str, type Param, type Queryable } from './sql.js';
import { EVENT_STATES } from './states.js';
import type { IntegrationState } from './store.js';

// Projects with their health at a glance (GET /v1/projects) and a project's
// journal counted by hour (GET …/stats). Every figure is read through an
// index: the health's counts cost what is pending or failed, its times one
// probe each; the hourly counts a range scan of the hours asked for.

export interface ProjectHealth {
  readonly id: string;
  readonly crm: CrmId;
  readonly integration: IntegrationState;
  readonly pending: number;
  readonly failed: number;
  /** When the oldest pending event was received; null when none is pending. */
  readonly oldestPendingAt: Date | null;
  /** When the last event was received, whatever its state; null before the first. */
  readonly lastEventAt: Date | null;
  readonly indexState: 'loading' | 'ready' | 'failed';
}

const lastOf = (state: string) =>
  `(SELECT e.received_at FROM events e WHERE e.project_id = p.id AND e.state = '${state}' ORDER BY e.seq DESC LIMIT 1) AS last_${state}`;

const HEALTH_SQL = `SELECT p.id, p.crm, p.integration_state, p.integration_since, p.integration_reason, p.index_state,
  (SELECT COUNT(*) FROM events e WHERE e.project_id = p.id AND e.state = 'pending') AS pending,
  (SELECT COUNT(*) FROM events e WHERE e.project_id = p.id AND e.state = 'failed') AS failed,
  (SELECT e.received_at FROM events e WHERE e.project_id = p.id AND e.state = 'pending' ORDER BY e.seq LIMIT 1) AS oldest_pending,
  ${EVENT_STATES.map(lastOf).join(',\n  ')}
FROM projects p WHERE p.id > ? ORDER BY p.id LIMIT ?`;

/** Up to `limit` projects whose id sorts after `after` (null: from the first), in id order. */
export async function listProjectHealth(
  db: Queryable,
  after: string | null,
  limit: number,
): Promise<ProjectHealth[]> {
  const params: Param[] = [after ?? '', limit];
  const rows = await db.all(HEALTH_SQL, params);
  return rows.map((row) => {
    const lasts = EVENT_STATES.map((state) => numOrNull(row[`last_${state}`])).filter(
      (ms): ms is number => ms !== null,
    );
    const oldest = numOrNull(row['oldest_pending']);
    return {
      id: str(row['id']),
      crm: str(row['crm']) as CrmId,
      integration: integrationFromRow(row),
      pending: num(row['pending']),
      failed: num(row['failed']),
      oldestPendingAt: oldest === null ? null : new Date(oldest),
      lastEventAt: lasts.length > 0 ? new Date(Math.max(...lasts)) : null,
      indexState: indexStateOf(str(row['index_state'])),
    };
  });
}

function indexStateOf(stored: string): ProjectHealth['indexState'] {
  return stored === 'ready' || stored === 'failed' ? stored : 'loading';
}

const HOUR_MS = 3_600_000;

export interface HourlyCount {
  /** The start of the hour (UTC) of the events' `at`. */
  readonly hour: Date;
  readonly outcome: Outcome;
  readonly count: number;
}

/** Journal entries of a project whose event `at` is in [from, to), counted by UTC hour and outcome. */
export async function countJournalByHour(
  db: Queryable,
  projectId: string,
  from: Date,
  to: Date,
): Promise<HourlyCount[]> {
  const rows = await db.all(
    `SELECT at_ms / ${HOUR_MS} AS hour, outcome, COUNT(*) AS n FROM journal
     WHERE project_id = ? AND at_ms >= ? AND at_ms < ? GROUP BY at_ms / ${HOUR_MS}, outcome`,
    [projectId, from.getTime(), to.getTime()],
  );
  return rows.map((row) => ({
    hour: new Date(Math.floor(num(row['hour'])) * HOUR_MS),
    outcome: str(row['outcome']) as Outcome,
    count: num(row['n']),
  }));
}
