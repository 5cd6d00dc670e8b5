import type { Condition } from './matrix.js';
import type { Direction, Disposition, EmployeeRef, Event, Tracking } from './events.js';

// What the service remembers of a call or a dialog between its events, as it
// is stored (the store persists these shapes as JSON; the engine reads and
// writes them). Ids in them may be plan references until the run resolves them.

/** Client states of behaviour §1, read at a call's first processed event. */
export type ClientState = 'new' | 'contact-only' | 'open' | 'closed-only';

/**
 * How far a call has got (D11), in order. Stored as these numbers (rows
 * written before the names existed hold them too), so phases compare with `<`.
 */
export const CALL_PHASE = { none: 0, started: 1, answered: 2, ended: 3 } as const;
export type CallPhase = (typeof CALL_PHASE)[keyof typeof CALL_PHASE];

/** A leg of a call: who talked from when (ZO-18). */
export interface LegMemory {
  readonly employeeId: string | null;
  /** The employee's CRM user; null for an unknown employee. */
  readonly userId: string | null;
  readonly at: string;
  /** How the source named who took the leg, kept to name an employee unknown to the project in texts. */
  readonly ref?: EmployeeRef;
}

/** Ids (or plan references) of the records a call or dialog created. */
export interface CreatedRecords {
  contacts: string[];
  leads: string[];
  deals: string[];
  organizations: string[];
}

/**
 * What the service remembers of one call between its events. `decide` reads it
 * and returns the next version; ids in it may be plan references until the
 * executor resolves them.
 */
export interface CallMemory {
  readonly kind: 'call';
  callId: string;
  direction: Direction | null;
  from: string | null;
  to: string | null;
  tracking: Tracking | null;
  /** `at` of the call's first event. */
  firstAt: string;
  /** D11: the latest phase the call reached. */
  phase: CallPhase;
  momentsRun: Condition[];
  /** Why the whole call is skipped (D14); all its events share the fate. */
  skip: string | null;
  /** Client state and responsible manager as of the call's start (D2). */
  start: { state: ClientState; responsibleUserId: string | null } | null;
  /** The employee who dials an outgoing call (scenario-format §3). */
  caller: LegMemory | null;
  legs: LegMemory[];
  created: CreatedRecords;
  /** The latest closed deal that `create_deal_if_none` adopted for links. */
  adoptedDealId: string | null;
  endedAt: string | null;
  disposition: Disposition | null;
  durationSec: number | null;
  talkSec: number | null;
  recordingUrl: string | null;
  callLog: {
    id: string;
    contactId: string | null;
    leadId: string | null;
    dealId: string | null;
  } | null;
  /** Tasks made at the call's end: a later recording is added to them (D10). */
  endTaskIds: string[];
}

export interface DialogMemory {
  readonly kind: 'dialog';
  dialogId: string;
  phone: string | null;
  momentsRun: Condition[];
  created: CreatedRecords;
}

export type Memory = CallMemory | DialogMemory;

/** The key an event's memory is kept under: `call:ID`, `dialog:ID`; null for an event of neither. */
export function memoryKey(event: Event): string | null {
  if ('callId' in event) return `call:${event.callId}`;
  if ('dialogId' in event) return `dialog:${event.dialogId}`;
  return null;
}

/** The number on the client's side of a call: `from` when incoming, `to` when outgoing. */
export function clientSide(memory: CallMemory): string | null {
  return memory.direction === 'outgoing' ? memory.to : memory.from;
}
