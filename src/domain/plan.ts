import type { Utm } from './events.js';
import type { Condition, Action } from './matrix.js';
import type {
  CallLog,
  Comment,
  Contact,
  Deal,
  EntityCollection,
  Lead,
  Leg,
  Notification,
  Organization,
  RecordTracking,
  Task,
} from './snapshot.js';

/**
 * A plan: the neutral operations one event needs, in order. A record created
 * earlier in the same plan is named by a reference `@op:KEY`, KEY being that
 * operation's key; the executor swaps in the CRM's id once it exists.
 * Every operation's key (`eventId#index`) is stable across retries (D13).
 */
export const REF_PREFIX = '@op:';
export function refTo(key: string): string {
  return `${REF_PREFIX}${key}`;
}
export function isRef(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.startsWith(REF_PREFIX);
}

type New<T> = Omit<T, 'id'>;

export interface RecordPatch {
  readonly ownerId?: string;
  readonly organizationId?: string;
  readonly utm?: Utm;
  readonly tracking?: RecordTracking;
}

export type OperationBody =
  | { readonly op: 'create_contact'; readonly record: New<Contact> }
  | { readonly op: 'create_lead'; readonly record: New<Lead> }
  | { readonly op: 'create_deal'; readonly record: New<Deal> }
  | { readonly op: 'create_organization'; readonly record: New<Organization> }
  | {
      readonly op: 'update_contact' | 'update_lead' | 'update_deal' | 'update_organization';
      readonly id: string;
      readonly patch: RecordPatch;
    }
  | { readonly op: 'create_task'; readonly record: New<Task> }
  | {
      readonly op: 'update_task';
      readonly id: string;
      readonly patch: { readonly recordingUrl: string };
    }
  /**
   * Issue 14 item 2: a call-back task is done because the client was reached.
   * `note`: the line added to the task (which call, when, who talked), in the
   * project's language; `reason`: why, for the journal.
   */
  | {
      readonly op: 'complete_task';
      readonly id: string;
      readonly note: string;
      readonly reason: string;
    }
  | { readonly op: 'create_comment'; readonly record: New<Comment> }
  | { readonly op: 'create_call_log'; readonly record: New<CallLog> }
  | {
      readonly op: 'update_call_log';
      readonly id: string;
      readonly patch: {
        readonly recordingUrl?: string;
        readonly userId?: string;
        readonly legs?: readonly Leg[];
        readonly appendDescription?: string;
      };
    }
  /** `phone`: the client's number as the call gave it, for CRMs whose pop-up needs it (retailCRM); not part of the snapshot. */
  | { readonly op: 'notify'; readonly record: Notification; readonly phone?: string };

export type Operation = OperationBody & { readonly key: string };
export type OpName = Operation['op'];

export const ENTITY_OF: Record<OpName, EntityCollection> = {
  create_contact: 'contacts',
  update_contact: 'contacts',
  create_lead: 'leads',
  update_lead: 'leads',
  create_deal: 'deals',
  update_deal: 'deals',
  create_organization: 'organizations',
  update_organization: 'organizations',
  create_task: 'tasks',
  update_task: 'tasks',
  complete_task: 'tasks',
  create_comment: 'comments',
  create_call_log: 'calls',
  update_call_log: 'calls',
  notify: 'notifications',
};

export interface SkippedAction {
  readonly action: Action | 'call_log' | 'notify';
  readonly reason: string;
}

export type Outcome = 'applied' | 'skipped' | 'failed';

/** Journal entry of scenario-format §5. */
export interface JournalEntry {
  eventId: string;
  type: string;
  conditions: Condition[];
  outcome: Outcome;
  reason?: string;
  /** `reason`: why the operation was done, where the plan says (`complete_task`). */
  operations: Array<{
    op: OpName;
    entity: EntityCollection;
    id: string;
    reason?: string | undefined;
    /** Issue 14 item 4: what of the record was left out when written (a value its picklist lacks). */
    notes?: string[] | undefined;
  }>;
  skipped?: SkippedAction[];
  /**
   * An extension (issue 11 item 1): present when a person's retry decided the
   * event again. `previous` is the plan stored before, each operation with its
   * CRM id when it had landed; `operations` above is what the new plan did.
   */
  redecided?: {
    previous: Array<{ op: OpName; entity: EntityCollection; id: string | null }>;
  };
}
