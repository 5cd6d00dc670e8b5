import { afterEach, describe, expect, it } from 'vitest';
import { MemoryCrm } from '../../src/crm/memory/adapter.js';
import type { CrmPort, IndexRemoval } from '../../src/crm/port.js';
import type { ProjectView } from '../../src/worker/project.js';
import { fitTexts } from '../../src/crm/capabilities.js';
import { statusOf } from '../../src/service/admin/processing.js';
import { IndexSync, changesOf } from '../../src/worker/index-sync.js';
import { CRM_STATE, EMPLOYEES } from '../service/events.js';
import { indexHarness, type IndexHarness } from './harness.js';

// G13: the phone index loaded from the CRM at activation and polled for what people changed there.

let h: IndexHarness;
afterEach(async () => h.close());

const UA = { defaultCountry: 'UA', timezone: 'Europe/Kyiv' };
const SEEDED = {
  ...CRM_STATE,
  contacts: [
    { id: 'c1', name: 'Ivan', phones: ['067 123 4567', '+38 050 111 22 33'], ownerId: 'u1' },
    { id: 'c2', name: 'Hidden', phones: ['anonymous'], ownerId: 'u1' },
  ],
  leads: [{ id: 'l1', name: 'Maria', phones: ['0931112233'], ownerId: 'u2', status: 'open' }],
  deals: [
    { id: 'd1', contactId: 'c1', ownerId: 'u1', status: 'won' },
    { id: 'd2', contactId: 'c1', ownerId: 'u2', status: 'open' },
  ],
};

async function withSeededProject(): Promise<IndexSync> {
  h = await indexHarness();
  await h.addProject('acme', 'pipedrive', {
    project: UA,
    employees: EMPLOYEES,
    connection: { kind: 'memory', state: SEEDED },
  });
  return new IndexSync({
    store: h.store,
    projects: { get: async (id) => h.view(id) },
    ports: (view) => h.registry.portFor(view),
    intervalSec: 300,
  });
}

