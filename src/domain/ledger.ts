import type { ClientMemory } from './client-memory.js';
import type { Decision, DecisionContext } from './decision.js';
import type { Event } from './events.js';
import type { Memory } from './memory.js';

/** A plan decided for an event and not yet run whole, and what of it already landed (D7, D13). */
export interface PlanUnderWay {
  readonly decision: Decision;
  /** Operation key → the CRM id it got: these are not sent again. */
  readonly landed: ReadonlyMap<string, string>;
  /**
   * Operation keys marked as sending (their request may have left) with no id
   * recorded: after a crash their outcome is unknown, so the adapter looks for
   * the record's marker before writing again (D13). Absent: none.
   */
  readonly sending?: ReadonlySet<string>;
  /** What the plan was decided on; null for a plan stored before contexts were kept. */
  readonly context: DecisionContext | null;
  /**
   * A person retried the event (issue 11 item 1): it is decided again from the
   * current settings, and what landed stays landed (src/pipeline/redecide.ts).
   */
  readonly decideAgain: boolean;
}

/** What the ledger holds for an event before its run. */
export interface Recalled {
  /** The event's call or dialog memory; null for the first event of one, or an event of neither. */
  readonly memory: Memory | null;
  /** D6: this event id already ran whole. */
  readonly ranBefore: boolean;
  /** D7: a plan decided on an earlier attempt; it runs again as decided, not decided again (unless `decideAgain`). */
  readonly plan: PlanUnderWay | null;
}

/** The memory a finished run leaves for the event's call or dialog. */
export interface KeptMemory {
  readonly key: string;
  readonly memory: Memory;
}

/**
 * The run's bookkeeping, so that nothing lands in the CRM twice (D6, D7, D13).
 * One interface, two keepers: the store keeps it durably for the service
 * (src/store/ledger.ts), and `simulate` keeps it in memory
 * (src/pipeline/memory-ledger.ts). The run (src/pipeline/run.ts) is its one
 * user: it saves a plan before the plan's first CRM call and records each
 * operation's CRM id right after it lands, so a retry after any failure or a
 * crash sends only what did not land.
 */
export interface PlanLedger {
  recall(event: Event): Promise<Recalled>;
  /** D7: stored before the plan's first CRM call, with what it was decided on. A plan is decided once: a second save keeps the first. */
  savePlan(eventId: string, decision: Decision, context: DecisionContext): Promise<void>;
  /** Issue 11 item 1: the plan decided again replaces the stored one (and what it was decided on), before its first CRM call; recorded ids stay. */
  replacePlan(eventId: string, decision: Decision, context: DecisionContext): Promise<void>;
  /**
   * D13, write-ahead: the request of this operation is about to be sent. Kept
   * durably before it leaves, so that a run resumed after a crash knows the
   * write may have landed unseen (`PlanUnderWay.sending`).
   */
  sending(eventId: string, operationKey: string): Promise<void>;
  /** D13: an operation landed with this CRM id; recorded before the next CRM call. */
  landed(eventId: string, operationKey: string, crmId: string): Promise<void>;
  /** A client's memory (its open call-back tasks) by key `client:<E.164>`; null when none is kept. */
  recallClient(key: string): Promise<ClientMemory | null>;
  /**
   * The event's plan ran whole: keep its memory (null: the stored one stays) and
   * its client's (absent: the stored one stays), and the event counts as run (D6).
   */
  finished(eventId: string, memory: KeptMemory | null, client?: ClientMemory): Promise<void>;
}
