import type { ClientMemory } from '../domain/client-memory.js';
import type { Decision, DecisionContext } from '../domain/decision.js';
import type { Memory } from '../domain/memory.js';
import { json } from './rows.js';
import { num, str, type Queryable, type Row } from './sql.js';
import type { StoredPlan, WorkState } from './store.js';

// Call / dialog memory and plans under way (D6, D13, style §2.9).

export async function getMemory(
  db: Queryable,
  projectId: string,
  key: string,
): Promise<Memory | null> {
  const body = await memoryBody(db, projectId, key);
  return body === undefined ? null : json<Memory>(body);
}

/** A client's memory (`client:<E.164>`, issue 14 item 2): its open call-back tasks. */
export async function getClientMemory(
  db: Queryable,
  projectId: string,
  key: string,
): Promise<ClientMemory | null> {
  const body = await memoryBody(db, projectId, key);
  const memory = body === undefined ? null : json<ClientMemory | Memory>(body);
  return memory?.kind === 'client' ? memory : null;
}

/** The stored body under a memory key; undefined where there is none. */
async function memoryBody(db: Queryable, projectId: string, key: string): Promise<unknown> {
  const row = await db.get('SELECT body FROM memories WHERE project_id = ? AND key = ?', [
    projectId,
    key,
  ]);
  return row ? row['body'] : undefined;
}

export async function putMemory(
  db: Queryable,
  projectId: string,
  key: string,
  memory: Memory | ClientMemory,
): Promise<void> {
  await db.run(
    'INSERT INTO memories (project_id, key, body) VALUES (?, ?, ?) ON CONFLICT (project_id, key) DO UPDATE SET body = excluded.body',
    [projectId, key, JSON.stringify(memory)],
  );
}

export async function getPlan(
  db: Queryable,
  projectId: string,
  eventId: string,
): Promise<StoredPlan | null> {
  const row = await db.get(
    'SELECT decision, context, decide_again FROM plans WHERE project_id = ? AND event_id = ?',
    [projectId, eventId],
  );
  return row ? planFrom(db, projectId, eventId, row) : null;
}

/**
 * What a worker reads before running an event: its call / dialog memory and
 * its plan under way, in one statement (one round trip on PostgreSQL, where
 * each was a query of its own for every event). The plan's recorded ids are
 * read only when there is a plan (a retry), which is rare.
 */
export async function getWorkState(
  db: Queryable,
  projectId: string,
  memoryKey: string | null,
  eventId: string,
): Promise<WorkState> {
  const row = await db.get(
    `SELECT (SELECT body FROM memories WHERE project_id = ? AND key = ?) AS memory,
            (SELECT decision FROM plans WHERE project_id = ? AND event_id = ?) AS decision,
            (SELECT context FROM plans WHERE project_id = ? AND event_id = ?) AS context,
            (SELECT decide_again FROM plans WHERE project_id = ? AND event_id = ?) AS decide_again`,
    [projectId, memoryKey, projectId, eventId, projectId, eventId, projectId, eventId],
  );
  const memory = memoryKey !== null && row?.['memory'] != null ? json<Memory>(row['memory']) : null;
  if (row?.['decision'] == null) return { memory, plan: null };
  return { memory, plan: await planFrom(db, projectId, eventId, row) };
}

/** A plans row (decision, context, decide_again) with its operation rows read. */
async function planFrom(
  db: Queryable,
  projectId: string,
  eventId: string,
  row: Row,
): Promise<StoredPlan> {
  return {
    decision: json<Decision>(row['decision']),
    ...(await operations(db, projectId, eventId)),
    context: row['context'] == null ? null : json<DecisionContext>(row['context']),
    decideAgain: num(row['decide_again'] ?? 0) === 1,
  };
}

export async function savePlan(
  db: Queryable,
  projectId: string,
  eventId: string,
  decision: Decision,
  context: DecisionContext,
): Promise<void> {
  // A plan is decided once (D13): a second save keeps the first decision,
  // whose operation keys the recorded ids belong to.
  await db.run(
    'INSERT INTO plans (project_id, event_id, decision, context) VALUES (?, ?, ?, ?) ON CONFLICT (project_id, event_id) DO NOTHING',
    [projectId, eventId, JSON.stringify(decision), JSON.stringify(context)],
  );
}

/**
 * Issue 11 item 1: the plan decided again after a person's retry replaces the
 * stored one (src/pipeline/redecide.ts keeps what landed in it); the recorded
 * ids stay, and the next attempts run this plan as decided.
 */
export async function replacePlan(
  db: Queryable,
  projectId: string,
  eventId: string,
  decision: Decision,
  context: DecisionContext,
): Promise<void> {
  await db.run(
    'UPDATE plans SET decision = ?, context = ?, decide_again = 0 WHERE project_id = ? AND event_id = ?',
    [JSON.stringify(decision), JSON.stringify(context), projectId, eventId],
  );
}

/** A plan's operation rows: recorded ids, and sending marks with no id yet (migration 14, D13). */
async function operations(
  db: Queryable,
  projectId: string,
  eventId: string,
): Promise<Pick<StoredPlan, 'ids' | 'sending'>> {
  const rows = await db.all(
    'SELECT operation_key, crm_id FROM plan_operations WHERE project_id = ? AND event_id = ?',
    [projectId, eventId],
  );
  const ids = new Map<string, string>();
  const sending = new Set<string>();
  for (const row of rows) {
    const key = str(row['operation_key']);
    if (row['crm_id'] == null) sending.add(key);
    else ids.set(key, str(row['crm_id']));
  }
  return { ids, sending };
}

/**
 * D13, write-ahead: the operation's request is about to leave. A row without
 * an id; `recordOperation` fills it in when the CRM answers. Left without an
 * id by a crash, it tells the resumed run the write may have landed.
 */
export async function markSending(
  db: Queryable,
  projectId: string,
  eventId: string,
  operationKey: string,
): Promise<void> {
  await db.run(
    `INSERT INTO plan_operations (project_id, event_id, operation_key, crm_id) VALUES (?, ?, ?, NULL)
     ON CONFLICT (project_id, event_id, operation_key) DO NOTHING`,
    [projectId, eventId, operationKey],
  );
}

export async function recordOperation(
  db: Queryable,
  projectId: string,
  eventId: string,
  operationKey: string,
  crmId: string,
): Promise<void> {
  await db.run(
    `INSERT INTO plan_operations (project_id, event_id, operation_key, crm_id) VALUES (?, ?, ?, ?)
     ON CONFLICT (project_id, event_id, operation_key) DO UPDATE SET crm_id = excluded.crm_id`,
    [projectId, eventId, operationKey, crmId],
  );
}

export async function deletePlan(db: Queryable, projectId: string, eventId: string): Promise<void> {
  await db.run('DELETE FROM plan_operations WHERE project_id = ? AND event_id = ?', [
    projectId,
    eventId,
  ]);
  await db.run('DELETE FROM plans WHERE project_id = ? AND event_id = ?', [projectId, eventId]);
}
