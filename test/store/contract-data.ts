import { expect, it } from 'vitest';
import { clientMemoryKey, type ClientMemory } from '../../src/domain/client-memory.js';
import { CALL_PHASE } from '../../src/domain/memory.js';
import { newCallMemory } from '../../src/engine/memory.js';
import {
  activeProject,
  at,
  callEvent,
  closedAfterEach,
  journalOf,
  T0,
  type FreshStore,
} from './contract.js';
import { InvalidCursorError } from '../../src/store/rows.js';
import type { Store } from '../../src/store/store.js';

// Contract cases: projects, keys, journal, memory, integration (plans under way are in
// contract-plans.ts, the phone index's in contract-index.ts).

export function dataCases(fresh: FreshStore): void {
  const openFresh = closedAfterEach(fresh);
  const open = async (): Promise<Store> => (await openFresh()).store;

  it('migrations: applied at open, recorded once; a second open of the same database is ready at once', async () => {
    const made = await openFresh();
    expect(await made.store.ready()).toBe(true);
    const second = await made.another();
    expect(await second.ready()).toBe(true);
  });

  it('projects: create then replace bump the version; expectedVersion guards; delete removes the project and its data', async () => {
    const store = await open();
    const created = await store.putProject({
      id: 'acme',
      crm: 'zoho',
      document: { crm: 'zoho', project: {} },
      secrets: 'enc:1',
      now: T0,
    });
    expect(created).toMatchObject({
      ok: true,
      created: true,
      project: { id: 'acme', version: 1, secrets: 'enc:1', updatedAt: T0 },
    });
    const replaced = await store.putProject({
      id: 'acme',
      crm: 'zoho',
      document: { crm: 'zoho', v: 2 },
      secrets: 'enc:2',
      now: at(1),
      expectedVersion: 1,
    });
    expect(replaced).toMatchObject({
      ok: true,
      created: false,
      project: { version: 2, document: { crm: 'zoho', v: 2 }, createdAt: T0, updatedAt: at(1) },
    });
    expect(
      await store.putProject({
        id: 'acme',
        crm: 'zoho',
        document: {},
        secrets: '',
        now: T0,
        expectedVersion: 1,
      }),
    ).toEqual({
      ok: false,
      reason: 'version-conflict',
      current: 2,
    });
    expect((await store.listProjects()).map((p) => p.id)).toEqual(['acme']);
    await store.insertEvents('acme', [callEvent('e1', 'c1')], T0);
    await store.createApiKey({ id: 'k1', projectId: 'acme', hash: 'h1', now: T0 });
    await store.putMemory('acme', 'call:c1', newCallMemory('c1', T0.toISOString()));
    expect(await store.deleteProject('acme')).toBe(true);
    expect(await store.deleteProject('acme')).toBe(false);
    expect(await store.getProject('acme')).toBeNull();
    expect(await store.getEvent('acme', 'e1')).toBeNull();
    expect(await store.findApiKey('h1')).toBeNull();
    expect(await store.getMemory('acme', 'call:c1')).toBeNull();
  });

  it('service §3: API keys are found by hash; the operator key has no project', async () => {
    const store = await open();
    expect(await store.hasOperatorKey()).toBe(false);
    await store.createApiKey({ id: 'admin', projectId: null, hash: 'h-admin', now: T0 });
    await store.createApiKey({ id: 'k1', projectId: 'acme', hash: 'h-1', now: T0 });
    expect(await store.hasOperatorKey()).toBe(true);
    expect(await store.findApiKey('h-1')).toEqual({
      id: 'k1',
      projectId: 'acme',
      hash: 'h-1',
      createdAt: T0,
    });
    expect((await store.findApiKey('h-admin'))?.projectId).toBeNull();
    expect(await store.findApiKey('nope')).toBeNull();
    expect(await store.deleteApiKey('k1')).toBe(true);
    expect(await store.findApiKey('h-1')).toBeNull();
  });

  it('service §5: the journal filters by callId, phone, outcome and time, and pages with a cursor', async () => {
    const store = await open();
    const project = await activeProject(store);
    const rows = [
      journalOf('e1', { callId: 'c1', phones: ['+380671234567'], at: at(0) }),
      journalOf('e2', {
        callId: 'c1',
        phones: ['+380671234567'],
        outcome: 'skipped',
        at: at(60_000),
      }),
      journalOf('e3', { callId: 'c2', phones: ['+380501112233'], at: at(120_000) }),
      journalOf('e4', {
        callId: null,
        phones: ['+380671234567', '+380501112233'],
        at: at(180_000),
      }),
      journalOf('e5', { callId: 'c3', phones: [], outcome: 'failed', at: at(240_000) }),
    ];
    await store.insertEvents(
      project,
      rows.map((row) => callEvent(row.entry.eventId, row.entry.eventId)),
      T0,
    );
    for (const item of await store.claimEvents('w', 10, 60_000, T0)) {
      const row = rows.find((r) => r.entry.eventId === item.eventId);
      if (!row) throw new Error('unexpected event');
      if (row.entry.outcome === 'failed') await store.fail('w', project, item.eventId, 'boom', row);
      else
        await store.complete('w', project, item.eventId, {
          outcome: row.entry.outcome,
          journal: row,
        });
    }
    const ids = async (query: Parameters<Store['listJournal']>[1]): Promise<string[]> =>
      (await store.listJournal(project, query)).entries.map((entry) => entry.eventId);
    expect(await ids({})).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(await ids({ callId: 'c1' })).toEqual(['e1', 'e2']);
    expect(await ids({ phone: '+380671234567' })).toEqual(['e1', 'e2', 'e4']);
    expect(await ids({ outcome: 'skipped' })).toEqual(['e2']);
    expect(await ids({ outcome: 'failed' })).toEqual(['e5']);
    expect(await ids({ from: at(60_000), to: at(180_000) })).toEqual(['e2', 'e3', 'e4']);
    expect(await ids({ phone: '+380501112233', from: at(150_000) })).toEqual(['e4']);
    // The caller: the entry's client phone (the least of several), absent when it names none.
    const callers = (await store.listJournal(project, {})).entries.map((entry) => entry.caller);
    expect(callers).toEqual([
      '+380671234567',
      '+380671234567',
      '+380501112233',
      '+380501112233',
      undefined,
    ]);
    expect(
      'caller' in ((await store.listJournal(project, { outcome: 'failed' })).entries[0] ?? {}),
    ).toBe(false);
    const first = await store.listJournal(project, { limit: 2 });
    expect(first.entries[0]).toMatchObject({
      eventId: 'e1',
      outcome: 'applied',
      at: T0.toISOString(),
      operations: [],
    });
    const pages = [first.entries.map((e) => e.eventId)];
    let next = first.next;
    while (next !== null) {
      const page = await store.listJournal(project, { limit: 2, cursor: next });
      pages.push(page.entries.map((e) => e.eventId));
      next = page.next;
    }
    expect(pages).toEqual([['e1', 'e2'], ['e3', 'e4'], ['e5']]);
    await expect(store.listJournal(project, { cursor: 'garbage' })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
  });

  it('D6: memory is kept per project and key, replaced on put, and stored by complete', async () => {
    const store = await open();
    const project = await activeProject(store);
    const memory = { ...newCallMemory('c1', T0.toISOString()), phase: CALL_PHASE.started };
    await store.putMemory(project, 'call:c1', memory);
    expect(await store.getMemory(project, 'call:c1')).toEqual(memory);
    expect(await store.getMemory('other', 'call:c1')).toBeNull();
    await store.insertEvents(project, [callEvent('e1', 'c1')], T0);
    await store.claimEvents('w', 1, 60_000, T0);
    const ended = { ...memory, phase: CALL_PHASE.ended };
    await store.complete('w', project, 'e1', {
      outcome: 'applied',
      journal: journalOf('e1'),
      memory: { key: 'call:c1', memory: ended },
    });
    expect(await store.getMemory(project, 'call:c1')).toEqual(ended);
  });

  it("issue 14 item 2: a client's memory (open call-back tasks) is stored by complete beside the call's, and read by its key", async () => {
    const store = await open();
    const project = await activeProject(store);
    const key = clientMemoryKey('+380671234567');
    expect(await store.getClientMemory(project, key)).toBeNull();
    await store.insertEvents(project, [callEvent('e1', 'c1')], T0);
    await store.claimEvents('w', 1, 60_000, T0);
    const client: ClientMemory = {
      kind: 'client',
      phone: '+380671234567',
      callbacks: [{ taskId: 't1', callId: 'c1', at: T0.toISOString() }],
    };
    await store.complete('w', project, 'e1', {
      outcome: 'applied',
      journal: journalOf('e1'),
      memory: { key: 'call:c1', memory: newCallMemory('c1', T0.toISOString()) },
      clientMemory: { key, memory: client },
    });
    expect(await store.getClientMemory(project, key)).toEqual(client);
    expect(await store.getClientMemory('other', key)).toBeNull();
    // A call's memory is never read as a client's.
    expect(await store.getClientMemory(project, 'call:c1')).toBeNull();
  });

  it('style §2.4: integration moves follow the allowed list; staying put keeps since', async () => {
    const store = await open();
    await store.putProject({ id: 'acme', crm: 'zoho', document: {}, secrets: '', now: T0 });
    expect(await store.getIntegration('acme')).toEqual({
      state: 'inactive',
      since: T0,
      reason: null,
    });
    expect(await store.getIntegration('missing')).toBeNull();
    const refused = await store.moveIntegration('acme', 'broken', 'token revoked', at(1));
    expect(refused).toMatchObject({ ok: false, integration: { state: 'inactive' } });
    expect(await store.moveIntegration('acme', 'active', null, at(2))).toEqual({
      ok: true,
      integration: { state: 'active', since: at(2), reason: null },
    });
    expect(await store.moveIntegration('acme', 'active', null, at(3))).toMatchObject({
      ok: true,
      integration: { since: at(2) },
    });
    await store.moveIntegration('acme', 'broken', 'token revoked', at(4));
    expect(await store.getIntegration('acme')).toEqual({
      state: 'broken',
      since: at(4),
      reason: 'token revoked',
    });
    expect(await store.moveIntegration('acme', 'inactive', 'operator', at(5))).toMatchObject({
      ok: true,
    });
  });
}
