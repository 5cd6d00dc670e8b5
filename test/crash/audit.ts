import type { Snapshot } from '../../src/domain/snapshot.js';
import { RECORD_COLLECTIONS } from '../support/snapshot-canon.js';

// What a crashed run left in the CRM against an uncrashed reference of the
// same events: records missing, records too many, and records written twice
// (the same content under two ids, or one phone on two contacts), counted in
// the CRM's own snapshot beyond what the reference itself has.

export interface Audit {
  readonly duplicates: number;
  readonly missing: number;
  /** `contacts 60/60, …`: crashed run / reference. */
  readonly lines: string;
}

/** Records of a collection that repeat another's content (everything but the id). */
function repeats(records: readonly object[]): number {
  const seen = new Set<string>();
  let repeated = 0;
  for (const record of records) {
    const key = JSON.stringify(Object.entries(record).filter(([name]) => name !== 'id'));
    if (seen.has(key)) repeated += 1;
    seen.add(key);
  }
  return repeated;
}

export function audit(actual: Snapshot, reference: Snapshot): Audit {
  let duplicates = 0;
  let missing = 0;
  const lines: string[] = [];
  for (const name of RECORD_COLLECTIONS) {
    const got = actual[name].length;
    const want = reference[name].length;
    const twice = Math.max(0, repeats(actual[name]) - repeats(reference[name]));
    duplicates += Math.max(got - want, twice);
    if (got < want) missing += want - got;
    lines.push(`${name} ${got}/${want}${twice > 0 ? ` (${twice} written twice)` : ''}`);
  }
  const phones = actual.contacts.flatMap((contact) => contact.phones);
  duplicates += phones.length - new Set(phones).size;
  return { duplicates, missing, lines: lines.join(', ') };
}
