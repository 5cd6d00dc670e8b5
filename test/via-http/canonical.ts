import type { JournalEntry } from '../../src/domain/plan.js';
import type { Snapshot } from '../../src/domain/snapshot.js';
import { type SimulationResult } from '../../src/sandbox/simulate.js';
import {
  RECORD_COLLECTIONS,
  REFERENCE_COLLECTION,
  TIME_FIELDS,
} from '../support/snapshot-canon.js';

// A run "up to record ids" (issue 4 item 5): every record id replaced by its
// collection and its place in the list, wherever it appears (references, the
// journal's operations; texts name no record by id).

const COLLECTIONS = ['users', ...RECORD_COLLECTIONS] as const;
type Collection = (typeof COLLECTIONS)[number];

export interface CanonicalRun {
  readonly crm_state: Record<string, unknown[]>;
  readonly journal: unknown[];
}

export function canonicalRun(run: SimulationResult): CanonicalRun {
  const snapshot: Snapshot = run.crm_state;
  const names = new Map<string, string>();
  for (const collection of COLLECTIONS) {
    snapshot[collection].forEach((record, index) =>
      names.set(`${collection}:${record.id}`, `${collection}#${index + 1}`),
    );
  }
  // An id no record carries (a dangling link) stays visible as such.
  const name = (collection: Collection, id: string): string =>
    names.get(`${collection}:${id}`) ?? `${collection}?${id}`;

  const clean = (value: unknown, collection: Collection, key: string | null): unknown => {
    if (value === null || value === undefined) return undefined;
    if (typeof value === 'string') {
      if (key === 'id') return name(collection, value);
      const target = key === null ? undefined : REFERENCE_COLLECTION[key];
      if (target) return name(target, value);
      if (key !== null && TIME_FIELDS.has(key)) return new Date(value).toISOString();
      return value;
    }
    if (Array.isArray(value)) {
      const items = value.map((item) => clean(item, collection, null));
      return items.length > 0 ? items : undefined;
    }
    if (typeof value === 'object') {
      const out: Record<string, unknown> = {};
      // Keys sorted: the order fields are written in is no content.
      for (const [k, v] of Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) {
        const cleaned = clean(v, collection, k);
        if (cleaned !== undefined) out[k] = cleaned;
      }
      return Object.keys(out).length > 0 || key === null ? out : undefined;
    }
    return value;
  };

  const crmState: Record<string, unknown[]> = {};
  for (const collection of COLLECTIONS)
    crmState[collection] = snapshot[collection].map((record) => clean(record, collection, null));
  crmState['notifications'] = snapshot.notifications.map((record) => clean(record, 'users', null));
  const journal = run.journal.map((entry: JournalEntry) => ({
    eventId: entry.eventId,
    outcome: entry.outcome,
    conditions: entry.conditions,
    operations: entry.operations.map(({ op, entity, id }) => ({
      op,
      entity,
      id: entity === 'notifications' ? '-' : name(entity, id),
    })),
    ...(entry.skipped &&
      entry.skipped.length > 0 && { skipped: entry.skipped.map(({ action }) => action) }),
  }));
  return { crm_state: crmState, journal };
}
