import type { Condition } from './matrix.js';
import type { Memory } from './memory.js';
import type { Operation, Outcome, SkippedAction } from './plan.js';

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
}

/**
 * `decide`'s answer, as the store keeps it while its plan is under way (D7):
 * the plan of neutral operations and everything the journal says of it. A
 * failed decision says why in `undecided`.
 */
export type Decision =
  | (DecisionParts & { readonly outcome: Exclude<Outcome, 'failed'> })
  | (DecisionParts & { readonly outcome: 'failed'; readonly undecided: Undecided });
