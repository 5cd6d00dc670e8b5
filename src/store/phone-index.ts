import { routeFromRow } from './rows.js';
import { num, str, strOrNull, type Db, type Param, type Queryable } from './sql.js';
import type { IndexChange, IndexEntity, IndexStatus, IndexedRecord, RouteMatch } from './store.js';

// The local phone index that answers G13's routing question without a CRM round-trip.

const INSERT_ROW =
  'INSERT INTO phone_index (project_id, entity, record_id, phone, owner_user_id, created_order) VALUES (?, ?, ?, ?, ?, ?)';
const RECORD_ROWS = 'project_id = ? AND entity = ? AND record_id = ?';

export function upsertIndex(
  db: Db,
  projectId: string,
  records: readonly IndexedRecord[],
): Promise<void> {
  return db.transaction(async (tx) => {
    for (const record of records) await replaceRecord(tx, projectId, record);
  });
}

async function replaceRecord(
  tx: Queryable,
  projectId: string,
  record: IndexedRecord,
): Promise<void> {
  await tx.run(`DELETE FROM phone_index WHERE ${RECORD_ROWS}`, [
    projectId,
    record.entity,
    record.recordId,
  ]);
  for (const phone of new Set(record.phones)) {
    await tx.run(INSERT_ROW, [
      projectId,
      record.entity,
      record.recordId,
      phone,
      record.ownerUserId,
      record.createdOrder,
    ]);
  }
}

/** The changes in order, inside the caller's transaction (`complete` passes its own: G13 and the event's state land together). */
export async function applyIndexChanges(
  tx: Queryable,
  projectId: string,
  changes: readonly IndexChange[],
): Promise<void> {
  for (const change of changes) {
    if (change.kind === 'removed') {
      await tx.run(`DELETE FROM phone_index WHERE ${RECORD_ROWS}`, [
        projectId,
        change.entity,
        change.recordId,
      ]);
      continue;
    }
    if (change.kind === 'owner') {
      const { entity, recordId, ownerUserId } = change;
      const moved = await tx.run(`UPDATE phone_index SET owner_user_id = ? WHERE ${RECORD_ROWS}`, [
        ownerUserId,
        projectId,
        entity,
        recordId,
      ]);
      // Not indexed yet (the load has not reached it): index what the lookup saw, as the oldest record.
      if (moved === 0)
        for (const phone of new Set(change.phones))
          await tx.run(INSERT_ROW, [projectId, entity, recordId, phone, ownerUserId, 0]);
      continue;
    }
    const { record, phonesOf } = change;
    if (record.phones.length > 0 || !phonesOf) {
      await replaceRecord(tx, projectId, record);
      continue;
    }
    // A deal without phones of its own is reached through its contact's (G13).
    await tx.run(`DELETE FROM phone_index WHERE ${RECORD_ROWS}`, [
      projectId,
      record.entity,
      record.recordId,
    ]);
    await tx.run(
      `INSERT INTO phone_index (project_id, entity, record_id, phone, owner_user_id, created_order)
       -- Casts: PostgreSQL types a bare parameter in a SELECT list as text.
       SELECT DISTINCT project_id, CAST(? AS TEXT), CAST(? AS TEXT), phone, CAST(? AS TEXT), CAST(? AS BIGINT) FROM phone_index WHERE ${RECORD_ROWS}`,
      [
        record.entity,
        record.recordId,
        record.ownerUserId,
        record.createdOrder,
        projectId,
        phonesOf.entity,
        phonesOf.recordId,
      ],
    );
  }
}

export async function removeFromIndex(
  db: Queryable,
  projectId: string,
  entity: IndexEntity,
  recordId: string,
): Promise<void> {
  await db.run('DELETE FROM phone_index WHERE project_id = ? AND entity = ? AND record_id = ?', [
    projectId,
    entity,
    recordId,
  ]);
}

export async function clearIndex(db: Queryable, projectId: string): Promise<void> {
  await db.run('DELETE FROM phone_index WHERE project_id = ?', [projectId]);
}

/** One query on (project_id, phone): the first entity of `priority`, then the newest record. */
export async function route(
  db: Queryable,
  projectId: string,
  phone: string,
  priority: readonly IndexEntity[],
): Promise<RouteMatch | null> {
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
  const project = await db.get('SELECT index_state, index_error FROM projects WHERE id = ?', [
    projectId,
  ]);
  const count = await db.get(
    'SELECT COUNT(DISTINCT phone) AS n FROM phone_index WHERE project_id = ?',
    [projectId],
  );
  const state = project ? str(project['index_state']) : 'loading';
  const phones = num(count?.['n'] ?? 0);
  if (state === 'failed')
    return { state, phones, reason: strOrNull(project?.['index_error']) ?? 'failed' };
  return { state: state === 'ready' ? 'ready' : 'loading', phones };
}

export async function getIndexReadAt(db: Queryable, projectId: string): Promise<Date | null> {
  const row = await db.get('SELECT index_read_at FROM projects WHERE id = ?', [projectId]);
  const ms = row?.['index_read_at'];
  return ms === null || ms === undefined ? null : new Date(num(ms));
}

export async function setIndexReadAt(db: Queryable, projectId: string, at: Date): Promise<void> {
  await db.run('UPDATE projects SET index_read_at = ? WHERE id = ?', [at.getTime(), projectId]);
}

export async function setIndexState(
  db: Queryable,
  projectId: string,
  state: IndexStatus['state'],
  reason?: string,
): Promise<void> {
  await db.run('UPDATE projects SET index_state = ?, index_error = ? WHERE id = ?', [
    state,
    state === 'failed' ? (reason ?? 'failed') : null,
    projectId,
  ]);
}
