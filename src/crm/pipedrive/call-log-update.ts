import type { FitTexts } from '../capabilities.js';
import { patchedDescription, type CallLogPatch } from '../call-log-text.js';
import type { PdCallLog } from './native.js';

// update_call_log for Pipedrive: callLogs cannot be edited (crm-apis.md §2.10
// lists GET, POST and DELETE only), so the adapter writes a new log with the
// changed text and deletes the old one. The text changes are every CRM's
// (src/crm/call-log-text.ts), so all print the same (D12).

/** The call log's note after the patch; null when it has none. */
export function patchedNote(
  note: string | null | undefined,
  patch: CallLogPatch,
  texts: FitTexts,
): string | null {
  return patchedDescription(note, patch, texts) ?? null;
}

/** The body that recreates a stored call log with a new note and owner. */
export function recreateBody(
  log: PdCallLog,
  note: string | null,
  userId: number | null | undefined,
): Record<string, unknown> {
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
