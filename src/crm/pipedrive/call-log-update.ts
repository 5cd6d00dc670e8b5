import type { Leg } from '../../domain/snapshot.js';
import type { FitTexts } from '../capabilities.js';
import type { PdCallLog } from './native.js';

// update_call_log for Pipedrive: callLogs cannot be edited (crm-apis.md §2.10
// lists GET, POST and DELETE only), so the adapter writes a new log with the
// changed text and deletes the old one. The text changes are the in-memory
// CRM's, line for line (src/crm/memory/adapter.ts), so both print the same (D12).

export interface CallLogPatch {
  readonly recordingUrl?: string;
  readonly userId?: string;
  readonly legs?: readonly Leg[];
  readonly appendDescription?: string;
}

export function appendOnce(text: string | null | undefined, line: string): string {
  if (!text) return line;
  return text.split('\n').includes(line) ? text : `${text}\n${line}`;
}

/** The call log's note after the patch; null when it has none. */
export function patchedNote(note: string | null | undefined, patch: CallLogPatch, texts: FitTexts): string | null {
  let next = note ?? null;
  if (patch.recordingUrl !== undefined) next = appendOnce(next, `${texts.recording}: ${patch.recordingUrl}`);
  if (patch.legs) {
    const line = `${texts.legs}: ${patch.legs.map((leg) => `${leg.userId ?? '?'} ${leg.talkSec}s`).join(', ')}`;
    const kept = (next ?? '').split('\n').filter((l) => l && !l.startsWith(`${texts.legs}: `));
    next = [...kept, line].join('\n');
  }
  if (patch.appendDescription !== undefined) next = appendOnce(next, patch.appendDescription);
  return next;
}

/** The body that recreates a stored call log with a new note and owner. */
export function recreateBody(log: PdCallLog, note: string | null, userId: number | null | undefined): Record<string, unknown> {
  const owner = userId ?? log.user_id;
  return {
    outcome: log.outcome,
    to_phone_number: log.to_phone_number,
    ...(log.from_phone_number && { from_phone_number: log.from_phone_number }),
    ...(log.start_time && { start_time: log.start_time }),
    ...(log.end_time && { end_time: log.end_time }),
    ...(log.duration !== null && log.duration !== undefined && { duration: String(log.duration) }),
    ...(owner && { user_id: owner }),
    ...(log.person_id && { person_id: log.person_id }),
    ...(log.org_id && { org_id: log.org_id }),
    ...(log.deal_id ? { deal_id: log.deal_id } : log.lead_id ? { lead_id: log.lead_id } : {}),
    ...(log.subject && { subject: log.subject }),
    ...(note !== null && { note }),
  };
}
