import type { Dialect } from '../sql.js';

// Migration 8. GET /v1/projects/{project}/stats counts a project's journal by hour of the
// event's `at`: this index makes that a range scan of the hours asked for,
// not a read of the project's whole journal. Same statement on both backends.

export function journalByTime(_dialect: Dialect): string {
  return `
CREATE INDEX journal_at ON journal (project_id, at_ms);
`;
}
