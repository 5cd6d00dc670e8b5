import type { Employee } from '../domain/project.js';
import type { Leg } from '../domain/snapshot.js';
import type { Staff } from './employees.js';
import type { CallMemory, LegMemory } from '../domain/memory.js';

// Who is who on a call (section 3's transfer rule, D2, D15) and what its legs were (ZO-18).

export interface CallManager {
  /** The known employee the call counts as handled by; null when nobody known talked. */
  readonly manager: Employee | null;
  /** Somebody talked, but only unknown employees did (G4). */
  readonly unknownOnly: boolean;
}

export function legOf(employee: Employee | null, at: string): LegMemory {
  return { employeeId: employee?.id ?? null, userId: employee?.crmUserId ?? null, at };
}

/**
 * Incoming: the responsible manager if he took any leg, else the first known
 * employee who talked; unknown legs count only when every leg is unknown.
 * Outgoing: the employee who dialled.
 */
export function callManager(memory: CallMemory, staff: Staff): CallManager {
  if (memory.direction === 'outgoing') {
    const caller = memory.caller?.userId ? staff.byCrmUser(memory.caller.userId) : null;
    return { manager: caller, unknownOnly: caller === null };
  }
  const known = memory.legs.filter((leg) => leg.userId !== null);
  const responsible = memory.start?.responsibleUserId ?? null;
  const chosen = known.find((leg) => leg.userId === responsible) ?? known[0];
  const manager = chosen ? staff.byCrmUser(chosen.userId) : null;
  return { manager, unknownOnly: manager === null && memory.legs.length > 0 };
}

/** A leg runs from its pickup or transfer to the next transfer or the end of the call. */
export function legsOf(memory: CallMemory): Leg[] {
  const end = memory.endedAt ? Date.parse(memory.endedAt) : null;
  const legs = [...memory.legs].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return legs.map((leg, index) => {
    const next = legs[index + 1];
    const until = next ? Date.parse(next.at) : end;
    const talkSec =
      until === null ? 0 : Math.max(0, Math.round((until - Date.parse(leg.at)) / 1000));
    return { userId: leg.userId, talkSec };
  });
}
