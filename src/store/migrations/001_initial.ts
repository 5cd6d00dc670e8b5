import type { Dialect } from '../sql.js';

// The first schema. Times are epoch milliseconds (BIGINT), JSON is text:
// the same statements and row mappers serve both backends.

export function initial(dialect: Dialect): string {
  const serial =
    dialect === 'sqlite'
      ? 'INTEGER PRIMARY KEY AUTOINCREMENT'
      : 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY';
  return `
CREATE TABLE projects (
  id TEXT PRIMARY KEY,
  crm TEXT NOT NULL,
  document TEXT NOT NULL,
  secrets TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  integration_state TEXT NOT NULL DEFAULT 'inactive',
  integration_since BIGINT NOT NULL,
  integration_reason TEXT,
  index_state TEXT NOT NULL DEFAULT 'loading'
);

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  project_id TEXT,
  hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);
CREATE INDEX api_keys_project ON api_keys (project_id);

CREATE TABLE events (
  seq ${serial},
  project_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  ordering_key TEXT NOT NULL,
  body TEXT NOT NULL,
  at_ms BIGINT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT,
  last_error TEXT,
  claimed_by TEXT,
  claimed_until BIGINT,
  received_at BIGINT NOT NULL,
  UNIQUE (project_id, event_id)
);
CREATE INDEX events_pending ON events (seq) WHERE state = 'pending';
CREATE INDEX events_order ON events (project_id, ordering_key, seq);
CREATE INDEX events_state ON events (project_id, state, seq);

CREATE TABLE journal (
  seq ${serial},
  project_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  call_id TEXT,
  outcome TEXT NOT NULL,
  at_ms BIGINT NOT NULL,
  entry TEXT NOT NULL
);
CREATE INDEX journal_project ON journal (project_id, seq);
CREATE INDEX journal_event ON journal (project_id, event_id, seq);
CREATE INDEX journal_call ON journal (project_id, call_id, seq);

CREATE TABLE journal_phones (
  project_id TEXT NOT NULL,
  phone TEXT NOT NULL,
  journal_seq BIGINT NOT NULL,
  PRIMARY KEY (project_id, phone, journal_seq)
);

CREATE TABLE memories (
  project_id TEXT NOT NULL,
  key TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (project_id, key)
);

CREATE TABLE plans (
  project_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  decision TEXT NOT NULL,
  PRIMARY KEY (project_id, event_id)
);

CREATE TABLE plan_operations (
  project_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  operation_key TEXT NOT NULL,
  crm_id TEXT NOT NULL,
  PRIMARY KEY (project_id, event_id, operation_key)
);

CREATE TABLE phone_index (
  project_id TEXT NOT NULL,
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  phone TEXT NOT NULL,
  owner_user_id TEXT,
  created_order BIGINT NOT NULL,
  PRIMARY KEY (project_id, entity, record_id, phone)
);
CREATE INDEX phone_index_route ON phone_index (project_id, phone, entity, created_order);
`;
}
