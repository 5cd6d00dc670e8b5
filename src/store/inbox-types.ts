import type { ClientMemory } from '../domain/client-memory.js';
import type { Event } from '../domain/events.js';
import type { Memory } from '../domain/memory.js';
import type { JournalEntry, Outcome } from '../domain/plan.js';
import type { JournalRecord } from './journal-types.js';
import type { IndexChange } from './phone-index-types.js';
import type { EventState } from './states.js';

// The inbox's shapes: events going in, events handed to a worker and what it
// reports back (Store: the inbox), and the limit on lost leases.

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

/** What an activation with resend would do now: events (and calls) sent, and expired as older than the window. */
export type HeldPreview = Omit<ResolveHeldResult, 'skipped'>;

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
