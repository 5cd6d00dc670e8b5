import { json, toMs } from './rows.js';
import { num, numOrNull, str, strOrNull, type Db, type Queryable, type Row } from './sql.js';
import type { IntegrationStateName } from './states.js';

// Issue 11 item 6: what the alert watcher reads (each project's figures, the
// marks of what was last announced) and the outbox it writes. A mark moves
// only from the value the watcher saw, so of several processes watching one
// announces the change; the alert to send is written in the same transaction.

/** What a project's alerts are about; a mark per subject. */
export type AlertSubject = 'integration' | 'index' | 'failed';
/** `webhook`: the operator's alert URL; `crm-task`: a task for the top manager in the CRM. */
export type AlertChannel = 'webhook' | 'crm-task';
export type AlertState = 'pending' | 'sent' | 'failed';

export interface NewAlert {
  /** The Standard Webhooks `webhook-id`: unique, kept across retries. */
  readonly id: string;
  readonly projectId: string;
  readonly channel: AlertChannel;
  readonly type: string;
  readonly payload: unknown;
  readonly now: Date;
}

export interface AlertRecord {
  readonly id: string;
  readonly projectId: string;
  readonly channel: AlertChannel;
  readonly type: string;
  readonly payload: unknown;
  readonly state: AlertState;
  /** Sending attempts so far. */
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
}

/** One project's state for the alert watcher, read through indexes only: no count of its backlog. */
export interface ProjectState {
  readonly projectId: string;
  readonly integration: IntegrationStateName;
  readonly integrationSince: Date;
  readonly integrationReason: string | null;
  readonly indexState: string;
  readonly indexReason: string | null;
  readonly failed: number;
  /** When the oldest pending event was received; null when none is pending. */
  readonly oldestPendingAt: Date | null;
}

/** One project's figures for the gauges: its state and how many events are pending. */
export interface ProjectFigures extends ProjectState {
  /** Pending events, held ones included (all of them are held while the integration is not active). */
  readonly pending: number;
}

export type AlertFinish =
  | { readonly state: 'sent'; readonly now: Date }
  | { readonly state: 'retry'; readonly at: Date; readonly error: string }
  | { readonly state: 'failed'; readonly error: string; readonly now: Date };

// Counts go through the (project_id, state, seq) index: they cost what is pending or failed, never the history.
// The oldest pending event is one probe of that same index. Written as `state = 'pending' ORDER BY seq`,
// PostgreSQL walked the partial events_pending (seq) index instead, filtering every other project's
// backlog (1.1 s for 20 projects beside a 100 000-event backlog, bench/gauges.ts); the range on state
// and the ORDER BY on (state, seq) leave the planner only the probe.
// The pending count costs what is pending: the alert watcher, which runs every few seconds beside
// ingest, reads the states without it (issue 10: 0.2–0.35 of a PostgreSQL session over a backlog).
const PENDING_SQL = `(SELECT COUNT(*) FROM events e WHERE e.project_id = p.id AND e.state = 'pending') AS pending,`;
const figuresSql = (
  pending: boolean,
): string => `SELECT p.id, p.integration_state, p.integration_since, p.integration_reason, p.index_state, p.index_error,
  ${pending ? PENDING_SQL : ''}
  (SELECT COUNT(*) FROM events e WHERE e.project_id = p.id AND e.state = 'failed') AS failed,
  (SELECT e.received_at FROM events e WHERE e.project_id = p.id AND e.state >= 'pending' AND e.state <= 'pending'
    ORDER BY e.state, e.seq LIMIT 1) AS oldest_pending
FROM projects p ORDER BY p.id`;

export async function projectFigures(db: Queryable): Promise<ProjectFigures[]> {
  const rows = await db.all(figuresSql(true));
  return rows.map((row) => ({ ...stateOf(row), pending: num(row['pending']) }));
}

export async function projectStates(db: Queryable): Promise<ProjectState[]> {
  return (await db.all(figuresSql(false))).map(stateOf);
}

function stateOf(row: Row): ProjectState {
  const oldest = numOrNull(row['oldest_pending']);
  return {
    projectId: str(row['id']),
    integration: str(row['integration_state']) as IntegrationStateName,
    integrationSince: new Date(num(row['integration_since'])),
    integrationReason: strOrNull(row['integration_reason']),
    indexState: str(row['index_state']),
    indexReason: strOrNull(row['index_error'] ?? null),
    failed: num(row['failed']),
    oldestPendingAt: oldest === null ? null : new Date(oldest),
  };
}

/** Every mark, project id → subject → value. */
export async function alertMarks(
  db: Queryable,
): Promise<Map<string, Partial<Record<AlertSubject, string>>>> {
  const marks = new Map<string, Partial<Record<AlertSubject, string>>>();
  for (const row of await db.all('SELECT project_id, subject, value FROM alert_marks')) {
    const id = str(row['project_id']);
    const entry = marks.get(id) ?? {};
    entry[str(row['subject']) as AlertSubject] = str(row['value']);
    marks.set(id, entry);
  }
  return marks;
}

