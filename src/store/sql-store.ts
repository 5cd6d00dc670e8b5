import type { Decision, DecisionContext } from '../domain/decision.js';
import type { Memory } from '../domain/memory.js';
import type { GroupCommit } from './group-commit.js';
import * as alerts from './alerts.js';
import { claimEvents } from './claim.js';
import * as decided from './decided.js';
import type { DecidedCursor, DecidedRange } from './decided.js';
import * as held from './held.js';
import * as inbox from './inbox.js';
import * as inboxReads from './inbox-reads.js';
import * as ingest from './ingest.js';
import * as retries from './retries.js';
import * as journal from './journal.js';
import { orderingKeyOf } from './ordering.js';
import { countJournalByHour, listProjectHealth } from './overview.js';
import * as crmRequests from './crm-requests.js';
import { listEmployeeRefEvents, type EmployeeRefQuery } from './employee-refs.js';
import { migrate, schemaVersion } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import * as index from './phone-index.js';
import * as plans from './plans.js';
import type { HeldCompletion } from './postgres/complete.js';
import * as projects from './projects.js';
import type { Db } from './sql.js';
import type { IntegrationStateName } from './states.js';
import type {
  Completion,
  IndexChange,
  IndexEntity,
  IndexStatus,
  IndexedRecord,
  InsertResult,
  JournalQuery,
  JournalRecord,
  NewEvent,
  PutProject,
  ResolveHeld,
  Store,
} from './store.js';
import { UnmatchedEventError } from './store.js';

/** The Store over either backend: each area's SQL lives in its own module; this class only routes. */
export class SqlStore implements Store {
  private readonly inserts: GroupCommit<ingest.Insert, InsertResult>;
  private readonly completions: GroupCommit<HeldCompletion, boolean>;

  private constructor(private readonly db: Db) {
    this.inserts = ingest.insertBatcher(db);
    this.completions = inbox.completionBatcher(db);
  }

