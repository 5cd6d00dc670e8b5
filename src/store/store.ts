import type { EmployeeRefEvent, EmployeeRefQuery } from './employee-refs.js';
import type { ClientMemory } from '../domain/client-memory.js';
import type { Decision, DecisionContext } from '../domain/decision.js';
import type { Memory } from '../domain/memory.js';
import type { AlertStore } from './alerts.js';
import type { CrmRequestCounts } from './crm-requests.js';
import type { DecidedEvents } from './decided.js';
import type {
  Completion,
  EventCounts,
  EventDetail,
  HeldPreview,
  InboxEvent,
  InsertResult,
  NewEvent,
  ResolveHeld,
  ResolveHeldResult,
} from './inbox-types.js';
import type { HourlyCount, ProjectHealth } from './overview.js';
import type { StoredPlan, WorkState } from './plan-types.js';
import type { ApiKeyRecord, ProjectRecord, PutProject, PutProjectResult } from './project-types.js';
import type { IntegrationMoveResult, IntegrationState, IntegrationStateName } from './states.js';
import type {
  IndexEntity,
  IndexedRecord,
  IndexChange,
  RouteMatch,
  IndexStatus,
} from './phone-index-types.js';
import type { JournalRecord, JournalQuery, JournalPage } from './journal-types.js';

export type {
  EventState,
  IntegrationMoveResult,
  IntegrationState,
  IntegrationStateName,
} from './states.js';
export type { HourlyCount, ProjectHealth } from './overview.js';
export type { CrmRequestCount } from './crm-requests.js';
export type { JournalRecord, JournalQuery, JournalPage } from './journal-types.js';
export type {
  IndexEntity,
  IndexedRecord,
  IndexChange,
  RouteMatch,
  IndexStatus,
} from './phone-index-types.js';
export type {
  AlertChannel,
  AlertFinish,
  AlertRecord,
  AlertSubject,
  NewAlert,
  ProjectFigures,
  ProjectState,
} from './alerts.js';
export type { ApiKeyRecord, ProjectRecord, PutProject, PutProjectResult } from './project-types.js';
export type {
  Completion,
  EventCounts,
  EventDetail,
  HeldPreview,
  InboxEvent,
  InsertResult,
  NewEvent,
  ResolveHeld,
  ResolveHeldResult,
} from './inbox-types.js';
export { LOST_LEASES_REASON, MAX_LOST_LEASES, UnmatchedEventError } from './inbox-types.js';
export type { StoredPlan, WorkState } from './plan-types.js';

// The durable store the HTTP service and the workers program against. One
// implementation per backend (SQLite, PostgreSQL) behind the same query layer;
// `openStore(url)` in ./open.ts picks one. Every method is async; every time
// is passed in (`now`) so tests and the G10 window need no clock.
//
// Conventions: ids are strings; times in records are `Date`s; JSON documents
// are plain values (the store serialises them, it does not validate them:
// the caller parsed them with zod where they entered).
//
// The run of an event (src/pipeline/run.ts) keeps its plan ledger here
// through ./ledger.ts: the plan is stored before its first CRM call and each
// operation's CRM id the moment the CRM returns it (D13); the call or dialog
// memory of a finished run goes into `complete`.
//
// The shapes it takes and returns live beside it, by area: ./project-types.ts,
// ./inbox-types.ts, ./plan-types.ts, ./states.ts, ./journal-types.ts,
// ./phone-index-types.ts (re-exported here, so callers import from one place).

// ───────────────────────────── the store ─────────────────────────────

export interface Store extends AlertStore, DecidedEvents, CrmRequestCounts {
  /** 'sqlite' or 'postgres', for logs and /readyz. */
  readonly backend: 'sqlite' | 'postgres';
  /** True when the schema is migrated and the database answers (/readyz). */
  ready(): Promise<boolean>;
  close(): Promise<void>;

  // projects
  putProject(input: PutProject): Promise<PutProjectResult>;
  getProject(id: string): Promise<ProjectRecord | null>;
  /** Only the project's version (null when it does not exist): what a cache of parsed projects checks per request. */
  getProjectVersion(id: string): Promise<number | null>;
  listProjects(): Promise<ProjectRecord[]>;
  /** The project and all its data (keys, events, journal, memory, plans, index). False when unknown. */
  deleteProject(id: string): Promise<boolean>;

