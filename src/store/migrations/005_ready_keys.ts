import type { Dialect } from '../sql.js';
import { readyKeysSchema } from '../ready-keys.js';

// Issue 10: the claim walked the pending events in order and checked D7 per
// row, so with most clients' first events parked it read the whole backlog
// (448 ms at 100 000 pending). The ready table holds one row per ordering key
// with a head a worker may take and when (see ready-keys.ts); the claim reads
// only the rows due. Filled here from the backlog already stored.

export function readyKeys(dialect: Dialect): string {
  return readyKeysSchema(dialect);
}
