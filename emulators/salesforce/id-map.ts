import type { Snapshot } from '../../src/domain/snapshot.js';
import { KEY_PREFIX, to18 } from './ids.js';
import type { Org, Value } from './org.js';

export type Collection = Exclude<keyof Snapshot, 'notifications'>;
const NATIVE: Record<Collection, string> = {
  users: 'User',
  contacts: 'Contact',
  leads: 'Lead',
  deals: 'Opportunity',
  organizations: 'Account',
  tasks: 'Task',
  calls: 'Task',
  comments: 'ContentNote',
};

/** Neutral ids ↔ native ids, per snapshot collection (service.md §7). */
export class IdMap {
  private readonly toNative = new Map<string, string>();
  private readonly toNeutral = new Map<string, string>();

  native(org: Org, collection: Collection, neutral: string): string {
    const key = `${collection}:${neutral}`;
    let id = this.toNative.get(key);
    if (!id) {
      const type = NATIVE[collection];
      const given = to18(neutral);
      id =
        given && given.startsWith(KEY_PREFIX[type] ?? '?') && !this.toNeutral.has(given)
          ? given
          : org.nextId(type);
      this.toNative.set(key, id);
      this.toNeutral.set(id, neutral);
    }
    return id;
  }
  neutral(id: Value | undefined): string | null {
    if (typeof id !== 'string') return null;
    return this.toNeutral.get(id) ?? id;
  }
  table(): Record<string, Record<string, string>> {
    const out: Record<string, Record<string, string>> = {};
    for (const [key, id] of this.toNative) {
      const [collection = '', ...rest] = key.split(':');
      (out[collection] ??= {})[rest.join(':')] = id;
    }
    return out;
  }
}
