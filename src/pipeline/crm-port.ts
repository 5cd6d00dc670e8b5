import type { CreatedRecords } from '../domain/memory.js';
import type { Phone } from '../domain/phone.js';
import type { Operation } from '../domain/plan.js';
import type { ClientRecords, User } from '../domain/snapshot.js';

/**
 * The one contract every CRM adapter keeps (the in-memory CRM included).
 * Expected failures come back as a CrmError whose `kind` is the one decision
 * the worker needs; thrown errors are bugs.
 */
export type CrmErrorKind = 'retryable' | 'permanent' | 'reauth';

export class CrmError extends Error {
  constructor(
    readonly kind: CrmErrorKind,
    message: string,
    /** The CRM asked us to wait this long (Retry-After, rate-limit reset). */
    readonly retryAfterMs?: number,
    /** The HTTP status of the CRM's refusal, when there was one. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'CrmError';
  }
}

/**
 * Issue 14 item 2: the record an operation only finishes is gone from the CRM
 * (a call-back task deleted there). The executor skips that operation with a
 * note instead of failing the event, so its other operations land.
 */
export class RecordGone extends CrmError {
  constructor(message: string) {
    super('permanent', message);
    this.name = 'RecordGone';
  }
}

export const isCrmError = (error: unknown): error is CrmError => error instanceof CrmError;

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CrmError };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(error: CrmError): Result<T> => ({ ok: false, error });

export interface ClientLookup {
  /** A callable phone (G1): every record carrying it, in any stored format. */
  readonly phone: Phone | null;
  /** Records created earlier in a dialog, found by id (D16). */
  readonly created: CreatedRecords | null;
}

/**
 * What the admin API lists from a CRM beyond users (service.md §2, G8): the
 * neutral shapes every adapter's catalog.ts maps to. An adapter offers them
 * with `listPipelines()` / `listFields(entity)` (see service/admin/crm-catalog.ts).
 */
export interface CrmField {
  /** What a project's field map names as the target. */
  readonly name: string;
  readonly label?: string;
  /** `string` fields may receive parameters (G8); the rest are named so the error can say why. */
  readonly type: 'string' | 'number' | 'date' | 'boolean' | 'picklist' | 'other';
  /** A picklist's values as a record takes them (issue 14 item 4): what a field map's value table and a written record are checked against. */
  readonly values?: readonly string[];
}

export interface CrmPipeline {
  readonly id: string;
  readonly name: string;
}

/** One record as the phone index needs it (G13), read from the CRM's "modified since" lists. */
export interface IndexRecord {
  readonly entity: 'contacts' | 'leads' | 'deals';
  readonly id: string;
  /** As the CRM stores them; the reader normalises them (G1). */
  readonly phones: readonly string[];
  readonly ownerId: string | null;
  /** The record's contact: a deal (or lead) without phones of its own is reached through its contact's. */
  readonly contactId: string | null;
  /** The CRM's creation time, for "newest record first"; null when the CRM does not say. */
  readonly createdAt: Date | null;
}

/** A record the CRM no longer has (deleted, or merged into another): the index drops it (G13). */
export interface IndexRemoval {
  readonly entity: IndexRecord['entity'];
  readonly id: string;
}

export interface IndexRecordPage {
  readonly records: IndexRecord[];
  /** Optional: records deleted in the CRM since `since` (a poll; an activation load starts from an empty index anyway). */
  readonly removed?: readonly IndexRemoval[];
  /** Pass back to read the next page; null when this was the last. */
  readonly next: string | null;
}

/** The records a field map writes into (G8). */
export type PicklistEntity = 'lead' | 'contact' | 'deal';
/** A record's picklist fields, each with the values it takes. */
export type Picklists = ReadonlyMap<string, readonly string[]>;

export interface CrmPort {
  /**
   * The client: records carrying the phone, the leads and deals of those
   * contacts, and the organizations of all of them; oldest first. One call
   * returns all the roles need (D2), so a real adapter can batch it.
   */
  findClient(lookup: ClientLookup): Promise<Result<ClientRecords>>;
  /**
   * Carries out one operation. `operation.key` is stable across retries: an
   * adapter that already carried out that key returns the same id (D13).
   * Returns the id of the record created or changed. `how.uncertain`: this
   * operation's request may have been sent before without its answer being
   * recorded (a crash, a timeout); the adapter looks for the record by its
   * marker before writing it again (src/crm/uncertain.ts).
   */
  apply(operation: Operation, how?: ApplyOptions): Promise<Result<string>>;
  listUsers(): Promise<Result<User[]>>;
  /**
   * Optional (G13): contacts, leads and deals created or modified at or after
   * `since` (all of them when null), one page per call; `cursor` is the
   * previous page's `next`. Without it the phone index holds only what the
   * service itself wrote.
   */
  listRecordsSince?(since: Date | null, cursor: string | null): Promise<Result<IndexRecordPage>>;
  /**
   * Optional: pop-ups of one call and kind for several employees in one
   * request, where the CRM takes several recipients at once (retailCRM: one
   * call event with all their userIds). One id per operation, in order; the
   * executor hands over only runs of two or more (execute.ts). Without it,
   * each pop-up is an apply() of its own.
   */
  notifyTogether?(operations: readonly NotifyOperation[]): Promise<Result<string[]>>;
  /**
   * Optional (issue 14 item 4): the entity's picklist fields and the values
   * each takes now, from the CRM's own metadata. A record's mapped fields are
   * held to them when written (src/pipeline/picklists.ts). Without it the
   * values are read from `listFields` where the adapter has one.
   */
  picklists?(entity: PicklistEntity): Promise<Result<Picklists>>;
  /** The field list of the admin catalogue (CrmCatalog), where the adapter has one. */
  listFields?(entity: PicklistEntity): Promise<Result<CrmField[]>>;
}

export interface ApplyOptions {
  readonly uncertain?: boolean;
}

export type NotifyOperation = Extract<Operation, { op: 'notify' }>;