  // API keys
  createApiKey(key: {
    readonly id: string;
    readonly projectId: string | null;
    readonly hash: string;
    readonly now: Date;
  }): Promise<void>;
  findApiKey(hash: string): Promise<ApiKeyRecord | null>;
  /** True when any operator key exists (first start creates one when not). */
  hasOperatorKey(): Promise<boolean>;
  deleteApiKey(id: string): Promise<boolean>;
  /** The keys of one project, or the operator keys (null), oldest first. */
  listApiKeys(projectId: string | null): Promise<ApiKeyRecord[]>;
  /** Deletes the key only when it is of that project (null: an operator key). False otherwise. */
  deleteApiKeyOf(id: string, projectId: string | null): Promise<boolean>;

  // the inbox
  /**
   * Stores the events in ONE transaction, durably committed before it
   * resolves (service §4: fsync before the 202). An event id already stored
   * for the project, or repeated inside `events`, is a duplicate: counted,
   * not stored. Throws (and stores nothing) when the commit fails.
   */
  insertEvents(projectId: string, events: readonly NewEvent[], now: Date): Promise<InsertResult>;
  /**
   * Leases up to `limit` pending events, oldest received first, across
   * projects whose integration is `active`, whose `nextAttemptAt` has come
   * and whose lease (if any) has run out. Attempts +1.
   *
   * D7 per project and ordering key: events go one at a time, in event order
   * (`at`, then received order). An event is held back while another event
   * of its key is leased (in flight), or while an event of its key that comes
   * earlier in event order is unfinished: pending (waiting for a retry, say)
   * or failed. So a failed event holds back only the later events of its
   * call, and a `call.ended` waiting for its `call.started` (D11) does not
   * hold back that `call.started` when it arrives. Safe across processes
   * (PostgreSQL: claims take turns, rows FOR UPDATE SKIP LOCKED; SQLite: one writer).
   */
  claimEvents(workerId: string, limit: number, leaseMs: number, now: Date): Promise<InboxEvent[]>;
  /** Extends a lease the worker still holds; false when it lost it. */
  renewLease(
    workerId: string,
    projectId: string,
    eventId: string,
    leaseMs: number,
    now: Date,
  ): Promise<boolean>;
  /**
   * Finishes a claimed event: state applied|skipped, journal appended, memory
   * saved, plan cleared, all in one transaction. False (nothing written) when
   * the worker no longer holds the lease.
   */
  complete(
    workerId: string,
    projectId: string,
    eventId: string,
    completion: Completion,
  ): Promise<boolean>;
  /** Hands a claimed event back untouched (SIGTERM drain); the attempt is not counted. */
  release(workerId: string, projectId: string, eventId: string): Promise<boolean>;
  /** Keeps it pending, to be claimed again at `nextAttemptAt`, with the error kept. */
  scheduleRetry(
    workerId: string,
    projectId: string,
    eventId: string,
    error: string,
    nextAttemptAt: Date,
  ): Promise<boolean>;
  /** Gives up: state failed (dead letter), optionally journalled (`outcome: failed`). */
  fail(
    workerId: string,
    projectId: string,
    eventId: string,
    error: string,
    journal?: JournalRecord,
  ): Promise<boolean>;
  /**
   * Fails a claimed event found by its received sequence: the way out when a
   * completion, retry or failure by event id matched no row (UnmatchedEventError).
   */
  failClaimed(workerId: string, seq: number, error: string): Promise<boolean>;
  /**
   * A person's retry: failed → pending, attempts and lost leases reset, due now,
   * and its stored plan (if any) marked to be decided again from the current
   * settings (issue 11 item 1). False when the event is unknown or not failed.
   */
  retry(projectId: string, eventId: string, now: Date): Promise<boolean>;
  /** `retry` for every failed event of the project, oldest first; how many were put back. */
  retryFailed(projectId: string, now: Date): Promise<number>;
  getEvent(projectId: string, eventId: string): Promise<EventDetail | null>;
  /** The dead letter: failed events, oldest first, `cursor` from the previous page. */
  listFailed(
    projectId: string,
    limit: number,
    cursor?: string,
  ): Promise<{ events: InboxEvent[]; next: string | null }>;
  countEvents(projectId: string): Promise<EventCounts>;
  /**
   * Pending events (held ones included), of one project or of all: read from
   * the pending index, so it costs what is pending, not the whole history
   * (the queue-depth gauge runs it on every /metrics scrape).
   */
  countPending(projectId?: string): Promise<number>;
  /**
   * D7 at ingest: the ordering key an earlier event of the call (`call:ID`)
   * or dialog (`dialog:ID`) was stored with, when it differs from that ref
   * (the client's `client:+E164`); null when none. Added by the service.
   */
  orderingKeyOf(projectId: string, ref: string): Promise<string | null>;
  /**
   * G10, at activation, before moving the integration to active: see
   * ResolveHeld. Every pending event of the project is resolved per ordering
   * key; a worker still holding one of the expired or skipped loses its lease.
   */
  resolveHeld(projectId: string, input: ResolveHeld): Promise<ResolveHeldResult>;
  /** What resolveHeld with `resend: true` would do now; changes nothing. */
  previewHeld(projectId: string, input: Omit<ResolveHeld, 'resend'>): Promise<HeldPreview>;