/**
 * Moves a mark from `from` (null: none yet) to `to` and writes `alerts` with
 * it, in one transaction. False, nothing written, when the mark is no longer
 * `from` (another process announced the change first).
 */
export function moveAlertMark(
  db: Db,
  move: {
    readonly projectId: string;
    readonly subject: AlertSubject;
    readonly from: string | null;
    readonly to: string;
    readonly alerts: readonly NewAlert[];
  },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const moved =
      move.from === null
        ? await tx.run(
            'INSERT INTO alert_marks (project_id, subject, value) VALUES (?, ?, ?) ON CONFLICT (project_id, subject) DO NOTHING',
            [move.projectId, move.subject, move.to],
          )
        : await tx.run(
            'UPDATE alert_marks SET value = ? WHERE project_id = ? AND subject = ? AND value = ?',
            [move.to, move.projectId, move.subject, move.from],
          );
    if (moved !== 1) return false;
    for (const alert of move.alerts) await insertAlert(tx, alert);
    return true;
  });
}

export async function insertAlert(db: Queryable, alert: NewAlert): Promise<void> {
  await db.run(
    `INSERT INTO alerts (id, project_id, channel, type, payload, state, attempts, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
    [
      alert.id,
      alert.projectId,
      alert.channel,
      alert.type,
      JSON.stringify(alert.payload),
      toMs(alert.now),
      toMs(alert.now),
    ],
  );
}

/**
 * Up to `limit` pending alerts due by `now`, each leased for `leaseMs` (a
 * sender that dies leaves them to be claimed again once the lease runs out).
 */
export async function claimAlerts(
  db: Db,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<AlertRecord[]> {
  const candidates = await db.all(
    `SELECT id FROM alerts WHERE state = 'pending' AND next_attempt_at <= ?
       AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY next_attempt_at LIMIT ?`,
    [toMs(now), toMs(now), limit],
  );
  const claimed: AlertRecord[] = [];
  for (const candidate of candidates) {
    const id = str(candidate['id']);
    const rows = await db.all(
      `UPDATE alerts SET claimed_until = ?, attempts = attempts + 1
       WHERE id = ? AND state = 'pending' AND (claimed_until IS NULL OR claimed_until <= ?)
       RETURNING *`,
      [toMs(now) + leaseMs, id, toMs(now)],
    );
    const row = rows[0];
    if (row) claimed.push(alertFromRow(row));
  }
  return claimed;
}

export async function finishAlert(db: Queryable, id: string, finish: AlertFinish): Promise<void> {
  if (finish.state === 'retry') {
    await db.run(
      'UPDATE alerts SET next_attempt_at = ?, last_error = ?, claimed_until = NULL WHERE id = ?',
      [toMs(finish.at), finish.error, id],
    );
    return;
  }
  await db.run(
    'UPDATE alerts SET state = ?, last_error = ?, finished_at = ?, claimed_until = NULL WHERE id = ?',
    [finish.state, finish.state === 'failed' ? finish.error : null, toMs(finish.now), id],
  );
}

/** A project's alerts, newest first. */
export async function listAlerts(
  db: Queryable,
  projectId: string,
  limit = 100,
): Promise<AlertRecord[]> {
  const rows = await db.all(
    'SELECT * FROM alerts WHERE project_id = ? ORDER BY created_at DESC, id LIMIT ?',
    [projectId, limit],
  );
  return rows.map(alertFromRow);
}

/** Sent alerts older than `before` go (failed ones stay for the operator to see). */
export async function pruneAlerts(db: Queryable, before: Date): Promise<number> {
  return db.run("DELETE FROM alerts WHERE state = 'sent' AND finished_at < ?", [toMs(before)]);
}

function alertFromRow(row: Row): AlertRecord {
  const finished = numOrNull(row['finished_at']);
  return {
    id: str(row['id']),
    projectId: str(row['project_id']),
    channel: str(row['channel']) as AlertChannel,
    type: str(row['type']),
    payload: json(row['payload']),
    state: str(row['state']) as AlertState,
    attempts: num(row['attempts']),
    nextAttemptAt: new Date(num(row['next_attempt_at'])),
    lastError: strOrNull(row['last_error']),
    createdAt: new Date(num(row['created_at'])),
    finishedAt: finished === null ? null : new Date(finished),
  };
}

/** The store's part for alerts (Store extends it). */
export interface AlertStore {
  /** Every project's figures (gauges). */
  projectFigures(): Promise<ProjectFigures[]>;
  /** Every project's state, without counting its pending events (the alert watcher). */
  projectStates(): Promise<ProjectState[]>;
  alertMarks(): Promise<Map<string, Partial<Record<AlertSubject, string>>>>;
  moveAlertMark(move: Parameters<typeof moveAlertMark>[1]): Promise<boolean>;
  addAlert(alert: NewAlert): Promise<void>;
  claimAlerts(now: Date, limit: number, leaseMs: number): Promise<AlertRecord[]>;
  finishAlert(id: string, finish: AlertFinish): Promise<void>;
  listAlerts(projectId: string, limit?: number): Promise<AlertRecord[]>;
  pruneAlerts(before: Date): Promise<number>;
}
