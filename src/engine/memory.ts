import {
  CALL_PHASE,
  type CallMemory,
  type CreatedRecords,
  type DialogMemory,
} from '../domain/memory.js';

// Fresh memories for the engine; their stored shapes live in src/domain/memory.ts.

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
    phase: CALL_PHASE.none,
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
