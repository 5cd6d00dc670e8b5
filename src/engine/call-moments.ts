import type { EmployeeRef } from '../domain/events.js';
import type { Employee } from '../domain/project.js';
import type { Leg } from '../domain/snapshot.js';
import type { Staff } from './employees.js';
import type { CallMemory, LegMemory } from '../domain/memory.js';
import type { Translate } from './texts.js';

// Who is who on a call (section 3's transfer rule, D2, D15) and what its legs were (ZO-18).

export interface CallManager {
  /** The known employee the call counts as handled by; null when nobody known talked. */
  readonly manager: Employee | null;
  /** Somebody talked, but only unknown employees did (G4). */
  readonly unknownOnly: boolean;
}

export function legOf(employee: Employee | null, at: string, ref?: EmployeeRef): LegMemory {
  return {
    employeeId: employee?.id ?? null,
    userId: employee?.crmUserId ?? null,
    at,
    ...(ref && !employee && { ref }),
  };
}

/** How a text names somebody the project does not know: by what the telephony said ("extension 199 / SIP login reception"). */
export function describeRef(ref: EmployeeRef | undefined, t: Translate): string {
  const parts = [
    ref?.extension && t('extension {value}', { value: ref.extension }),
    ref?.sipLogin && t('SIP login {value}', { value: ref.sipLogin }),
    ref?.phone && t('phone {value}', { value: ref.phone }),
    (ref?.code ?? ref?.id) && t('employee code {value}', { value: ref?.code ?? ref?.id ?? '' }),
  ].filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.length > 0 ? parts.join(' / ') : t('an employee unknown to the integration');
}

/** A leg's taker by name: the employee's name, else what the telephony called him. */
export function legName(leg: LegMemory, staff: Staff, t: Translate): string {
  const employee = leg.employeeId ? staff.find({ id: leg.employeeId }) : null;
  return employee?.name || describeRef(leg.ref, t);
}

/**
 * The lines naming who handled the call (issue 14: texts name people): who answered
 * an incoming call, or which extension / SIP login took it when no employee is
 * linked to it; who dialled an outgoing one.
 */
export function peopleLines(memory: CallMemory, staff: Staff, t: Translate): string[] {
  if (memory.direction === 'outgoing') {
    return memory.caller ? [`${t('Called by')}: ${legName(memory.caller, staff, t)}`] : [];
  }
  if (memory.legs.length === 0) return [];
  const { manager } = callManager(memory, staff);
  if (manager) return [`${t('Answered by')}: ${manager.name}`];
  const takers = [...new Set(memory.legs.map((leg) => legName(leg, staff, t)))];
  return [
    t('The call was taken by {who}, which is linked to no employee', { who: takers.join(', ') }),
  ];
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
export function legsOf(memory: CallMemory, staff: Staff, t: Translate): Leg[] {
  const end = memory.endedAt ? Date.parse(memory.endedAt) : null;
  const legs = [...memory.legs].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return legs.map((leg, index) => {
    const next = legs[index + 1];
    const until = next ? Date.parse(next.at) : end;
    const talkSec =
      until === null ? 0 : Math.max(0, Math.round((until - Date.parse(leg.at)) / 1000));
    return { userId: leg.userId, talkSec, name: legName(leg, staff, t) };
  });
}
