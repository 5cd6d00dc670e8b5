import { afterEach, describe, expect, it } from 'vitest';
import { CrmError, err, type CrmPort } from '../../src/crm/port.js';
import { clientMemoryKey } from '../../src/domain/client-memory.js';
import { CRM_STATE, EMPLOYEES } from './events.js';
import { harness, TOKEN, type Harness, type HarnessOptions } from './harness.js';

// Issue 14 item 2 through the service: the worker remembers the call-back task
// a missed call set with the client (in the store, beside the call's memory)
// and the call that reaches the client closes it, once, even when the CRM's
// answer to the completion is lost and the event is retried (D13).

const BEARER = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` };
const CLIENT = '+380501119900';
let h: Harness;
afterEach(async () => {
  await h.close();
});

async function start(options: HarnessOptions = {}, project: object = {}): Promise<void> {
  h = await harness({ retryScheduleSec: [5], ...options });
  await h.addProject('acme', {
    project: { defaultCountry: 'UA', timezone: 'Europe/Kyiv', ...project },
    employees: EMPLOYEES,
    connection: { kind: 'memory', state: CRM_STATE },
  });
}
const ingest = (events: unknown) =>
  h.app.inject({
    method: 'POST',
    url: '/v1/projects/acme/events',
    headers: BEARER,
    payload: JSON.stringify(events),
  });
async function drain(): Promise<void> {
  while ((await h.worker.runOnce()).length > 0);
}
async function tasks() {
  const result = await h.registry.memoryOf('acme')?.snapshot();
  if (!result?.ok) throw new Error('no memory CRM');
  return result.value.tasks;
}

const missed = {
  type: 'call.ended',
  eventId: 'm1-1',
  callId: 'm1',
  at: '2026-03-02T08:00:30Z',
  direction: 'incoming',
  from: CLIENT,
  to: '+380441234567',
  disposition: 'missed',
  durationSec: 30,
};
const calledBack = {
  type: 'call.ended',
  eventId: 'o1-1',
  callId: 'o1',
  at: '2026-03-02T08:30:00Z',
  direction: 'outgoing',
  from: '+380441234567',
  to: CLIENT,
  disposition: 'answered',
  durationSec: 70,
  talkSec: 62,
  employee: { extension: '101' },
};

/** The completion reaches the CRM, but its answer is lost the first time. */
function answerLostOnce(): (port: CrmPort) => CrmPort {
  let lost = false;
  return (port) => ({
    findClient: (lookup) => port.findClient(lookup),
    listUsers: () => port.listUsers(),
    apply: async (operation) => {
      const result = await port.apply(operation);
      if (operation.op !== 'complete_task' || lost) return result;
      lost = true;
      return err(new CrmError('retryable', 'connection reset after the request was sent'));
    },
  });
}

describe('call-backs close their tasks (issue 14 item 2), through the worker', () => {
  it('the outgoing call that reaches the client marks the missed call’s task done; the journal says complete_task and why', async () => {
    await start();
    expect((await ingest([missed])).statusCode).toBe(202);
    await drain();
    const [callback] = await tasks();
    expect(callback).toMatchObject({ title: 'Call the client back', done: false, callId: 'm1' });
    expect(await h.store.getClientMemory('acme', clientMemoryKey(CLIENT))).toMatchObject({
      callbacks: [{ taskId: callback?.id, callId: 'm1' }],
    });

    expect((await ingest([calledBack])).statusCode).toBe(202);
    await drain();
    const after = (await tasks()).find((task) => task.id === callback?.id);
    expect(after?.done).toBe(true);
    expect(after?.description).toContain('outgoing call o1, 2026-03-02 10:30; talked: Petro, 1:02');
    const journal = await h.store.listJournal('acme', { phone: CLIENT });
    const entry = journal.entries.find((e) => e.eventId === 'o1-1');
    expect(entry?.operations).toContainEqual({
      op: 'complete_task',
      entity: 'tasks',
      id: callback?.id,
      reason: 'client reached: outgoing call o1 answered, 62 s of talk',
    });
    expect(await h.store.getClientMemory('acme', clientMemoryKey(CLIENT))).toMatchObject({
      callbacks: [],
    });
  });

  it('D13: a completion whose answer was lost is retried without completing the task twice', async () => {
    await start({ wrapPort: answerLostOnce() });
    await ingest([missed]);
    await drain();
    await ingest([calledBack]);
    await drain();
    expect((await h.store.getEvent('acme', 'o1-1'))?.event).toMatchObject({
      state: 'pending',
      attempts: 1,
    });
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    await drain();
    expect((await h.store.getEvent('acme', 'o1-1'))?.event.state).toBe('applied');
    const callback = (await tasks()).find((task) => task.callId === 'm1');
    expect(callback?.done).toBe(true);
    expect(callback?.description?.match(/Done: the client was called back/g)).toHaveLength(1);
    const journal = await h.store.listJournal('acme', { phone: CLIENT });
    const completions = journal.entries.flatMap((e) =>
      e.operations.filter((op) => op.op === 'complete_task'),
    );
    expect(completions).toHaveLength(1);
  });

  it('callbacks.closeTasks false: the task stays open and nothing is remembered', async () => {
    await start({}, { callbacks: { closeTasks: false, minTalkSec: 20 } });
    await ingest([missed, calledBack]);
    await drain();
    expect((await tasks()).find((task) => task.callId === 'm1')?.done).toBe(false);
    expect(await h.store.getClientMemory('acme', clientMemoryKey(CLIENT))).toBeNull();
  });
});
