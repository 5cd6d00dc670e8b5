import type { Dialect } from '../sql.js';

// The claim's D7 check ("is an earlier or in-flight event of this ordering
// key unfinished?") looked through every event the key ever had, applied
// ones included: a client with a long history made each claim slower. This
// partial index holds only the unfinished events (pending, failed), in event
// order, so the check reads just those. Same statement on both backends.

export function unfinishedByKey(_dialect: Dialect): string {
  return `
CREATE INDEX events_unfinished_key ON events (project_id, ordering_key, at_ms, seq) WHERE state IN ('pending', 'failed');
`;
}
