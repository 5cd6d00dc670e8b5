import type { CreatedRecords } from '../../domain/memory.js';
import type { RecordPatch } from '../../domain/plan.js';
import type {
  ClientRecords,
  Contact,
  Deal,
  Lead,
  Organization,
  Snapshot,
} from '../../domain/snapshot.js';

type Collection = Exclude<keyof Snapshot, 'users' | 'notifications'>;
type RecordOf<C extends Collection> = Snapshot[C][number];
type Identity = (raw: string) => string | null;
/** Epoch ms. */
type Clock = () => number;

/** A contact, lead or deal with the times the phone index reads (G13). */
export interface TimedRecord {
  readonly collection: 'contacts' | 'leads' | 'deals';
  readonly record: Contact | Lead | Deal;
  readonly createdMs: number;
  readonly modifiedMs: number;
}

const PREFIX: Record<Collection, string> = {
  contacts: 'c',
  leads: 'l',
  deals: 'd',
  organizations: 'o',
  tasks: 't',
  comments: 'n',
  calls: 'cl',
};

/**
 * The in-memory CRM's tables: the snapshot lists in creation order, an id
 * index, and a phone index by E.164 identity (G1) so a lookup costs a map read.
 */
export class MemoryStore {
  readonly snapshot: Snapshot;
  private readonly byId = new Map<string, { collection: Collection; index: number }>();
  private readonly byPhone = new Map<string, Set<string>>();
  /** `leads:CONTACT` / `deals:CONTACT` → keys of the records hanging on that contact. */
  private readonly byContact = new Map<string, Set<string>>();
  private readonly counters = new Map<Collection, number>();
  /** `collection:id` → creation and last change, epoch ms. */
  private readonly times = new Map<string, { created: number; modified: number }>();

  constructor(
    seed: Snapshot,
    private readonly identity: Identity,
    private readonly clock: Clock = Date.now,
  ) {
    this.snapshot = structuredClone(seed);
    const seededAt = clock();
    for (const collection of Object.keys(PREFIX) as Collection[]) {
      this.snapshot[collection].forEach((record, index) => {
        this.index(collection, record, index);
        // Seeded records are older than anything created later, in seed order.
        this.times.set(`${collection}:${record.id}`, { created: index, modified: seededAt });
      });
    }
  }

  /** Contacts, leads and deals changed at or after `sinceMs` (all when null), in creation order per collection. */
  changedSince(sinceMs: number | null): TimedRecord[] {
    const out: TimedRecord[] = [];
    for (const collection of ['contacts', 'leads', 'deals'] as const) {
      for (const record of this.snapshot[collection]) {
        const time = this.times.get(`${collection}:${record.id}`) ?? { created: 0, modified: 0 };
        if (sinceMs === null || time.modified >= sinceMs)
          out.push({ collection, record, createdMs: time.created, modifiedMs: time.modified });
      }
    }
    return out;
  }

  insert<C extends Collection>(
    collection: C,
    record: Omit<RecordOf<C>, 'id'> | RecordOf<C>,
  ): string {
    const id = this.nextId(collection);
    const list = this.snapshot[collection] as Array<RecordOf<C>>;
    const stored = { id, ...record } as RecordOf<C>;
    stored.id = id;
    list.push(stored);
    this.index(collection, stored, list.length - 1);
    const now = this.clock();
    this.times.set(`${collection}:${id}`, { created: now, modified: now });
    return id;
  }

  update<C extends Collection>(
    collection: C,
    id: string,
    change: (record: RecordOf<C>) => RecordOf<C>,
  ): string {
    const at = this.byId.get(`${collection}:${id}`);
    if (!at) throw new Error(`no ${collection} record ${id}`);
    const list = this.snapshot[collection] as Array<RecordOf<C>>;
    const current = list[at.index];
    if (current) list[at.index] = change(current);
    const time = this.times.get(`${collection}:${id}`);
    this.times.set(`${collection}:${id}`, { created: time?.created ?? 0, modified: this.clock() });
    return id;
  }

  patch(
    collection: 'contacts' | 'leads' | 'deals' | 'organizations',
    id: string,
    patch: RecordPatch,
  ): string {
    return this.update(collection, id, (record) => ({ ...record, ...patch }));
  }

  get<C extends Collection>(collection: C, id: string): RecordOf<C> | undefined {
    const at = this.byId.get(`${collection}:${id}`);
    return at ? this.snapshot[collection][at.index] : undefined;
  }

  /** All records carrying the phone, the leads and deals of those contacts, and their organizations. */
  client(e164: string | null, created: CreatedRecords | null): ClientRecords {
    // Keys are `collection:id`: seeded ids need only be unique within their collection.
    const keys = new Set<string>(e164 ? (this.byPhone.get(e164) ?? []) : []);
    if (created) {
      for (const collection of ['contacts', 'leads', 'deals', 'organizations'] as const) {
        for (const id of created[collection]) keys.add(`${collection}:${id}`);
      }
    }
    const contacts = this.pick('contacts', keys);
    const contactIds = new Set(contacts.map((contact) => contact.id));
    const ofContacts = <C extends 'leads' | 'deals'>(collection: C): Array<RecordOf<C>> => {
      const extra = new Set(keys);
      for (const contactId of contactIds)
        for (const key of this.byContact.get(`${collection}:${contactId}`) ?? []) extra.add(key);
      return this.pick(collection, extra);
    };
    const leads = ofContacts('leads');
    const deals = ofContacts('deals');
    const organizationKeys = new Set<string>(
      [...keys].filter((key) => key.startsWith('organizations:')),
    );
    for (const record of [...contacts, ...deals])
      if (record.organizationId) organizationKeys.add(`organizations:${record.organizationId}`);
    const organizations = this.pick('organizations', organizationKeys);
    return { contacts, leads, deals, organizations };
  }

  private pick<C extends 'contacts' | 'leads' | 'deals' | 'organizations'>(
    collection: C,
    keys: Set<string>,
  ): Array<RecordOf<C>> {
    const found: Array<{ index: number; record: RecordOf<C> }> = [];
    for (const key of keys) {
      if (!key.startsWith(`${collection}:`)) continue;
      const at = this.byId.get(key);
      if (!at) continue;
      found.push({ index: at.index, record: this.snapshot[collection][at.index] as RecordOf<C> });
    }
    return found.sort((a, b) => a.index - b.index).map((entry) => entry.record);
  }

  private index(collection: Collection, record: { id: string }, index: number): void {
    const key = `${collection}:${record.id}`;
    this.byId.set(key, { collection, index });
    const { phones, contactId } = record as Partial<Contact & Lead & Deal & Organization>;
    if (contactId) {
      const byContact = `${collection}:${contactId}`;
      let set = this.byContact.get(byContact);
      if (!set) this.byContact.set(byContact, (set = new Set()));
      set.add(key);
    }
    for (const raw of phones ?? []) {
      const e164 = this.identity(raw);
      if (!e164) continue; // G1: an invalid number never matches anybody else's
      let set = this.byPhone.get(e164);
      if (!set) this.byPhone.set(e164, (set = new Set()));
      set.add(key);
    }
  }

  private nextId(collection: Collection): string {
    let n = this.counters.get(collection) ?? this.snapshot[collection].length;
    let id: string;
    do id = `${PREFIX[collection]}${++n}`;
    while (this.byId.has(`${collection}:${id}`));
    this.counters.set(collection, n);
    return id;
  }
}