  /** Migrates, then returns the store (service §1: /readyz once migrated). */
  static async open(db: Db): Promise<SqlStore> {
    try {
      await migrate(db);
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
    return new SqlStore(db);
  }

  get backend(): Store['backend'] {
    return this.db.dialect;
  }

  async ready(): Promise<boolean> {
    try {
      return (await schemaVersion(this.db)) >= Math.max(...MIGRATIONS.map((m) => m.version));
    } catch {
      return false;
    }
  }
  close(): Promise<void> {
    return this.db.close();
  }

  putProject(input: PutProject) {
    return projects.putProject(this.db, input);
  }
  getProject(id: string) {
    return projects.getProject(this.db, id);
  }
  getProjectVersion(id: string) {
    return projects.getProjectVersion(this.db, id);
  }
  listProjects() {
    return projects.listProjects(this.db);
  }
  listProjectHealth(after: string | null, limit: number) {
    return listProjectHealth(this.db, after, limit);
  }
  countJournalByHour(projectId: string, from: Date, to: Date) {
    return countJournalByHour(this.db, projectId, from, to);
  }

  addCrmRequests(counts: readonly crmRequests.CrmRequestCount[]) {
    return crmRequests.addCrmRequests(this.db, counts);
  }
  countCrmRequestsByHour(projectId: string, from: Date, to: Date) {
    return crmRequests.countCrmRequestsByHour(this.db, projectId, from, to);
  }

  listEmployeeRefEvents(projectId: string, query: EmployeeRefQuery) {
    return listEmployeeRefEvents(this.db, projectId, query);
  }
  deleteProject(id: string) {
    return projects.deleteProject(this.db, id);
  }
  createApiKey(key: { id: string; projectId: string | null; hash: string; now: Date }) {
    return projects.createApiKey(this.db, key);
  }
  findApiKey(hash: string) {
    return projects.findApiKey(this.db, hash);
  }
  hasOperatorKey() {
    return projects.hasOperatorKey(this.db);
  }
  deleteApiKey(id: string) {
    return projects.deleteApiKey(this.db, id);
  }
  listApiKeys(projectId: string | null) {
    return projects.listApiKeys(this.db, projectId);
  }
  deleteApiKeyOf(id: string, projectId: string | null) {
    return projects.deleteApiKeyOf(this.db, id, projectId);
  }

  insertEvents(projectId: string, events: readonly NewEvent[], now: Date) {
    return this.inserts.submit({ projectId, events, now });
  }
  claimEvents(workerId: string, limit: number, leaseMs: number, now: Date) {
    return claimEvents(this.db, workerId, limit, leaseMs, now);
  }
  renewLease(workerId: string, projectId: string, eventId: string, leaseMs: number, now: Date) {
    return inbox.renewLease(this.db, workerId, projectId, eventId, leaseMs, now);
  }
  complete(workerId: string, projectId: string, eventId: string, completion: Completion) {
    const done = inbox.batchable(this.db, completion)
      ? this.completions.submit({ workerId, projectId, eventId, completion })
      : inbox.complete(this.db, workerId, projectId, eventId, completion);
    return this.matched(done, projectId, eventId);
  }
  /** A write by event id that changed nothing: a lost lease, or (UnmatchedEventError) no such row at all. */
  private async matched(done: Promise<boolean>, projectId: string, eventId: string) {
    if (await done) return true;
    if (await inbox.hasEvent(this.db, projectId, eventId)) return false;
    throw new UnmatchedEventError(projectId, eventId);
  }
  failClaimed(workerId: string, seq: number, error: string) {
    return inbox.failClaimed(this.db, workerId, seq, error);
  }
  release(workerId: string, projectId: string, eventId: string) {
    return inbox.release(this.db, workerId, projectId, eventId);
  }
  scheduleRetry(
    workerId: string,
    projectId: string,
    eventId: string,
    error: string,
    nextAttemptAt: Date,
  ) {
    return this.matched(
      inbox.scheduleRetry(this.db, workerId, projectId, eventId, error, nextAttemptAt),
      projectId,
      eventId,
    );
  }
  fail(workerId: string, projectId: string, eventId: string, error: string, entry?: JournalRecord) {
    return this.matched(
      inbox.fail(this.db, workerId, projectId, eventId, error, entry),
      projectId,
      eventId,
    );
  }
  retry(projectId: string, eventId: string, now: Date) {
    return retries.retry(this.db, projectId, eventId, now);
  }
  retryFailed(projectId: string, now: Date) {
    return retries.retryFailed(this.db, projectId, now);
  }
  getEvent(projectId: string, eventId: string) {
    return inboxReads.getEvent(this.db, projectId, eventId);
  }
  listFailed(projectId: string, limit: number, cursor?: string) {
    return inboxReads.listFailed(this.db, projectId, limit, cursor);
  }
  countEvents(projectId: string) {
    return inboxReads.countEvents(this.db, projectId);
  }
  projectFigures() {
    return alerts.projectFigures(this.db);
  }
  projectStates() {
    return alerts.projectStates(this.db);
  }
  alertMarks() {
    return alerts.alertMarks(this.db);
  }
  moveAlertMark(move: Parameters<typeof alerts.moveAlertMark>[1]) {
    return alerts.moveAlertMark(this.db, move);
  }
  addAlert(alert: alerts.NewAlert) {
    return alerts.insertAlert(this.db, alert);
  }
  claimAlerts(now: Date, limit: number, leaseMs: number) {
    return alerts.claimAlerts(this.db, now, limit, leaseMs);
  }
  finishAlert(id: string, finish: alerts.AlertFinish) {
    return alerts.finishAlert(this.db, id, finish);
  }
  listAlerts(projectId: string, limit?: number) {
    return alerts.listAlerts(this.db, projectId, limit);
  }
  pruneAlerts(before: Date) {
    return alerts.pruneAlerts(this.db, before);
  }
  countPending(projectId?: string) {
    return inboxReads.countPending(this.db, projectId);
  }
  orderingKeyOf(projectId: string, ref: string) {
    return orderingKeyOf(this.db, projectId, ref);
  }
  resolveHeld(projectId: string, input: ResolveHeld) {
    return held.resolveHeld(this.db, projectId, input);
  }

  previewHeld(projectId: string, input: Omit<ResolveHeld, 'resend'>) {
    return held.previewHeld(this.db, projectId, input);
  }

  listJournal(projectId: string, query: JournalQuery) {
    return journal.listJournal(this.db, projectId, query);
  }

  countDecided(projectId: string, range: DecidedRange) {
    return decided.countDecided(this.db, projectId, range);
  }

  listDecided(projectId: string, range: DecidedRange, cursor: DecidedCursor | null, limit: number) {
    return decided.listDecided(this.db, projectId, range, cursor, limit);
  }

  getMemory(projectId: string, key: string) {
    return plans.getMemory(this.db, projectId, key);
  }
  putMemory(projectId: string, key: string, memory: Memory) {
    return plans.putMemory(this.db, projectId, key, memory);
  }
  getPlan(projectId: string, eventId: string) {
    return plans.getPlan(this.db, projectId, eventId);
  }
  getWorkState(projectId: string, memoryKey: string | null, eventId: string) {
    return plans.getWorkState(this.db, projectId, memoryKey, eventId);
  }
  getClientMemory(projectId: string, key: string) {
    return plans.getClientMemory(this.db, projectId, key);
  }
  savePlan(projectId: string, eventId: string, decision: Decision, context: DecisionContext) {
    return plans.savePlan(this.db, projectId, eventId, decision, context);
  }
  replacePlan(projectId: string, eventId: string, decision: Decision, context: DecisionContext) {
    return plans.replacePlan(this.db, projectId, eventId, decision, context);
  }
  markSending(projectId: string, eventId: string, operationKey: string) {
    return plans.markSending(this.db, projectId, eventId, operationKey);
  }
  recordOperation(projectId: string, eventId: string, operationKey: string, crmId: string) {
    return plans.recordOperation(this.db, projectId, eventId, operationKey, crmId);
  }
  clearPlan(projectId: string, eventId: string) {
    return this.db.transaction((tx) => plans.deletePlan(tx, projectId, eventId));
  }

  getIntegration(projectId: string) {
    return projects.getIntegration(this.db, projectId);
  }
  moveIntegration(projectId: string, to: IntegrationStateName, reason: string | null, now: Date) {
    return projects.moveIntegration(this.db, projectId, to, reason, now);
  }

  upsertIndex(projectId: string, records: readonly IndexedRecord[]) {
    return index.upsertIndex(this.db, projectId, records);
  }
  applyIndexChanges(projectId: string, changes: readonly IndexChange[]) {
    return this.db.transaction((tx) => index.applyIndexChanges(tx, projectId, changes), {
      durable: false,
    });
  }
  removeFromIndex(projectId: string, entity: IndexEntity, recordId: string) {
    return index.removeFromIndex(this.db, projectId, entity, recordId);
  }
  clearIndex(projectId: string) {
    return index.clearIndex(this.db, projectId);
  }
  route(projectId: string, phone: string, priority: readonly IndexEntity[]) {
    return index.route(this.db, projectId, phone, priority);
  }
  indexStatus(projectId: string) {
    return index.indexStatus(this.db, projectId);
  }
  setIndexState(projectId: string, state: IndexStatus['state'], reason?: string) {
    return index.setIndexState(this.db, projectId, state, reason);
  }
  getIndexReadAt(projectId: string) {
    return index.getIndexReadAt(this.db, projectId);
  }
  setIndexReadAt(projectId: string, at: Date) {
    return index.setIndexReadAt(this.db, projectId, at);
  }
}
