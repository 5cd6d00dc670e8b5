import type { Decision, DecisionContext } from '../domain/decision.js';
import type { Memory } from '../domain/memory.js';

// Plans under way (D13): what the store keeps of a decided plan between its CRM calls.

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
