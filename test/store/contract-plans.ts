import { expect, it } from 'vitest';
import { event } from '../admin/events.js';
import { fitTexts } from '../../src/crm/capabilities.js';
import { MemoryCrm } from '../../src/crm/memory/adapter.js';
import { CrmError, err, type CrmPort } from '../../src/crm/port.js';
import { EmployeesSchema, ProjectSettingsSchema } from '../../src/domain/project.js';
import { EMPTY_CLIENT, SnapshotSchema } from '../../src/domain/snapshot.js';
import { CALL_PHASE, memoryKey } from '../../src/domain/memory.js';
import { projectContext } from '../../src/engine/decide.js';
import { newCallMemory } from '../../src/engine/memory.js';
import type { Decision } from '../../src/domain/decision.js';
import { runEvent } from '../../src/pipeline/run.js';
import {
  activeProject,
  callEvent,
  closedAfterEach,
  journalOf,
  T0,
  type FreshStore,
} from './contract.js';
import { StoreLedger } from '../../src/store/ledger.js';
import type { Store } from '../../src/store/store.js';

// Contract cases: plans under way (D13), kept as soon as known and resumed by the pipeline
// without writing any operation twice.

export function planCases(fresh: FreshStore): void {
  const openFresh = closedAfterEach(fresh);
  const open = async (): Promise<Store> => (await openFresh()).store;

  it('D13: a plan and each operation id persist as soon as known; a second save keeps the first decision; complete clears it', async () => {
    const store = await open();
    const project = await activeProject(store);
    const decision: Decision = {
      conditions: ['incoming.missed'],
      outcome: 'applied',
      plan: [],
      skipped: [],
      memory: null,
    };
    const context = { memory: null, client: EMPTY_CLIENT };
    await store.savePlan(project, 'e1', decision, context);
    await store.recordOperation(project, 'e1', 'e1#0', 'person-1');
    await store.recordOperation(project, 'e1', 'e1#1', 'deal-1');
    await store.savePlan(project, 'e1', { ...decision, conditions: [] }, context);
    const plan = await store.getPlan(project, 'e1');
    expect(plan?.decision).toEqual(decision);
    expect(plan?.context).toEqual(context);
    expect([...(plan?.ids ?? [])]).toEqual(
      expect.arrayContaining([
        ['e1#0', 'person-1'],
        ['e1#1', 'deal-1'],
      ]),
    );
    await store.insertEvents(project, [callEvent('e1', 'c1')], T0);
    await store.claimEvents('w', 1, 60_000, T0);
    await store.complete('w', project, 'e1', { outcome: 'applied', journal: journalOf('e1') });
    expect(await store.getPlan(project, 'e1')).toBeNull();
  });

  it('D6/D13: getWorkState reads the memory and the plan under way together, each null when absent', async () => {
    const store = await open();
    const project = await activeProject(store);
    const memory = { ...newCallMemory('c1', T0.toISOString()), phase: CALL_PHASE.started };
    const decision: Decision = {
      conditions: ['incoming.missed'],
      outcome: 'applied',
      plan: [],
      skipped: [],
      memory: null,
    };
    expect(await store.getWorkState(project, 'call:c1', 'e1')).toEqual({
      memory: null,
      plan: null,
    });
    await store.putMemory(project, 'call:c1', memory);
    expect(await store.getWorkState(project, 'call:c1', 'e1')).toEqual({ memory, plan: null });
    // The plan keeps what it was decided on, for the journal of a resumed run (replay).
    await store.savePlan(project, 'e1', decision, { memory, client: EMPTY_CLIENT });
    await store.recordOperation(project, 'e1', 'e1#0', 'person-1');
    const state = await store.getWorkState(project, 'call:c1', 'e1');
    expect(state.memory).toEqual(memory);
    expect(state.plan?.decision).toEqual(decision);
    expect(state.plan?.context).toEqual({ memory, client: EMPTY_CLIENT });
    expect([...(state.plan?.ids ?? [])]).toEqual([['e1#0', 'person-1']]);
    // No memory key (an event without a call or dialog): the plan alone.
    expect((await store.getWorkState(project, null, 'e1')).memory).toBeNull();
    expect((await store.getWorkState('other', 'call:c1', 'e1')).plan).toBeNull();
  });

  it('D13: the pipeline on the durable state resumes a failed plan without writing any operation twice', async () => {
    const store = await open();
    const project = await activeProject(store);
    const settings = ProjectSettingsSchema.parse({ defaultCountry: 'UA', timezone: 'Europe/Kyiv' });
    const employees = EmployeesSchema.parse([
      { id: 'e1', name: 'Olena', crmUserId: 'u1', extension: '100', topManager: true },
    ]);
    const context = projectContext('pipedrive', settings, employees);
    const crm = new MemoryCrm(
      'pipedrive',
      SnapshotSchema.parse({ users: [{ id: 'u1', name: 'Olena' }] }),
      { defaultCountry: 'UA', texts: fitTexts('en') },
    );
    const applied: string[] = [];
    let budget = 2; // the CRM goes away after two writes on the first attempt
    const flaky: CrmPort = {
      findClient: (lookup) => crm.findClient(lookup),
      apply: (operation) => {
        if (budget-- <= 0) return Promise.resolve(err(new CrmError('retryable', 'CRM 503')));
        applied.push(operation.key);
        return crm.apply(operation);
      },
      listUsers: () => crm.listUsers(),
    };
    const started = event({
      eventId: 's',
      type: 'call.started',
      callId: 'c1',
      at: '2026-03-10T09:00:00Z',
      direction: 'incoming',
      from: '+380671234567',
      to: '+380441234567',
    });
    const ended = event({
      eventId: 'x',
      type: 'call.ended',
      callId: 'c1',
      at: '2026-03-10T09:01:00Z',
      disposition: 'missed',
    });
    await store.insertEvents(
      project,
      [started, ended].map((event) => ({ event, orderingKey: memoryKey(event) ?? '' })),
      T0,
    );

    const run = async (worker: string): Promise<string> => {
      const [claimed] = await store.claimEvents(worker, 1, 60_000, T0);
      if (!claimed) throw new Error('nothing to claim');
      const ledger = new StoreLedger(store, project);
      const result = await runEvent(claimed.event, { crm: flaky, project: context, ledger });
      const journal = {
        entry: result.entry,
        at: claimed.at,
        callId: 'c1',
        phones: ['+380671234567'],
      };
      if (result.failure)
        await store.scheduleRetry(worker, project, claimed.eventId, result.entry.reason ?? '', T0);
      else
        await store.complete(worker, project, claimed.eventId, {
          outcome: result.entry.outcome,
          journal,
          ...ledger.completion(),
        });
      return `${claimed.eventId}:${result.entry.outcome}`;
    };
    const outcomes: string[] = [];
    while (outcomes.at(-1) !== 'x:applied' && outcomes.length < 5) {
      outcomes.push(await run(`w${outcomes.length}`));
      if (outcomes.at(-1)?.endsWith(':failed')) budget = 100; // the CRM is back
    }
    expect(outcomes).toEqual(['s:applied', 'x:failed', 'x:applied']);
    expect(applied.length).toBeGreaterThan(2);
    expect(new Set(applied).size).toBe(applied.length);
    expect(await store.countEvents(project)).toMatchObject({ applied: 2, pending: 0 });
    expect((await store.getMemory(project, 'call:c1'))?.kind).toBe('call');
    const snapshot = await crm.snapshot();
    expect(snapshot.ok && snapshot.value.deals.length).toBe(1);
  });
}
