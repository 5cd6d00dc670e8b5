import type { Dialect } from '../sql.js';

// Issue 11 items 3 and 4. `lost_leases`: how often an event was claimed
// again after its lease ran out (its worker never finished, retried nor
// handed it back); past a bound the event fails with the reason instead of
// being claimed forever. `index_error`: why the last phone-index load failed
// (state `failed`). Same statements on both backends.

export function lostLeases(_dialect: Dialect): string {
  return `
ALTER TABLE events ADD COLUMN lost_leases INTEGER NOT NULL DEFAULT 0;
ALTER TABLE projects ADD COLUMN index_error TEXT;
`;
}
