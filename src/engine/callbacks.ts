import type { ClientMemory, OpenCallback } from '../domain/client-memory.js';
import type { Decision } from '../domain/decision.js';
import type { CallEvent } from '../domain/events.js';
import type { Condition } from '../domain/matrix.js';
import { clientSide, type CallMemory } from '../domain/memory.js';
import { normalisePhone } from '../domain/phone.js';
import type { ProjectSettings } from '../domain/project.js';
import { localDateTime } from '../domain/zoned-time.js';
import { callManager, legName } from './call-moments.js';
import { formatDuration } from './describe.js';
import type { ProjectContext } from './moment-context.js';
import type { PlanBuilder } from './plan-builder.js';

// Call-backs close their tasks (issue 14 item 2). The tasks a missed, busy or
// voicemail call sets at its end are remembered with the client (ClientMemory);
// when a later call reaches the client (an incoming call answered, or an
// outgoing call answered with at least `callbacks.minTalkSec` of talk), each of
// them gets a `complete_task` with a line saying which call, when and who talked.

/** The end moments whose tasks are call-backs. */
const CALLBACK_MOMENTS: readonly Condition[] = ['incoming.missed', 'incoming.voicemail'];

/** Talk seconds of an ended call: `talkSec`, else its duration. */
function talkOf(memory: CallMemory): number {
  return memory.talkSec ?? memory.durationSec ?? 0;
}

/** The ended call reached the client. */
export function reachedClient(memory: CallMemory, settings: ProjectSettings): boolean {
  if (memory.disposition !== 'answered') return false;
  if (memory.direction === 'incoming') return true;
  return memory.direction === 'outgoing' && talkOf(memory) >= settings.callbacks.minTalkSec;
}

/** Who talked with the client on the call, by name (or by what the telephony called him). */
function whoTalked(memory: CallMemory, project: ProjectContext): string {
  const { staff, t } = project;
  const { manager } = callManager(memory, staff);
  if (manager) return manager.name;
  const leg = memory.direction === 'outgoing' ? (memory.caller ?? memory.legs[0]) : memory.legs[0];
  return leg ? legName(leg, staff, t) : t('an employee unknown to the integration');
}

function completionNote(memory: CallMemory, project: ProjectContext): string {
  const { t, settings } = project;
  const values = {
    callId: memory.callId,
    time: localDateTime(Date.parse(memory.firstAt), settings.timezone).slice(0, 16),
    who: whoTalked(memory, project),
    talk: formatDuration(talkOf(memory)),
  };
  return memory.direction === 'outgoing'
    ? t(
        'Done: the client was called back — outgoing call {callId}, {time}; talked: {who}, {talk}',
        values,
      )
    : t(
        'Done: the client called again — incoming call {callId}, {time}; talked: {who}, {talk}',
        values,
      );
}

function completionReason(memory: CallMemory): string {
  return memory.direction === 'outgoing'
    ? `client reached: outgoing call ${memory.callId} answered, ${talkOf(memory)} s of talk`
    : `client reached: incoming call ${memory.callId} answered`;
}

/**
 * At a call's end: closes the client's open call-back tasks when the call
 * reached him, and remembers the call-back tasks this call set. Returns the
 * decision with the plan's `complete_task` operations and the client's next
 * memory (unchanged decision when there is nothing to remember or close).
 */
export function followCallbacks(
  decision: Decision,
  event: CallEvent,
  memory: CallMemory,
  plan: PlanBuilder,
  input: { readonly project: ProjectContext; readonly clientMemory?: ClientMemory | null },
): Decision {
  const { project } = input;
  const { settings } = project;
  if (!settings.callbacks.closeTasks || event.type !== 'call.ended') return decision;
  if (decision.outcome === 'failed') return decision;
  const side = clientSide(memory);
  const phone = side ? normalisePhone(side, settings.defaultCountry).e164 : null;
  if (!phone) return decision;
  const remembered = input.clientMemory?.phone === phone ? input.clientMemory.callbacks : [];
  let open: OpenCallback[] = remembered.filter((callback) => callback.callId !== memory.callId);
  if (open.length > 0 && reachedClient(memory, settings)) {
    const note = completionNote(memory, project);
    const reason = completionReason(memory);
    for (const callback of open)
      plan.add({ op: 'complete_task', id: callback.taskId, note, reason });
    open = [];
  }
  if (decision.conditions.some((condition) => CALLBACK_MOMENTS.includes(condition))) {
    const at = memory.endedAt ?? event.at;
    open.push(...memory.endTaskIds.map((taskId) => ({ taskId, callId: memory.callId, at })));
  }
  if (open.length === remembered.length && open.every((c, i) => c === remembered[i]))
    return decision;
  return {
    ...decision,
    plan: plan.operations,
    clientMemory: { kind: 'client', phone, callbacks: open },
  };
}
