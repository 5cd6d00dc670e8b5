import type { Condition } from '../domain/matrix.js';
import type { Direction, Disposition, Tracking } from '../domain/events.js';
import type { ClientState } from './client.js';

/** A leg of a call: who talked from when (ZO-18). */
export interface LegMemory {
  readonly employeeId: string | null;
  /** The employee's CRM user; null for an unknown employee. */
  readonly userId: string | null;
  readonly at: string;
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
  /** 0 nothing, 1 started, 2 answered, 3 ended (D11). */
  phase: number;
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

export const noneCreated = (): CreatedRecords => ({
  contacts: [],
  leads: [],
  deals: [],
  organizations: [],
});

export function newCallMemory(callId: string, firstAt: string): CallMemory {
  return {
    kind: 'call',
    callId,
    direction: null,
    from: null,
    to: null,
    tracking: null,
    firstAt,
    phase: 0,
    momentsRun: [],
    skip: null,
    start: null,
    caller: null,
    legs: [],
    created: noneCreated(),
    adoptedDealId: null,
    endedAt: null,
    disposition: null,
    durationSec: null,
    talkSec: null,
    recordingUrl: null,
    callLog: null,
    endTaskIds: [],
  };
}

export function newDialogMemory(dialogId: string): DialogMemory {
  return { kind: 'dialog', dialogId, phone: null, momentsRun: [], created: noneCreated() };
}

/** The number on the client's side of a call: `from` when incoming, `to` when outgoing. */
export function clientSide(memory: CallMemory): string | null {
  return memory.direction === 'outgoing' ? memory.to : memory.from;
}
