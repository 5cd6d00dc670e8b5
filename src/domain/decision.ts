import type { ClientMemory } from './client-memory.js';
import type { Event } from './events.js';
import type { Condition } from './matrix.js';
import type { Memory } from './memory.js';
import type { Operation, Outcome, SkippedAction } from './plan.js';
import type { ClientRecords } from './snapshot.js';

/**
 * Why `decide` could not decide an event: what the worker acts on, apart from
 * the journal's `reason` text. `call-not-started` (D11): a call event came
 * before its call.started, which may still be on its way.
 */
export type Undecided = { readonly kind: 'call-not-started' };

interface DecisionParts {
  readonly conditions: Condition[];
  readonly reason?: string;
  readonly plan: Operation[];
  readonly skipped: SkippedAction[];
  /** The next memory of the call or dialog (ids may be plan references); null: keep the stored one. */
  readonly memory: Memory | null;
  /** The next memory of the call's client (its open call-back tasks); absent: keep the stored one. */
  readonly clientMemory?: ClientMemory;
}

/**
 * `decide`'s answer, as the store keeps it while its plan is under way (D7):
 * the plan of neutral operations and everything the journal says of it. A
 * failed decision says why in `undecided`.
 */
export type Decision =
  | (DecisionParts & { readonly outcome: Exclude<Outcome, 'failed'> })
  | (DecisionParts & { readonly outcome: 'failed'; readonly undecided: Undecided });

/**
 * What `decide` read besides the event and the project: the call's or
 * dialog's memory before the event, and the client as the CRM lookup found
 * it. Kept with the decision, so a replay decides the event again on the
 * same ground without asking the CRM.
 */
export interface DecisionContext {
  readonly memory: Memory | null;
  readonly client: ClientRecords;
  /** The client's open call-back tasks (issue 14 item 2), where the run read them. */
  readonly clientMemory?: ClientMemory | null;
}

/** An event as it was decided: what the journal keeps for a replay. */
export interface DecidedEvent {
  readonly event: Event;
  readonly context: DecisionContext;
  readonly decision: Decision;
}
