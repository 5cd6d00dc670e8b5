import type { Dialect } from '../sql.js';

// Migration 11 (issue 11 item 1). `decide_again`: a person retried the event since its plan
// was stored, so the next attempt decides it again from the current settings
// (what landed stays landed). Same statement on both backends.

export function decideAgain(_dialect: Dialect): string {
  return `
ALTER TABLE plans ADD COLUMN decide_again INTEGER NOT NULL DEFAULT 0;
`;
}
