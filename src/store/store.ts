import type { EmployeeRefEvent, EmployeeRefQuery } from './employee-refs.js';
import type { CrmId } from '../domain/crm-id.js';
import type { Event } from '../domain/events.js';
import type { JournalEntry, Outcome } from '../domain/plan.js';
import type { ClientMemory } from '../domain/client-memory.js';
import type { Decision, DecisionContext } from '../domain/decision.js';
import type { Memory } from '../domain/memory.js';
import type { AlertStore } from './alerts.js';
import type { DecidedEvents } from './decided.js';
import type { HourlyCount, ProjectHealth } from './overview.js';
import type { EventState, IntegrationStateName } from './states.js';
import type {
  IndexEntity,
  IndexedRecord,
  IndexChange,
  RouteMatch,
  IndexStatus,
} from './phone-index-types.js';
import type { JournalRecord, JournalQuery, JournalPage } from './journal-types.js';

export type { EventState, IntegrationStateName } from './states.js';
export type { HourlyCount, ProjectHealth } from './overview.js';
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
} from './alerts.js';

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

// ───────────────────────────── projects ─────────────────────────────

export interface ProjectRecord {
  readonly id: string;
  readonly crm: CrmId;
  /** The project document of service.md §2, secrets removed (the caller splits them out). */
  readonly document: unknown;
  /** The secrets, already encrypted by the caller (CALLMATRIX_SECRET_KEY); opaque here. */
  readonly secrets: string;
  /** Starts at 1, +1 on every put. */
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface PutProject {
  readonly id: string;
  readonly crm: CrmId;
  readonly document: unknown;
  readonly secrets: string;
  /** When set, the put succeeds only if the stored version is this one (0: must not exist). */
  readonly expectedVersion?: number;
  readonly now: Date;
}

export type PutProjectResult =
  | { readonly ok: true; readonly created: boolean; readonly project: ProjectRecord }
  | { readonly ok: false; readonly reason: 'version-conflict'; readonly current: number };

// ───────────────────────────── API keys ─────────────────────────────

export interface ApiKeyRecord {
  readonly id: string;
  /** null: the operator (admin) key. */
  readonly projectId: string | null;
  /** A hash of the key (the caller hashes; the store never sees a key). */
  readonly hash: string;
  readonly createdAt: Date;
}

// ───────────────────────────── the inbox ─────────────────────────────

export interface NewEvent {
  readonly event: Event;
  /**
   * D7's ordering key: events with the same key of one project are handed out
   * one at a time, in event order (see claimEvents). The ingest side uses the call or dialog
   * key (`memoryKey(event)`: `call:ID`, `dialog:ID`), else `event:EVENTID`.
   * G10's "all events of one call share its fate" groups by this key too.
   */
  readonly orderingKey: string;
}

export interface InsertResult {
  readonly accepted: number;
  readonly duplicates: number;
}

export interface InboxEvent {
  readonly projectId: string;
  readonly eventId: string;
  /** Received sequence: increasing in insert order (within a project, in commit order too). */
  readonly seq: number;
  readonly orderingKey: string;
  readonly event: Event;
  /** The event's own `at`. */
  readonly at: Date;
  readonly state: EventState;
  /** Claims so far (a released claim is not counted). */
  readonly attempts: number;
  /** Claims that found the previous lease run out (issue 11 item 3): the worker fails the event past MAX_LOST_LEASES. */
  readonly lostLeases: number;
  readonly nextAttemptAt: Date | null;
  readonly lastError: string | null;
  readonly claimedBy: string | null;
  readonly claimedUntil: Date | null;
  readonly receivedAt: Date;
}

/** What a worker reports when it finishes an event. */
export interface Completion {
  readonly outcome: Exclude<Outcome, 'failed'>;
  readonly journal: JournalRecord;
  /** The call or dialog memory to store in the same transaction (D6). */
  readonly memory?: { readonly key: string; readonly memory: Memory };
  /** The client's memory (open call-back tasks, issue 14 item 2), stored in the same transaction. */
  readonly clientMemory?: { readonly key: string; readonly memory: ClientMemory };
  /** G13: the phone index rows the event's operations created or re-owned, written in the same transaction. */
  readonly index?: readonly IndexChange[];
}

export type EventCounts = Record<EventState, number>;

export interface EventDetail {
  readonly event: InboxEvent;
  readonly journal: (JournalEntry & { readonly at: string }) | null;
}

/** G10: what activation does with the events held while the integration was not active. */
export interface ResolveHeld {
  /** `resend: true`: events whose call started inside the window stay pending, older become expired; false: all skipped. */
  readonly resend: boolean;
  /** Calendar days counted back from today, today included (default 3). */
  readonly windowDays: number;
  /** The project's IANA time zone; days are its calendar days. */
  readonly timezone: string;
  readonly now: Date;
}

export interface ResolveHeldResult {
  readonly kept: number;
  readonly expired: number;
  readonly skipped: number;
  /** Calls (ordering keys: a call, a dialog or a lone event) kept to be sent, and expired. */
  readonly keptCalls: number;
  readonly expiredCalls: number;
}

// ───────────────────────────── plans (D13) ─────────────────────────────

/** A decided plan under way and the operation keys already carried out, key → CRM id. */
export interface StoredPlan {
  readonly decision: Decision;
  readonly ids: Map<string, string>;
  /** Operations marked as sending with no id recorded: they may have landed (D13, migration 14). */
  readonly sending: ReadonlySet<string>;
  /** What it was decided on; null for a plan stored before migration 9. */
  readonly context: DecisionContext | null;
  /** A person retried the event since the plan was stored: decide it again from the current settings (issue 11 item 1). */
  readonly decideAgain: boolean;
}

/** What the ledger recalls before an event's run (StoreLedger.recall). */
export interface WorkState {
  readonly memory: Memory | null;
  readonly plan: StoredPlan | null;
}

// ───────────────────────────── integration ─────────────────────────────

export interface IntegrationState {
  readonly state: IntegrationStateName;
  readonly since: Date;
  readonly reason: string | null;
}

export type IntegrationMoveResult =
  | { readonly ok: true; readonly integration: IntegrationState }
  | { readonly ok: false; readonly message: string; readonly integration: IntegrationState };

// ───────────────────────────── leases ─────────────────────────────

/**
 * Issue 11 item 3: an event whose lease ran out this many times (its worker
 * never finished, retried nor handed it back: a crash, or a completion that
 * could not be written) is failed with the reason by the worker that claims
 * it next, instead of being claimed forever ahead of its client's later events.
 */
export const MAX_LOST_LEASES = 5;
export const LOST_LEASES_REASON = `claimed ${MAX_LOST_LEASES} times without completing (each lease ran out)`;

/**
 * complete, scheduleRetry or fail named an event id the inbox has no row for
 * (issue 11 item 3): not a lost lease but an event that can never finish by
 * its id. The worker fails it by its seq (failClaimed).
 */
export class UnmatchedEventError extends Error {
  constructor(
    readonly projectId: string,
    readonly eventId: string,
  ) {
    super(`no inbox row has the event id the worker finished (project ${projectId})`);
    this.name = 'UnmatchedEventError';
  }
}

// ───────────────────────────── the store ─────────────────────────────

export interface Store extends AlertStore, DecidedEvents {
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
