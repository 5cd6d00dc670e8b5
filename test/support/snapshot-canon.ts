import type { Snapshot } from '../../src/domain/snapshot.js';

// What the tests that compare CRM snapshots "up to record ids" share — each
// CRM's equality run (test/crm/<crm>/equality.ts), simulate --via http
// (test/via-http/canonical.ts) and the crash audits: the collections in the
// order simulate prints them, which fields refer to which collection, which
// are times, and the names that stand for ids.

/** The collections of records a run writes (users are the CRM's, notifications have no id). */
export const RECORD_COLLECTIONS = [
  'contacts',
  'leads',
  'deals',
  'organizations',
  'tasks',
  'comments',
  'calls',
] as const;
export type RecordCollection = (typeof RECORD_COLLECTIONS)[number];

/** Every collection of a snapshot, in the order simulate prints them. */
export const SNAPSHOT_COLLECTIONS = [
  'users',
  ...RECORD_COLLECTIONS,
  'notifications',
] as const satisfies ReadonlyArray<keyof Snapshot>;

/** A reference field and the collection its id points into. */
export const REFERENCE_COLLECTION: Readonly<Record<string, 'users' | RecordCollection>> = {
  ownerId: 'users',
  assigneeId: 'users',
  userId: 'users',
  contactId: 'contacts',
  leadId: 'leads',
  dealId: 'deals',
  organizationId: 'organizations',
};

/** Times compared as instants: their offsets are presentation (scenario-format §4). */
export const TIME_FIELDS: ReadonlySet<string> = new Set(['dueAt', 'startedAt']);

/**
 * A namer of ids: `collection#n`, where n counts the collection's ids in the
 * order they are first named (the same id is named the same every time).
 */
export function firstAppearanceNames(): (collection: string, id: string) => string {
  const names = new Map<string, string>();
  const counters = new Map<string, number>();
  return (collection, id) => {
    const key = `${collection}:${id}`;
    let name = names.get(key);
    if (name === undefined) {
      const n = (counters.get(collection) ?? 0) + 1;
      counters.set(collection, n);
      names.set(key, (name = `${collection}#${n}`));
    }
    return name;
  };
}

/** How many records each collection holds. */
export function recordCounts(snapshot: Snapshot): Record<RecordCollection, number> {
  return Object.fromEntries(
    RECORD_COLLECTIONS.map((collection) => [collection, snapshot[collection].length]),
  ) as Record<RecordCollection, number>;
}