  // journal
  listJournal(projectId: string, query: JournalQuery): Promise<JournalPage>;

  // per-call / dialog memory
  getMemory(projectId: string, key: string): Promise<Memory | null>;
  putMemory(projectId: string, key: string, memory: Memory): Promise<void>;

  // plans under way (D13, style §2.9)
  getPlan(projectId: string, eventId: string): Promise<StoredPlan | null>;
  /** getMemory (when the event has a memory key) and getPlan together, in one round trip where the backend allows. */
  getWorkState(projectId: string, memoryKey: string | null, eventId: string): Promise<WorkState>;
  /** A client's memory by its key (`client:<E.164>`); null when none is kept. */
  getClientMemory(projectId: string, key: string): Promise<ClientMemory | null>;
  /** Stores the decided plan, with what it was decided on, before any of it runs; keeps ids already recorded. */
  savePlan(
    projectId: string,
    eventId: string,
    decision: Decision,
    context: DecisionContext,
  ): Promise<void>;
  /** A plan decided again after a person's retry replaces the stored one and its context; its recorded ids stay. */
  replacePlan(
    projectId: string,
    eventId: string,
    decision: Decision,
    context: DecisionContext,
  ): Promise<void>;
  /** D13, write-ahead: the operation's request may leave from now on; kept until its id is recorded. */
  markSending(projectId: string, eventId: string, operationKey: string): Promise<void>;
  /** Persists one operation's CRM id the moment the CRM returned it. */
  recordOperation(
    projectId: string,
    eventId: string,
    operationKey: string,
    crmId: string,
  ): Promise<void>;
  clearPlan(projectId: string, eventId: string): Promise<void>;

  // integration state
  /** `inactive` since the project's creation when never set. Null for an unknown project. */
  getIntegration(projectId: string): Promise<IntegrationState | null>;
  /** Applies a move allowed by INTEGRATION_TRANSITIONS; staying put is ok and keeps `since`. */
  moveIntegration(
    projectId: string,
    to: IntegrationStateName,
    reason: string | null,
    now: Date,
  ): Promise<IntegrationMoveResult>;

  // phone index (G13)
  /** Replaces the phones of each record (a record's old phones are dropped). */
  upsertIndex(projectId: string, records: readonly IndexedRecord[]): Promise<void>;
  /** Applies IndexChanges in one transaction (the loader and poll use `record` changes with `phonesOf`). */
  applyIndexChanges(projectId: string, changes: readonly IndexChange[]): Promise<void>;
  removeFromIndex(projectId: string, entity: IndexEntity, recordId: string): Promise<void>;
  /** Drops the whole index of a project (before a full reload). */
  clearIndex(projectId: string): Promise<void>;
  /** The first entity in `priority` holding the phone, newest record first; one indexed query. */
  route(
    projectId: string,
    e164: string,
    priority: readonly IndexEntity[],
  ): Promise<RouteMatch | null>;
  indexStatus(projectId: string): Promise<IndexStatus>;
  /** `reason` is kept with state `failed` and cleared with any other. */
  setIndexState(projectId: string, state: IndexStatus['state'], reason?: string): Promise<void>;
  /** When the index last finished reading the CRM, as the read's start (null: never), so a restart polls on from there. */
  getIndexReadAt(projectId: string): Promise<Date | null>;
  setIndexReadAt(projectId: string, at: Date): Promise<void>;

  // overview (GET /v1/projects)
  /** Up to `limit` projects whose id sorts after `after` (null: from the first), in id order, each with its health. */
  listProjectHealth(after: string | null, limit: number): Promise<ProjectHealth[]>;
  /** Journal entries whose event `at` is in [from, to), counted by UTC hour and outcome (hours without entries absent). */
  countJournalByHour(projectId: string, from: Date, to: Date): Promise<HourlyCount[]>;
  /** Events naming an employee, newest first, since a time, at most `limit` (the unknown-employees report). */
  listEmployeeRefEvents(projectId: string, query: EmployeeRefQuery): Promise<EmployeeRefEvent[]>;
}
