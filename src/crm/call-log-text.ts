import type { Operation } from '../domain/plan.js';
import type { Leg } from '../domain/snapshot.js';
import { formatDuration } from '../engine/describe.js';
import type { FitTexts } from './capabilities.js';

// D10 / D12: the text rules of a call log whose CRM keeps recordings, legs and
// analytics in its description: every adapter and the in-memory CRM write the
// same lines, so they print the same snapshot.

export type CallLogPatch = Extract<Operation, { op: 'update_call_log' }>['patch'];

/** `line` added at the end unless the text already has it (a redelivered recording, D10). */
export function appendOnce(text: string | null | undefined, line: string): string {
  if (!text) return line;
  return text.split('\n').includes(line) ? text : `${text}\n${line}`;
}

/** "Legs: Petro 0:40, extension 199 0:05": who talked how long on a transferred call, by name. */
export function legsLine(legs: readonly Leg[], texts: FitTexts): string {
  return `${texts.legs}: ${legs.map((leg) => `${leg.name ?? leg.userId ?? '?'} ${formatDuration(leg.talkSec)}`).join(', ')}`;
}

/** The text with its legs line replaced by the call's latest legs. */
export function withLegs(
  text: string | null | undefined,
  legs: readonly Leg[],
  texts: FitTexts,
): string {
  const kept = (text ?? '')
    .split('\n')
    .filter((line) => line && !line.startsWith(`${texts.legs}: `));
  return [...kept, legsLine(legs, texts)].join('\n');
}

/** The description after an update_call_log whose recording link goes into the text too; undefined while it has none. */
export function patchedDescription(
  text: string | null | undefined,
  patch: CallLogPatch,
  texts: FitTexts,
): string | undefined {
  let next = text ?? undefined;
  if (patch.recordingUrl !== undefined)
    next = appendOnce(next, `${texts.recording}: ${patch.recordingUrl}`);
  if (patch.legs) next = withLegs(next, patch.legs, texts);
  if (patch.appendDescription !== undefined) next = appendOnce(next, patch.appendDescription);
  return next;
}
