import type { Dialect } from '../sql.js';

// Migration 13. A project's CRM requests counted per UTC hour, for the admin app's chart
// (GET …/stats `crmRequests`). One row per project and hour; each process adds the counts it
// kept in memory every few seconds (src/worker/request-counts.ts), so a request costs no write
// of its own. Same statement on both backends.

export function crmRequests(_dialect: Dialect): string {
  return `
CREATE TABLE crm_requests (
  project_id TEXT NOT NULL,
  hour_ms BIGINT NOT NULL,
  requests BIGINT NOT NULL,
  PRIMARY KEY (project_id, hour_ms)
);
`;
}
