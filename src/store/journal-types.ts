import type { DecidedEvent } from '../domain/decision.js';
import type { JournalEntry, Outcome } from '../domain/plan.js';

// The journal as the store keeps and pages it (its entries are the domain's).

/** One journal row: scenario-format §5's entry plus what the filters need. */
export interface JournalRecord {
  readonly entry: JournalEntry;
  /** The event's `at`. */
  readonly at: Date;
  readonly callId: string | null;
  /** The client's phones the entry concerns (E.164 where valid), for the `phone` filter. */
  readonly phones: readonly string[];
  /** The event, what it was decided on and the decision, kept for a replay (./decided.ts); null: failed before it was decided. */
  readonly decided?: DecidedEvent | null;
}

export interface JournalQuery {
  readonly callId?: string;
  readonly phone?: string;
  readonly outcome?: Outcome;
  /** Inclusive bounds on the event's `at`. */
  readonly from?: Date;
  readonly to?: Date;
  /** 1..1000; default 100. */
  readonly limit?: number;
  /** The `next` of a previous page. */
  readonly cursor?: string;
}

export interface JournalPage {
  /** In journal order (oldest first); `at` is the event's `at`, ISO 8601. */
  readonly entries: Array<
    JournalEntry & {
      readonly at: string;
      /** The client's phone the entry concerns (E.164 where valid); absent when it names none. */
      readonly caller?: string;
    }
  >;
  readonly next: string | null;
}