describe('phone index sync (G13)', () => {
  it('G13: activation loads every contact, lead and deal of the CRM; the status says loading, then ready with the count', async () => {
    const sync = await withSeededProject();
    expect((await statusOf(h.store, 'acme'))?.index).toEqual({ state: 'loading', phones: 0 });
    await sync.load('acme');
    // +380671234567, +380501112233, +380931112233 and the hidden number kept as given (G1).
    expect((await statusOf(h.store, 'acme'))?.index).toEqual({ state: 'ready', phones: 4 });
    // Deals carry no phones: they are reached through their contact's; the newest deal answers.
    expect(await h.store.route('acme', '+380671234567', ['deals', 'leads', 'contacts'])).toEqual({
      entity: 'deals',
      recordId: 'd2',
      ownerUserId: 'u2',
    });
    expect(await h.store.route('acme', '+380501112233', ['contacts'])).toEqual({
      entity: 'contacts',
      recordId: 'c1',
      ownerUserId: 'u1',
    });
    expect(await h.store.route('acme', '+380931112233', ['deals', 'leads', 'contacts'])).toEqual({
      entity: 'leads',
      recordId: 'l1',
      ownerUserId: 'u2',
    });
  });

  it('G13: the poll picks up a record created in the CRM directly, and a record re-owned there', async () => {
    const sync = await withSeededProject();
    await sync.load('acme');
    const crm = h.registry.memoryOf('acme');
    if (!crm) throw new Error('no memory CRM');
    // A person typed in by a manager, and a deal moved to another manager, both outside the service.
    await crm.apply({
      key: 'manual#1',
      op: 'create_contact',
      record: { name: 'Walk-in', phones: ['+380 44 765 43 21'], ownerId: 'u2' },
    });
    await crm.apply({ key: 'manual#2', op: 'update_deal', id: 'd2', patch: { ownerId: 'u1' } });
    expect(await h.store.route('acme', '+380447654321', ['contacts'])).toBeNull();
    await sync.pollAll();
    expect(await h.store.route('acme', '+380447654321', ['contacts'])).toMatchObject({
      entity: 'contacts',
      ownerUserId: 'u2',
    });
    expect(await h.store.route('acme', '+380671234567', ['deals'])).toEqual({
      entity: 'deals',
      recordId: 'd2',
      ownerUserId: 'u1',
    });
    expect((await statusOf(h.store, 'acme'))?.index).toEqual({ state: 'ready', phones: 5 });
  });

  it('G13: a record the CRM reports deleted leaves the index on the next poll', async () => {
    h = await indexHarness();
    await h.addProject('acme', 'pipedrive', {
      project: UA,
      employees: EMPLOYEES,
      connection: { kind: 'memory', state: SEEDED },
    });
    // The memory CRM never deletes (the engine does not): this port reports l1 and c1 deleted on a poll, as Zoho's or Salesforce's deleted lists would.
    let deleted: IndexRemoval[] = [];
    const ports = (view: ProjectView): CrmPort => {
      const inner = h.registry.portFor(view);
      return {
        ...inner,
        findClient: (lookup) => inner.findClient(lookup),
        apply: (operation) => inner.apply(operation),
        listUsers: () => inner.listUsers(),
        listRecordsSince: async (since, cursor) => {
          const page = await (inner.listRecordsSince?.(since, cursor) ??
            Promise.reject(new Error('no reader')));
          return page.ok && since !== null
            ? { ok: true, value: { ...page.value, removed: deleted } }
            : page;
        },
      };
    };
    const sync = new IndexSync({
      store: h.store,
      projects: { get: async (id) => h.view(id) },
      ports,
      intervalSec: 300,
    });
    await sync.load('acme');
    expect(await h.store.route('acme', '+380931112233', ['leads'])).toMatchObject({
      recordId: 'l1',
    });
    deleted = [{ entity: 'leads', id: 'l1' }];
    await sync.pollAll();
    expect(await h.store.route('acme', '+380931112233', ['deals', 'leads', 'contacts'])).toBeNull();
    expect(await h.store.route('acme', '+380671234567', ['contacts'])).toMatchObject({
      recordId: 'c1',
    });
    deleted = [{ entity: 'contacts', id: 'c1' }];
    await sync.pollAll();
    expect(await h.store.route('acme', '+380671234567', ['contacts'])).toBeNull();
    // Its other phone goes with it; what was never deleted stays.
    expect(await h.store.route('acme', '+380501112233', ['contacts'])).toBeNull();
    expect((await statusOf(h.store, 'acme'))?.index.state).toBe('ready');
  });

  it("G13: a restarted service polls on from the read time kept in the store (so the CRM's deleted lists reach back to it), not afresh", async () => {
    h = await indexHarness();
    await h.addProject('acme', 'pipedrive', {
      project: UA,
      employees: EMPLOYEES,
      connection: { kind: 'memory', state: SEEDED },
    });
    const asked: Array<Date | null> = [];
    const ports = (view: ProjectView): CrmPort => {
      const inner = h.registry.portFor(view);
      return {
        findClient: (lookup) => inner.findClient(lookup),
        apply: (operation) => inner.apply(operation),
        listUsers: () => inner.listUsers(),
        listRecordsSince: (since, cursor) => {
          asked.push(since);
          return inner.listRecordsSince?.(since, cursor) ?? Promise.reject(new Error('no reader'));
        },
      };
    };
    const loadedAt = new Date('2026-03-02T10:00:00Z');
    const first = new IndexSync({
      store: h.store,
      projects: { get: async (id) => h.view(id) },
      ports,
      intervalSec: 300,
      now: () => loadedAt,
    });
    expect(await h.store.getIndexReadAt('acme')).toBeNull();
    await first.load('acme');
    expect(await h.store.getIndexReadAt('acme')).toEqual(loadedAt);
    // Another process (or this one after a restart) with nothing in memory.
    const second = new IndexSync({
      store: h.store,
      projects: { get: async (id) => h.view(id) },
      ports,
      intervalSec: 300,
      now: () => new Date('2026-03-02T10:05:00Z'),
    });
    await second.pollAll();
    expect(asked).toEqual([null, new Date('2026-03-02T09:59:00Z')]);
    expect(await h.store.getIndexReadAt('acme')).toEqual(new Date('2026-03-02T10:05:00Z'));
  });

  it('G13: the poll skips projects whose integration is not active', async () => {
    const sync = await withSeededProject();
    await h.store.moveIntegration('acme', 'inactive', 'operator', h.clock.now);
    await sync.pollAll();
    expect((await statusOf(h.store, 'acme'))?.index).toEqual({ state: 'loading', phones: 0 });
  });

  it('G13: the in-memory CRM lists only records modified at or after `since`', async () => {
    let now = new Date('2026-03-02T10:00:00Z');
    const crm = new MemoryCrm(
      'pipedrive',
      {
        ...CRM_STATE,
        contacts: [],
        leads: [],
        deals: [],
        organizations: [],
        tasks: [],
        comments: [],
        calls: [],
        notifications: [],
      },
      {
        texts: fitTexts('en'),
        now: () => now,
      },
    );
    await crm.apply({
      key: 'k1',
      op: 'create_contact',
      record: { phones: ['+380671234567'], ownerId: 'u1' },
    });
    now = new Date('2026-03-02T11:00:00Z');
    await crm.apply({
      key: 'k2',
      op: 'create_lead',
      record: { phones: [], contactId: 'c1', ownerId: 'u2', status: 'open' },
    });
    const page = await crm.listRecordsSince(new Date('2026-03-02T10:30:00Z'));
    expect(page.ok && page.value).toEqual({
      records: [
        {
          entity: 'leads',
          id: 'l1',
          phones: [],
          ownerId: 'u2',
          contactId: 'c1',
          createdAt: new Date('2026-03-02T11:00:00Z'),
        },
      ],
      next: null,
    });
    // A lead without phones of its own is reached through its contact's.
    expect(changesOf(page.ok ? page.value.records : [], 'UA')).toEqual([
      {
        kind: 'record',
        record: {
          entity: 'leads',
          recordId: 'l1',
          phones: [],
          ownerUserId: 'u2',
          createdOrder: Date.parse('2026-03-02T11:00:00Z'),
        },
        phonesOf: { entity: 'contacts', recordId: 'c1' },
      },
    ]);
  });
});

describe('phone index reload (G13)', () => {
  it('G13: an activation load starts afresh: a record no longer in the CRM leaves the index', async () => {
    const sync = await withSeededProject();
    await h.store.upsertIndex('acme', [
      {
        entity: 'contacts',
        recordId: 'gone',
        phones: ['+380991234567'],
        ownerUserId: 'u1',
        createdOrder: 1,
      },
    ]);
    await sync.load('acme');
    expect(await h.store.route('acme', '+380991234567', ['contacts'])).toBeNull();
    expect((await statusOf(h.store, 'acme'))?.index).toEqual({ state: 'ready', phones: 4 });
  });
});
