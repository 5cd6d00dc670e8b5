import { expect, it } from 'vitest';
import type { Event } from '../../src/domain/events.js';
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
import type { InboxEvent, Store } from '../../src/store/store.js';

// Contract cases: the inbox and claims (service §4–5, D7); retries, the dead
// letter and the G10 resend are in contract-held.ts.

export function inboxCases(fresh: FreshStore): void {
  const open = closedAfterEach(fresh);

  it('service §4: insertEvents counts duplicates (stored and within the request) and stores each event once', async () => {
    const { store } = await open();
    await store.putProject({ id: 'acme', crm: 'zoho', document: {}, secrets: '', now: T0 });
    expect(
      await store.insertEvents('acme', [callEvent('e1', 'c1'), callEvent('e2', 'c1')], T0),
    ).toEqual({ accepted: 2, duplicates: 0 });
    expect(
      await store.insertEvents(
        'acme',
        [callEvent('e2', 'c1'), callEvent('e3', 'c1'), callEvent('e3', 'c1')],
        T0,
      ),
    ).toEqual({
      accepted: 1,
      duplicates: 2,
    });
    // The same event id in another project is another event.
    await store.putProject({ id: 'other', crm: 'zoho', document: {}, secrets: '', now: T0 });
    expect(await store.insertEvents('other', [callEvent('e1', 'c1')], T0)).toEqual({
      accepted: 1,
      duplicates: 0,
    });
    expect((await store.countEvents('acme')).pending).toBe(3);
    // The queue-depth gauge's count: per project, and across projects.
    expect(await store.countPending('acme')).toBe(3);
    expect(await store.countPending()).toBe(4);
    const stored = await store.getEvent('acme', 'e3');
    expect(stored?.event).toMatchObject({
      eventId: 'e3',
      orderingKey: 'call:c1',
      state: 'pending',
      attempts: 0,
    });
    expect(stored?.event.event).toEqual(callEvent('e3', 'c1').event);
  });

  it('service §4: a request that fails part-way stores nothing (all or nothing)', async () => {
    const { store } = await open();
    await store.putProject({ id: 'acme', crm: 'zoho', document: {}, secrets: '', now: T0 });
    const many = Array.from({ length: 150 }, (_, i) => callEvent(`ok-${i}`, `c${i}`));
    // A time the database refuses, after more than one chunk has been written.
    const bad: Event = { ...recording('bad', 'cx'), at: 'not a time' };
    const broken = { event: bad, orderingKey: 'call:cx' };
    await expect(store.insertEvents('acme', [...many, broken], T0)).rejects.toThrow();
    expect((await store.countEvents('acme')).pending).toBe(0);
    expect(await store.insertEvents('acme', many, T0)).toEqual({ accepted: 150, duplicates: 0 });
  });

  it('service §4: concurrent requests share commits; each is counted alone, and a failing one sinks no other', async () => {
    const { store } = await open();
    await store.putProject({ id: 'acme', crm: 'zoho', document: {}, secrets: '', now: T0 });
    await store.putProject({ id: 'other', crm: 'zoho', document: {}, secrets: '', now: T0 });
    const bad: Event = { ...recording('bad', 'cx'), at: 'not a time' };
    const requests = Array.from({ length: 30 }, (_, i) =>
      i === 7
        ? store.insertEvents(
            'acme',
            [callEvent('r7', 'c7'), { event: bad, orderingKey: 'call:cx' }],
            T0,
          )
        : store.insertEvents(
            i % 2 ? 'acme' : 'other',
            [callEvent(`r${i}`, `c${i}`), callEvent(`shared-${i % 3}`, 'cs')],
            T0,
          ),
    );
    const results = await Promise.allSettled(requests);
    expect(results[7]?.status).toBe('rejected');
    const fulfilled = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(fulfilled).toHaveLength(29);
    // Per project, each `shared-N` is stored once: the later copies count as duplicates of their own request.
    expect(fulfilled.reduce((sum, r) => sum + r.accepted, 0)).toBe(29 + 6);
    expect(fulfilled.reduce((sum, r) => sum + r.duplicates, 0)).toBe(29 - 6);
    expect(
      (await store.countEvents('acme')).pending + (await store.countEvents('other')).pending,
    ).toBe(35);
    expect(await store.getEvent('acme', 'r7')).toBeNull();
  });

  it('D7: one event per ordering key at a time, in received order; other keys run in parallel', async () => {
    const { store } = await open();
    const project = await activeProject(store);
    await store.insertEvents(
      project,
      [callEvent('a1', 'A'), callEvent('b1', 'B'), callEvent('a2', 'A'), callEvent('a3', 'A')],
      T0,
    );
    const first = await store.claimEvents('w1', 10, 60_000, T0);
    expect(first.map((e) => e.eventId)).toEqual(['a1', 'b1']);
    expect(first.at(0)).toMatchObject({ claimedBy: 'w1', attempts: 1, state: 'pending' });
    // Claimed but unfinished: a2 stays held back.
    expect(await store.claimEvents('w2', 10, 60_000, T0)).toEqual([]);
    expect(
      await store.complete('w1', project, 'a1', { outcome: 'applied', journal: journalOf('a1') }),
    ).toBe(true);
    expect((await store.claimEvents('w2', 10, 60_000, T0)).map((e) => e.eventId)).toEqual(['a2']);
    await store.complete('w2', project, 'a2', {
      outcome: 'skipped',
      journal: journalOf('a2', { outcome: 'skipped' }),
    });
    expect(await drain(store, project)).toEqual(['a3']);
  });

  it('D7: a failed event holds back only the later events of its call until it is retried', async () => {
    const { store } = await open();
    const project = await activeProject(store);
    await store.insertEvents(
      project,
      [callEvent('a1', 'A'), callEvent('a2', 'A'), callEvent('b1', 'B')],
      T0,
    );
    await store.claimEvents('w', 1, 60_000, T0);
    expect(await store.fail('w', project, 'a1', 'CRM said no')).toBe(true);
    expect(await drain(store, project)).toEqual(['b1']);
    expect(await store.retry(project, 'a1', T0)).toBe(true);
    expect(await drain(store, project)).toEqual(['a1', 'a2']);
  });

  it("D7: with the client as ordering key, a failed event holds back its own call only; the client's other calls go on, in order", async () => {
    const { store } = await open();
    const project = await activeProject(store);
    const ofClient = (eventId: string, callId: string, when: string) => ({
      event: recording(eventId, callId, when),
      orderingKey: 'client:+380671234567',
    });
    await store.insertEvents(
      project,
      [
        ofClient('a1', 'A', '2026-03-10T09:00:00Z'),
        ofClient('a2', 'A', '2026-03-10T09:01:00Z'),
        ofClient('b1', 'B', '2026-03-10T09:02:00Z'),
        ofClient('b2', 'B', '2026-03-10T09:03:00Z'),
      ],
      T0,
    );
    expect((await store.claimEvents('w', 10, 60_000, T0)).map((e) => e.eventId)).toEqual(['a1']);
    expect(await store.fail('w', project, 'a1', 'CRM said no')).toBe(true);
    expect(await drain(store, project)).toEqual(['b1', 'b2']);
    expect((await store.getEvent(project, 'a2'))?.event.state).toBe('pending');
    expect(await store.retry(project, 'a1', T0)).toBe(true);
    expect(await drain(store, project)).toEqual(['a1', 'a2']);
  });

  it('D7/D11: events of a call go in event order; a call.ended waiting for its call.started does not hold that call.started back', async () => {
    const { store } = await open();
    const project = await activeProject(store);
    await store.insertEvents(project, [callEvent('ended', 'A', '2026-03-10T09:05:00Z')], T0);
    const [ended] = await store.claimEvents('w1', 10, 60_000, T0);
    expect(ended?.eventId).toBe('ended');
    // Its call.started has not arrived: the worker waits for it (grace period).
    await store.scheduleRetry('w1', project, 'ended', 'call.started missing', at(60_000));
    await store.insertEvents(
      project,
      [callEvent('started', 'A', '2026-03-10T09:00:00Z')],
      at(1_000),
    );
    const [started] = await store.claimEvents('w2', 10, 60_000, at(1_000));
    expect(started?.eventId).toBe('started');
    // In flight, the call.started holds back every other event of its call.
    expect(await store.claimEvents('w3', 10, 60_000, at(60_000))).toEqual([]);
    await store.complete('w2', project, 'started', {
      outcome: 'applied',
      journal: journalOf('started'),
    });
    expect((await store.claimEvents('w3', 10, 60_000, at(60_000))).map((e) => e.eventId)).toEqual([
      'ended',
    ]);
  });

  it('D7: an event that arrives with an earlier time than one in flight waits for it (never two events of a key at once)', async () => {
    const { store } = await open();
    const project = await activeProject(store);
    await store.insertEvents(project, [callEvent('later', 'A', '2026-03-10T09:05:00Z')], T0);
    await store.claimEvents('w1', 10, 60_000, T0);
    await store.insertEvents(
      project,
      [callEvent('earlier', 'A', '2026-03-10T09:00:00Z'), callEvent('other', 'B')],
      T0,
    );
    expect((await store.claimEvents('w2', 10, 60_000, T0)).map((e) => e.eventId)).toEqual([
      'other',
    ]);
    await store.complete('w1', project, 'later', {
      outcome: 'applied',
      journal: journalOf('later'),
    });
    expect((await store.claimEvents('w2', 10, 60_000, T0)).map((e) => e.eventId)).toEqual([
      'earlier',
    ]);
  });

  it('service §5: only projects whose integration is active hand out events (held while broken or inactive)', async () => {
    const { store } = await open();
    await store.putProject({ id: 'acme', crm: 'zoho', document: {}, secrets: '', now: T0 });
    await store.insertEvents('acme', [callEvent('e1', 'c1')], T0);
    expect(await store.claimEvents('w', 10, 60_000, T0)).toEqual([]);
    await store.moveIntegration('acme', 'active', null, T0);
    await store.moveIntegration('acme', 'broken', 'token revoked', T0);
    expect(await store.claimEvents('w', 10, 60_000, T0)).toEqual([]);
    await store.moveIntegration('acme', 'active', null, T0);
    expect((await store.claimEvents('w', 10, 60_000, T0)).map((e) => e.eventId)).toEqual(['e1']);
  });

  it('D13: two concurrent claimers (separate connections) never get the same event, and each call stays in order', async () => {
    const made = await open();
    const store = made.store;
    const second = await made.another();
    const project = await activeProject(store);
    const events = Array.from({ length: 60 }, (_, i) =>
      callEvent(`e${String(i).padStart(2, '0')}`, `c${i % 6}`),
    );
    await store.insertEvents(project, events, T0);
    const handedOut: string[] = [];
    const work = async (worker: string, s: Store): Promise<void> => {
      for (let idle = 0; idle < 50;) {
        const claimed = await s.claimEvents(worker, 3, 60_000, T0);
        if (claimed.length === 0) {
          idle += 1;
          await new Promise((resolve) => setImmediate(resolve));
          continue;
        }
        idle = 0;
        for (const item of claimed) {
          handedOut.push(item.eventId);
          expect(
            await s.complete(worker, project, item.eventId, {
              outcome: 'applied',
              journal: journalOf(item.eventId),
            }),
          ).toBe(true);
        }
      }
    };
    await Promise.all([work('w1', store), work('w2', second)]);
    expect(new Set(handedOut).size).toBe(handedOut.length);
    expect([...handedOut].sort()).toEqual(events.map((e) => e.event.eventId).sort());
    for (let call = 0; call < 6; call += 1) {
      const ofCall = handedOut.filter((id) => Number(id.slice(1)) % 6 === call);
      expect(ofCall).toEqual([...ofCall].sort());
    }
    expect((await store.countEvents(project)).applied).toBe(60);
  });

  it('lease: an expired lease is claimed again, and the first worker can no longer finish it', async () => {
    const { store } = await open();
    const project = await activeProject(store);
    await store.insertEvents(project, [callEvent('e1', 'c1')], T0);
    await store.claimEvents('w1', 1, 1_000, T0);
    expect(await store.claimEvents('w2', 1, 1_000, at(999))).toEqual([]);
    expect(await store.renewLease('w1', project, 'e1', 1_000, at(500))).toBe(true);
    expect(await store.claimEvents('w2', 1, 1_000, at(1_400))).toEqual([]);
    const again = await store.claimEvents('w2', 1, 1_000, at(1_500));
    expect(again.map((e: InboxEvent) => [e.eventId, e.claimedBy, e.attempts])).toEqual([
      ['e1', 'w2', 2],
    ]);
    expect(
      await store.complete('w1', project, 'e1', { outcome: 'applied', journal: journalOf('e1') }),
    ).toBe(false);
    expect(await store.renewLease('w1', project, 'e1', 1_000, at(1_600))).toBe(false);
    expect(
      await store.complete('w2', project, 'e1', { outcome: 'applied', journal: journalOf('e1') }),
    ).toBe(true);
    expect((await store.listJournal(project, {})).entries).toHaveLength(1);
  });

  it('service §4 / D6: concurrent completions (one shared commit on PostgreSQL) each land whole: state, journal with phones, memory; a lost lease among them changes nothing', async () => {
    const { store } = await open();
    const project = await activeProject(store);
    const calls = ['c1', 'c2', 'c3', 'c4', 'c5'];
    await store.insertEvents(
      project,
      calls.map((call) => callEvent(`e-${call}`, call)),
      T0,
    );
    const claimed = await store.claimEvents('w1', 10, 60_000, T0);
    expect(claimed).toHaveLength(5);
    const memory = (call: string) => ({
      key: `call:${call}`,
      memory: { kind: 'call' as const, callId: call } as never,
    });
    const results = await Promise.all(
      calls.map((call) =>
        store.complete(call === 'c3' ? 'someone-else' : 'w1', project, `e-${call}`, {
          outcome: 'applied',
          journal: journalOf(`e-${call}`, {
            callId: call,
            phones: ['+380501234567', '+380501234567'],
          }),
          memory: memory(call),
        }),
      ),
    );
    expect(results).toEqual([true, true, false, true, true]);
    expect((await store.countEvents(project)).applied).toBe(4);
    expect((await store.getEvent(project, 'e-c3'))?.event.state).toBe('pending');
    const journal = await store.listJournal(project, { phone: '+380501234567' });
    expect(journal.entries.map((entry) => entry.eventId).sort()).toEqual([
      'e-c1',
      'e-c2',
      'e-c4',
      'e-c5',
    ]);
    expect(await store.getMemory(project, 'call:c2')).toEqual({ kind: 'call', callId: 'c2' });
    expect(await store.getMemory(project, 'call:c3')).toBeNull();
  });
}
