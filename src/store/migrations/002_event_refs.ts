import type { Dialect } from '../sql.js';

// Indexes for "the ordering key already stored for this call / dialog"
// (service ingest, D7): an event without the client's phone (call.answered,
// a later call.ended, analytics.ready, …) joins the client's key of the
// call's earlier events. Expression indexes, so the insert path is unchanged.

export function eventRefs(dialect: Dialect): string {
  if (dialect === 'sqlite') {
    return `
CREATE INDEX events_call_ref ON events (project_id, json_extract(body, '$.callId'));
CREATE INDEX events_dialog_ref ON events (project_id, json_extract(body, '$.dialogId'));
`;
  }
  return `
CREATE INDEX events_call_ref ON events (project_id, ((body::jsonb) ->> 'callId'));
CREATE INDEX events_dialog_ref ON events (project_id, ((body::jsonb) ->> 'dialogId'));
`;
}
