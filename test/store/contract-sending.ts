import { expect, it } from 'vitest';
import { event } from '../admin/events.js';
import { fitTexts } from '../../src/crm/capabilities.js';
import { MemoryCrm } from '../../src/crm/memory/adapter.js';
import type { ApplyOptions, CrmPort } from '../../src/crm/port.js';
import type { Decision } from '../../src/domain/decision.js';
import { memoryKey } from '../../src/domain/memory.js';
import { EmployeesSchema, ProjectSettingsSchema } from '../../src/domain/project.js';
import { EMPTY_CLIENT, SnapshotSchema } from '../../src/domain/snapshot.js';
import { projectContext } from '../../src/engine/decide.js';
import { runEvent } from '../../src/pipeline/run.js';
import { StoreLedger } from '../../src/store/ledger.js';
import {
  activeProject,
  callEvent,
  closedAfterEach,
  journalOf,
  T0,
  type FreshStore,
} from './contract.js';

// Contract cases: D13's write-ahead "sending" marks (migration 14). A create is marked
// before its request leaves; a mark that never got its id tells the resumed run the write
// may have landed, so the adapter searches for it instead of sending it blind.

export function sendingCases(fresh: FreshStore): void {
  const open = closedAfterEach(fresh);
  const decision: Decision = {
    conditions: ['incoming.missed'],
    outcome: 'applied',
    plan: [],
    skipped: [],
    memory: null,
  };
  const context = { memory: null, client: EMPTY_CLIENT };

  it('D13: a sending mark is durable, seen by another process, filled in by the id, and gone with the plan', async () => {
    const made = await open();
    const { store } = made;
    const project = await activeProject(store);
    await store.savePlan(project, 'e1', decision, context);
    await store.markSending(project, 'e1', 'e1#0');
    await store.markSending(project, 'e1', 'e1#1');
    await store.recordOperation(project, 'e1', 'e1#1', 'deal-1');
    // Another process (a worker started after a kill -9) reads the same plan.
    const second = await made.another();
    const plan = await second.getPlan(project, 'e1');
    expect([...(plan?.sending ?? [])]).toEqual(['e1#0']);
    expect([...(plan?.ids ?? [])]).toEqual([['e1#1', 'deal-1']]);
    const state = await second.getWorkState(project, null, 'e1');
    expect([...(state.plan?.sending ?? [])]).toEqual(['e1#0']);
    // A mark made again does not erase a recorded id.
    await store.markSending(project, 'e1', 'e1#1');
    expect((await store.getPlan(project, 'e1'))?.ids.get('e1#1')).toBe('deal-1');
    await store.recordOperation(project, 'e1', 'e1#0', 'person-1');
    const after = await store.getPlan(project, 'e1');
    expect(after?.sending.size).toBe(0);
    expect(after?.ids.get('e1#0')).toBe('person-1');
    await store.markSending(project, 'e2', 'e2#0');
    await store.insertEvents(project, [callEvent('e1', 'c1')], T0);
    await store.claimEvents('w', 1, 60_000, T0);
    await store.complete('w', project, 'e1', { outcome: 'applied', journal: journalOf('e1') });
    expect(await store.getPlan(project, 'e1')).toBeNull();
  });

  it('D13: a run killed between the CRM answer and the recorded id resumes with that create uncertain, the rest not', async () => {
    const made = await open();
    const { store } = made;
    const project = await activeProject(store);
    const settings = ProjectSettingsSchema.parse({ defaultCountry: 'UA', timezone: 'Europe/Kyiv' });
    const employees = EmployeesSchema.parse([
      { id: 'e1', name: 'Olena', crmUserId: 'u1', extension: '100', topManager: true },
    ]);
    const crm = new MemoryCrm(
      'pipedrive',
      SnapshotSchema.parse({ users: [{ id: 'u1', name: 'Olena' }] }),
      { defaultCountry: 'UA', texts: fitTexts('en') },
    );
    const calls: Array<{ key: string; uncertain: boolean }> = [];
    let answered = 0;
    let dieAfter = 2; // the second create's answer arrives, then the process dies
    const port: CrmPort = {
      findClient: (lookup) => crm.findClient(lookup),
      apply: async (operation, how?: ApplyOptions) => {
        calls.push({ key: operation.key, uncertain: how?.uncertain === true });
        const result = await crm.apply(operation);
        if (++answered === dieAfter) throw new Error('kill -9');
        return result;
      },
      listUsers: () => crm.listUsers(),
    };
    const ended = event({
      eventId: 'x',
      type: 'call.ended',
      callId: 'c1',
      at: '2026-03-10T09:01:00Z',
      direction: 'incoming',
      from: '+380671234567',
      to: '+380441234567',
      disposition: 'missed',
    });
    await store.insertEvents(project, [{ event: ended, orderingKey: memoryKey(ended) ?? '' }], T0);
    const deps = { crm: port, project: projectContext('pipedrive', settings, employees) };
    await expect(
      runEvent(ended, { ...deps, ledger: new StoreLedger(store, project) }),
    ).rejects.toThrow('kill -9');
    const died = calls.map((call) => call.key);
    expect(died.length).toBe(2);
    expect(calls.every((call) => !call.uncertain)).toBe(true);
    // The restarted process: a new store connection, a new ledger.
    dieAfter = 0;
    calls.length = 0;
    const again = await runEvent(ended, {
      ...deps,
      ledger: new StoreLedger(await made.another(), project),
    });
    expect(again.failure).toBeNull();
    // The first create's id was recorded: not sent again. The second's answer was lost: uncertain.
    expect(calls[0]).toEqual({ key: died[1], uncertain: true });
    expect(calls.slice(1).every((call) => !call.uncertain)).toBe(true);
    expect(calls.map((call) => call.key)).not.toContain(died[0]);
  });
}
