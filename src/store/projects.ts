import { apiKeyFromRow, integrationFromRow, projectFromRow, toMs } from './rows.js';
import { num, type Db, type Queryable } from './sql.js';
import { integrationMove, type IntegrationStateName } from './states.js';
import type {
  ApiKeyRecord,
  IntegrationMoveResult,
  IntegrationState,
  ProjectRecord,
  PutProject,
  PutProjectResult,
} from './store.js';

// Projects, their API keys and their integration state.

const PROJECT_COLUMNS = 'id, crm, document, secrets, version, created_at, updated_at';

/** Every table holding a project's data, for DELETE (no foreign keys: one explicit list). */
const PROJECT_TABLES = [
  'alerts',
  'alert_marks',
  'api_keys',
  'crm_requests',
  'events',
  'journal',
  'journal_phones',
  'memories',
  'plans',
  'plan_operations',
  'phone_index',
  'ready_keys',
] as const;

export function putProject(db: Db, input: PutProject): Promise<PutProjectResult> {
  return db.transaction(async (tx) => {
    const current = await tx.get('SELECT version FROM projects WHERE id = ?', [input.id]);
    const version = current ? num(current['version']) : 0;
    if (input.expectedVersion !== undefined && input.expectedVersion !== version) {
      return { ok: false, reason: 'version-conflict', current: version } as const;
    }
    const now = toMs(input.now);
    const document = JSON.stringify(input.document);
    if (current) {
      await tx.run(
        'UPDATE projects SET crm = ?, document = ?, secrets = ?, version = ?, updated_at = ? WHERE id = ?',
        [input.crm, document, input.secrets, version + 1, now, input.id],
      );
    } else {
      await tx.run(
        'INSERT INTO projects (id, crm, document, secrets, version, created_at, updated_at, integration_since) VALUES (?, ?, ?, ?, 1, ?, ?, ?)',
        [input.id, input.crm, document, input.secrets, now, now, now],
      );
    }
    const row = await tx.get(`SELECT ${PROJECT_COLUMNS} FROM projects WHERE id = ?`, [input.id]);
    if (!row) throw new Error(`project ${input.id} vanished inside its own transaction`);
    return { ok: true, created: !current, project: projectFromRow(row) } as const;
  });
}

export async function getProject(db: Queryable, id: string): Promise<ProjectRecord | null> {
  const row = await db.get(`SELECT ${PROJECT_COLUMNS} FROM projects WHERE id = ?`, [id]);
  return row ? projectFromRow(row) : null;
}

export async function getProjectVersion(db: Queryable, id: string): Promise<number | null> {
  const row = await db.get('SELECT version FROM projects WHERE id = ?', [id]);
  return row ? num(row['version']) : null;
}

export async function listProjects(db: Queryable): Promise<ProjectRecord[]> {
  return (await db.all(`SELECT ${PROJECT_COLUMNS} FROM projects ORDER BY id`)).map(projectFromRow);
}

export function deleteProject(db: Db, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    for (const table of PROJECT_TABLES)
      await tx.run(`DELETE FROM ${table} WHERE project_id = ?`, [id]);
    return (await tx.run('DELETE FROM projects WHERE id = ?', [id])) === 1;
  });
}

export async function createApiKey(
  db: Queryable,
  key: { id: string; projectId: string | null; hash: string; now: Date },
): Promise<void> {
  await db.run('INSERT INTO api_keys (id, project_id, hash, created_at) VALUES (?, ?, ?, ?)', [
    key.id,
    key.projectId,
    key.hash,
    toMs(key.now),
  ]);
}

export async function findApiKey(db: Queryable, hash: string): Promise<ApiKeyRecord | null> {
  const row = await db.get('SELECT id, project_id, hash, created_at FROM api_keys WHERE hash = ?', [
    hash,
  ]);
  return row ? apiKeyFromRow(row) : null;
}

export async function hasOperatorKey(db: Queryable): Promise<boolean> {
  return (
    (await db.get('SELECT 1 AS one FROM api_keys WHERE project_id IS NULL LIMIT 1')) !== undefined
  );
}

export async function deleteApiKey(db: Queryable, id: string): Promise<boolean> {
  return (await db.run('DELETE FROM api_keys WHERE id = ?', [id])) === 1;
}

/** `project_id = ?` cannot match NULL: the operator's keys need their own condition. */
const keyOwner = (projectId: string | null) =>
  projectId === null
    ? { sql: 'project_id IS NULL', params: [] }
    : { sql: 'project_id = ?', params: [projectId] };

export async function listApiKeys(
  db: Queryable,
  projectId: string | null,
): Promise<ApiKeyRecord[]> {
  const owner = keyOwner(projectId);
  const rows = await db.all(
    `SELECT id, project_id, hash, created_at FROM api_keys WHERE ${owner.sql} ORDER BY created_at, id`,
    owner.params,
  );
  return rows.map(apiKeyFromRow);
}

export async function deleteApiKeyOf(
  db: Queryable,
  id: string,
  projectId: string | null,
): Promise<boolean> {
  const owner = keyOwner(projectId);
  return (
    (await db.run(`DELETE FROM api_keys WHERE id = ? AND ${owner.sql}`, [id, ...owner.params])) ===
    1
  );
}

const INTEGRATION_COLUMNS = 'integration_state, integration_since, integration_reason';

export async function getIntegration(
  db: Queryable,
  projectId: string,
): Promise<IntegrationState | null> {
  const row = await db.get(`SELECT ${INTEGRATION_COLUMNS} FROM projects WHERE id = ?`, [projectId]);
  return row ? integrationFromRow(row) : null;
}

export function moveIntegration(
  db: Db,
  projectId: string,
  to: IntegrationStateName,
  reason: string | null,
  now: Date,
): Promise<IntegrationMoveResult> {
  return db.transaction(async (tx) => {
    const current = await getIntegration(tx, projectId);
    if (!current) throw new Error(`unknown project ${projectId}`);
    if (current.state === to) return { ok: true, integration: current } as const;
    const move = integrationMove(current.state, to);
    if (!move.ok) return { ok: false, message: move.message, integration: current } as const;
    await tx.run(
      'UPDATE projects SET integration_state = ?, integration_since = ?, integration_reason = ? WHERE id = ?',
      [to, toMs(now), reason, projectId],
    );
    return { ok: true, integration: { state: to, since: now, reason } } as const;
  });
}
