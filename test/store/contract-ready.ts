import { expect, it } from 'vitest';
import {
  activeProject,
  at,
  callEvent,
  closedAfterEach,
  drain,
  journalOf,
  recording,
  T0,
  type FreshStore,
} from './contract.js';
import type { Store } from '../../src/store/store.js';

// Contract cases: claims read the ready table (issue 10). The ordering rules
// of D7/D11 are the inbox cases' (contract-inbox.ts); these pin what the table
// adds: parked keys, leases and releases move a key's readiness, nothing else.

export function readyCases(fresh: FreshStore): void {
  const openFresh = closedAfterEach(fresh);
  const open = async (): Promise<Store> => (await openFresh()).store;

  it('D7: a head waiting for its retry holds back its own key only; other keys are claimed meanwhile, and the head at its time', async () => {
    const store = await open();
    const project = await activeProject(store);
    const parked = Array.from({ length: 40 }, (_, i) => callEvent(`p${i}`, `P${i}`));
    await store.insertEvents(project, parked, T0);
    for (const item of await store.claimEvents('w', 100, 60_000, T0))
      expect(await store.scheduleRetry('w', project, item.eventId, 'CRM 429', at(10_000))).toBe(
        true,
      );
    // Later events of the parked keys, and one client with nothing parked.
    await store.insertEvents(
      project,
      [...parked.map((_, i) => callEvent(`q${i}`, `P${i}`)), callEvent('fresh', 'F')],
      at(1_000),
    );
    expect((await store.claimEvents('w', 100, 60_000, at(1_000))).map((e) => e.eventId)).toEqual([
      'fresh',
    ]);
    expect(await store.claimEvents('w', 100, 60_000, at(9_999))).toEqual([]);
    const due = await store.claimEvents('w', 100, 60_000, at(10_000));
    expect(due.map((e) => e.eventId).sort()).toEqual(parked.map((e) => e.event.eventId).sort());
    expect(due.every((e) => e.attempts === 2)).toBe(true);
  });

  it('D7: a released head is at once claimable again; its key holds back its later events until it completes', async () => {
    const store = await open();
    const project = await activeProject(store);
    await store.insertEvents(project, [callEvent('a1', 'A'), callEvent('a2', 'A')], T0);
    expect((await store.claimEvents('w1', 10, 60_000, T0)).map((e) => e.eventId)).toEqual(['a1']);
    expect(await store.release('w1', project, 'a1')).toBe(true);
    expect((await store.claimEvents('w2', 10, 60_000, T0)).map((e) => e.eventId)).toEqual(['a1']);
    expect(await store.claimEvents('w3', 10, 60_000, T0)).toEqual([]);
    await store.complete('w2', project, 'a1', { outcome: 'applied', journal: journalOf('a1') });
    expect(await drain(store, project)).toEqual(['a2']);
  });

  it('D7/D11: a late event with an earlier time becomes its key head behind one in flight, and a parked head does not hold it back', async () => {
    const store = await open();
    const project = await activeProject(store);
    const ofClient = (eventId: string, callId: string, when: string) => ({
      event: recording(eventId, callId, when),
      orderingKey: 'client:+380671234567',
    });
    await store.insertEvents(project, [ofClient('b2', 'B', '2026-03-10T09:05:00Z')], T0);
    await store.claimEvents('w', 10, 60_000, T0);
    await store.insertEvents(project, [ofClient('a1', 'A', '2026-03-10T09:00:00Z')], T0);
    // b2 in flight: nothing else of the client goes.
    expect(await store.claimEvents('w', 10, 60_000, T0)).toEqual([]);
    await store.scheduleRetry('w', project, 'b2', 'CRM 503', at(30_000));
    // b2 parked, a1 earlier: a1 is the client's head now.
    expect((await store.claimEvents('w', 10, 60_000, at(1))).map((e) => e.eventId)).toEqual(['a1']);
    await store.complete('w', project, 'a1', { outcome: 'applied', journal: journalOf('a1') });
    expect(await store.claimEvents('w', 10, 60_000, at(29_999))).toEqual([]);
    expect(await drain(store, project, at(30_000))).toEqual(['b2']);
  });

  it('service §5: a broken project keeps its ready keys; they are claimed again once it is active, in readiness order', async () => {
    const store = await open();
    const project = await activeProject(store);
    await store.insertEvents(project, [callEvent('e1', 'c1'), callEvent('e2', 'c2')], T0);
    await store.moveIntegration(project, 'broken', 'token revoked', T0);
    await store.insertEvents(project, [callEvent('e3', 'c3')], at(5));
    expect(await store.claimEvents('w', 10, 60_000, at(10))).toEqual([]);
    await store.moveIntegration(project, 'active', null, at(10));
    expect((await store.claimEvents('w', 2, 60_000, at(10))).map((e) => e.eventId)).toEqual([
      'e1',
      'e2',
    ]);
    expect((await store.claimEvents('w', 2, 60_000, at(10))).map((e) => e.eventId)).toEqual(['e3']);
  });

  it("projects: getProjectVersion answers the stored version alone (the project cache's check), null once deleted", async () => {
    const store = await open();
    expect(await store.getProjectVersion('acme')).toBeNull();
    await activeProject(store);
    expect(await store.getProjectVersion('acme')).toBe(1);
    await store.putProject({ id: 'acme', crm: 'pipedrive', document: {}, secrets: '', now: T0 });
    expect(await store.getProjectVersion('acme')).toBe(2);
    await store.deleteProject('acme');
    expect(await store.getProjectVersion('acme')).toBeNull();
  });

  it('delete: a deleted project leaves no ready key behind; the same id recreated starts empty', async () => {
    const store = await open();
    const project = await activeProject(store);
    await store.insertEvents(project, [callEvent('e1', 'c1')], T0);
    expect(await store.deleteProject(project)).toBe(true);
    await activeProject(store, project);
    expect(await store.claimEvents('w', 10, 60_000, T0)).toEqual([]);
  });
}
