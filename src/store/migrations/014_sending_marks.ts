import type { Dialect } from '../sql.js';

// Migration 14 (D13 across kill -9). A plan operation's row is written before its request
// leaves, with no CRM id yet (a "sending" mark): a run resumed after a crash finds the mark
// without an id and knows the write may have landed unseen, so the adapter searches for the
// record's marker before writing it again. `crm_id` becomes nullable for that. SQLite cannot
// drop a NOT NULL in place: the table (plans under way only, small) is rebuilt.

export function sendingMarks(dialect: Dialect): string {
  if (dialect === 'postgres')
    return `
ALTER TABLE plan_operations ALTER COLUMN crm_id DROP NOT NULL;
`;
  return `
CREATE TABLE plan_operations_014 (
  project_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  operation_key TEXT NOT NULL,
  crm_id TEXT,
  PRIMARY KEY (project_id, event_id, operation_key)
);
INSERT INTO plan_operations_014 (project_id, event_id, operation_key, crm_id)
  SELECT project_id, event_id, operation_key, crm_id FROM plan_operations;
DROP TABLE plan_operations;
ALTER TABLE plan_operations_014 RENAME TO plan_operations;
`;
}
