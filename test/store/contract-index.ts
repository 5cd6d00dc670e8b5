import { expect, it } from 'vitest';
import { activeProject, closedAfterEach, type FreshStore } from './contract.js';
import type { Store } from '../../src/store/store.js';

// Contract cases: the phone index (G13): routes, upserts and the index changes
// the service's own writes make.

export function indexCases(fresh: FreshStore): void {
  const openFresh = closedAfterEach(fresh);
  const open = async (): Promise<Store> => (await openFresh()).store;

  it('G13: route answers the first entity of the priority, newest record first; upsert replaces a record’s phones', async () => {
    const store = await open();
    const project = await activeProject(store);
    const phone = '+380671234567';
    expect(await store.indexStatus(project)).toEqual({ state: 'loading', phones: 0 });
    await store.upsertIndex(project, [
      {
        entity: 'contacts',
        recordId: 'p1',
        phones: [phone, '+380501112233'],
        ownerUserId: 'u1',
        createdOrder: 1,
      },
      { entity: 'leads', recordId: 'l1', phones: [phone], ownerUserId: 'u2', createdOrder: 2 },
      { entity: 'deals', recordId: 'd1', phones: [phone], ownerUserId: 'u3', createdOrder: 3 },
      { entity: 'deals', recordId: 'd2', phones: [phone], ownerUserId: null, createdOrder: 4 },
    ]);
    // Issue 11 item 4: a failed load keeps its reason until a load succeeds.
    await store.setIndexState(project, 'failed', 'HTTP 503 from the CRM');
    expect(await store.indexStatus(project)).toEqual({
      state: 'failed',
      phones: 2,
      reason: 'HTTP 503 from the CRM',
    });
    await store.setIndexState(project, 'ready');
    expect(await store.indexStatus(project)).toEqual({ state: 'ready', phones: 2 });
    expect(await store.route(project, phone, ['deals', 'leads', 'contacts'])).toEqual({
      entity: 'deals',
      recordId: 'd2',
      ownerUserId: null,
    });
    expect(await store.route(project, phone, ['leads', 'deals', 'contacts'])).toEqual({
      entity: 'leads',
      recordId: 'l1',
      ownerUserId: 'u2',
    });
    expect(await store.route(project, '+380501112233', ['deals', 'leads'])).toBeNull();
    expect(await store.route(project, '+380501112233', ['deals', 'contacts'])).toMatchObject({
      recordId: 'p1',
    });
    expect(await store.route('other', phone, ['deals'])).toBeNull();
    await store.upsertIndex(project, [
      {
        entity: 'leads',
        recordId: 'l1',
        phones: ['+380939999999'],
        ownerUserId: 'u2',
        createdOrder: 2,
      },
    ]);
    expect(await store.route(project, phone, ['leads', 'contacts'])).toMatchObject({
      entity: 'contacts',
      recordId: 'p1',
    });
    await store.removeFromIndex(project, 'contacts', 'p1');
    expect(await store.route(project, phone, ['leads', 'contacts'])).toBeNull();
    await store.clearIndex(project);
    expect((await store.indexStatus(project)).phones).toBe(0);
  });

  it('G13: index changes: a record replaces its rows, a deal takes its contact’s phones, a re-owned record keeps its order', async () => {
    const store = await open();
    const project = await activeProject(store);
    const phone = '+380671234567';
    await store.applyIndexChanges(project, [
      {
        kind: 'record',
        record: {
          entity: 'contacts',
          recordId: 'p1',
          phones: [phone],
          ownerUserId: 'u1',
          createdOrder: 10,
        },
      },
      {
        kind: 'record',
        record: {
          entity: 'deals',
          recordId: 'd1',
          phones: [],
          ownerUserId: 'u2',
          createdOrder: 11,
        },
        phonesOf: { entity: 'contacts', recordId: 'p1' },
      },
      {
        kind: 'record',
        record: {
          entity: 'deals',
          recordId: 'd0',
          phones: [phone],
          ownerUserId: 'u3',
          createdOrder: 5,
        },
      },
    ]);
    expect(await store.route(project, phone, ['deals'])).toEqual({
      entity: 'deals',
      recordId: 'd1',
      ownerUserId: 'u2',
    });
    // Re-owning the older deal keeps it older: the newest deal still answers.
    await store.applyIndexChanges(project, [
      { kind: 'owner', entity: 'deals', recordId: 'd0', ownerUserId: 'u9', phones: [] },
    ]);
    expect(await store.route(project, phone, ['deals'])).toMatchObject({ recordId: 'd1' });
    await store.applyIndexChanges(project, [
      {
        kind: 'owner',
        entity: 'contacts',
        recordId: 'p1',
        ownerUserId: 'u7',
        phones: ['+380000000000'],
      },
    ]);
    expect(await store.route(project, phone, ['contacts'])).toEqual({
      entity: 'contacts',
      recordId: 'p1',
      ownerUserId: 'u7',
    });
    expect(await store.route(project, '+380000000000', ['contacts'])).toBeNull();
    // A re-owned record not indexed yet is added with the phones the lookup saw.
    await store.applyIndexChanges(project, [
      {
        kind: 'owner',
        entity: 'leads',
        recordId: 'l5',
        ownerUserId: 'u4',
        phones: ['+380501112233'],
      },
    ]);
    expect(await store.route(project, '+380501112233', ['leads'])).toEqual({
      entity: 'leads',
      recordId: 'l5',
      ownerUserId: 'u4',
    });
    expect((await store.indexStatus(project)).phones).toBe(2);
    // G13: the index's last read time is kept for a restart to poll on from.
    expect(await store.getIndexReadAt(project)).toBeNull();
    await store.setIndexReadAt(project, new Date('2026-03-02T10:00:00Z'));
    expect(await store.getIndexReadAt(project)).toEqual(new Date('2026-03-02T10:00:00Z'));
    // A record deleted in the CRM leaves; the others keep answering.
    await store.applyIndexChanges(project, [{ kind: 'removed', entity: 'leads', recordId: 'l5' }]);
    expect(await store.route(project, '+380501112233', ['leads'])).toBeNull();
    expect(await store.route(project, phone, ['contacts'])).toMatchObject({ recordId: 'p1' });
  });
}
