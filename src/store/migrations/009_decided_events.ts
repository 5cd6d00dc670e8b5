import type { Dialect } from '../sql.js';

// Migration 9. Replay (issue 14): each journal row keeps the event, what it was decided on
// (the call's memory before it, the client the lookup found) and the decision,
// as JSON; a plan under way keeps its context too, so the journal row of a run
// resumed after a retry has it. NULL: written before this migration, or an
// event that failed before it was decided. Same statements on both backends.

export function decidedEvents(_dialect: Dialect): string {
  return `
ALTER TABLE journal ADD COLUMN decided TEXT;
ALTER TABLE plans ADD COLUMN context TEXT;
`;
}
