import { routeFromRow } from './rows.js';
import { num, str, type Db, type Param, type Queryable } from './sql.js';
import type { IndexEntity, IndexStatus, IndexedRecord, RouteMatch } from './store.js';

// The local phone index that answers G13's routing question without a CRM round-trip.

export function upsertIndex(db: Db, projectId: string, records: readonly IndexedRecord[]): Promise<void> {
  return db.transaction(async (tx) => {
    for (const record of records) {
      await tx.run('DELETE FROM phone_index WHERE project_id = ? AND entity = ? AND record_id = ?', [projectId, record.entity, record.recordId]);
      for (const phone of new Set(record.phones)) {
        await tx.run('INSERT INTO phone_index (project_id, entity, record_id, phone, owner_user_id, created_order) VALUES (?, ?, ?, ?, ?, ?)', [
          projectId,
          record.entity,
          record.recordId,
          phone,
          record.ownerUserId,
          record.createdOrder,
        ]);
      }
    }
  });
}

export async function removeFromIndex(db: Queryable, projectId: string, entity: IndexEntity, recordId: string): Promise<void> {
  await db.run('DELETE FROM phone_index WHERE project_id = ? AND entity = ? AND record_id = ?', [projectId, entity, recordId]);
}

export async function clearIndex(db: Queryable, projectId: string): Promise<void> {
  await db.run('DELETE FROM phone_index WHERE project_id = ?', [projectId]);
}

/** One query on (project_id, phone): the first entity of `priority`, then the newest record. */
export async function route(db: Queryable, projectId: string, phone: string, priority: readonly IndexEntity[]): Promise<RouteMatch | null> {
  const entities = [...new Set(priority)];
  if (entities.length === 0) return null;
  const rank = entities.map((_, index) => `WHEN ? THEN ${index}`).join(' ');
  const params: Param[] = [projectId, phone, ...entities, ...entities];
  const row = await db.get(
    `SELECT entity, record_id, owner_user_id FROM phone_index
     WHERE project_id = ? AND phone = ? AND entity IN (${entities.map(() => '?').join(', ')})
     ORDER BY CASE entity ${rank} END, created_order DESC, record_id LIMIT 1`,
    params,
  );
  return row ? routeFromRow(row) : null;
}

export async function indexStatus(db: Queryable, projectId: string): Promise<IndexStatus> {
  const project = await db.get('SELECT index_state FROM projects WHERE id = ?', [projectId]);
  const count = await db.get('SELECT COUNT(DISTINCT phone) AS n FROM phone_index WHERE project_id = ?', [projectId]);
  const state = project ? str(project['index_state']) : 'loading';
  return { state: state === 'ready' ? 'ready' : 'loading', phones: num(count?.['n'] ?? 0) };
}

export async function setIndexState(db: Queryable, projectId: string, state: IndexStatus['state']): Promise<void> {
  await db.run('UPDATE projects SET index_state = ? WHERE id = ?', [state, projectId]);
}

