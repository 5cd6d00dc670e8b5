import type { Dialect } from '../sql.js';

// Issue 11 item 6: state changes announced. `alert_marks` holds, per project
// and subject (integration, index, failed), the value last announced, so a
// change is announced once however many processes watch; `alerts` is the
// outbox of what is to be sent (the operator's webhook, the CRM task after a
// resend), written in the same transaction as the mark: an alert accepted
// survives a restart and is retried like any outbound call. Same statements
// on both backends.

export function alerts(_dialect: Dialect): string {
  return `
CREATE TABLE alert_marks (
  project_id TEXT NOT NULL,
  subject TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (project_id, subject)
);
CREATE TABLE alerts (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  claimed_until BIGINT,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  finished_at BIGINT
);
CREATE INDEX alerts_due ON alerts (state, next_attempt_at);
CREATE INDEX alerts_of_project ON alerts (project_id, created_at);
`;
}
