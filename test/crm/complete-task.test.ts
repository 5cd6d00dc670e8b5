import { afterEach, describe, expect, it } from 'vitest';
import { CRM_IDS, type CrmId } from '../../src/domain/crm-id.js';
import type { Operation } from '../../src/domain/plan.js';
import { parseScenario } from '../../src/domain/scenario.js';
import type { Task } from '../../src/domain/snapshot.js';
import { fitTexts } from '../../src/crm/capabilities.js';
import { MemoryCrm } from '../../src/crm/memory/adapter.js';
import { RecordGone } from '../../src/crm/port.js';
import { EMULATORS, type RunningEmulator } from '../../src/sandbox/emulators.js';
import { prepareRun } from '../../src/sandbox/via-http.js';

// Issue 14 item 2 at the adapter: completing a call-back task against each CRM's emulator,
// which answers as the CRM does. A task done already is not written again (D13); a task
// deleted in the CRM is a RecordGone, which the executor skips with a note.

const STATE = {
  users: [{ id: 'u1', name: 'Olena Top' }],
  contacts: [{ id: 'c1', name: 'Ivan', phones: ['+380671234567'], ownerId: 'u1' }],
  tasks: [
    {
      id: 't1',
      assigneeId: 'u1',
      done: false,
      title: 'Call the client back',
      description: 'Missed call',
      contactId: 'c1',
    },
    {
      id: 't2',
      assigneeId: 'u1',
      done: true,
      title: 'Call the client back',
      description: 'Called back by hand',
      contactId: 'c1',
    },
  ],
};

const scenario = (crm: CrmId) => {
  const parsed = parseScenario({
    crm,
    project: { defaultCountry: 'UA', timezone: 'Europe/Kyiv' },
    employees: [{ id: 'e1', name: 'Olena Top', crmUserId: 'u1', topManager: true }],
    crm_state: STATE,
    events: [],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
};

const completing = (id: string, key: string): Operation => ({
  op: 'complete_task',
  key,
  id,
  note: 'Reached by call k2 at 12:00 (Olena Top)',
  reason: 'the client was reached',
});

let emulator: RunningEmulator | null = null;
afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${emulator?.baseUrl}${path}`, {
    method,
    ...(body !== undefined && {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  });
  expect(response.ok, `${method} ${path}`).toBe(true);
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** Requests other than reads since the counter was cleared. */
async function writes(): Promise<string[]> {
  const counts = (await control('GET', '/_emulator/requests')) as {
    byRoute: Record<string, number>;
  };
  return Object.keys(counts.byRoute).filter((route) => !route.startsWith('GET '));
}

describe.each(CRM_IDS)('%s: complete_task against the emulator', (crm) => {
  it('an open task is done with the note; completing it again writes nothing (D13); once deleted it is RecordGone', async () => {
    emulator = await EMULATORS[crm].replay();
    const { port, seeded } = await prepareRun(scenario(crm), emulator);
    const created = await port.apply({
      op: 'create_task',
      key: 'task',
      record: {
        assigneeId: seeded.users?.['u1'] ?? 'u1',
        done: false,
        dueAt: '2026-11-20T18:00:00+02:00',
        title: 'Call the client back (k1)',
        description: 'Missed call k1',
        contactId: seeded.contacts?.['c1'] ?? 'c1',
        leadId: null,
        dealId: null,
        callId: null,
        recordingUrl: null,
      },
    });
    if (!created.ok) throw created.error;
    const id = created.value;
    const task = async (): Promise<Task | undefined> => {
      const snapshot = await port.snapshot();
      if (!snapshot.ok) throw snapshot.error;
      return snapshot.value.tasks.find((one) => one.title === 'Call the client back (k1)');
    };

    expect(await port.apply(completing(id, 'b'))).toEqual({ ok: true, value: id });
    const completed = await task();
    expect(completed?.done).toBe(true);
    expect(completed?.description).toContain('Reached by call k2');
    await control('DELETE', '/_emulator/requests');
    expect(await port.apply(completing(id, 'c'))).toEqual({ ok: true, value: id });
    expect(await writes()).toEqual([]);
    expect((await task())?.description?.split('Reached by call k2')).toHaveLength(2);

    // The task deleted in the CRM: the account keeps its user and the client, not the task.
    await control('PUT', '/_emulator/state', { ...STATE, tasks: [] });
    const gone = await port.apply(completing(id, 'd'));
    expect(gone.ok).toBe(false);
    if (!gone.ok) {
      expect(gone.error).toBeInstanceOf(RecordGone);
      expect(gone.error.message).toMatch(/no longer in the CRM \(deleted there\)/);
    }
  });
});

describe('memory CRM: complete_task', () => {
  it('a task done already is left as it is; a missing one is RecordGone', async () => {
    const parsed = scenario('zoho');
    const crm = new MemoryCrm('zoho', parsed.crmState, {
      defaultCountry: 'UA',
      texts: fitTexts('en'),
    });
    expect(await crm.apply(completing('t2', 'a'))).toEqual({ ok: true, value: 't2' });
    const gone = await crm.apply(completing('t9', 'b'));
    expect(!gone.ok && gone.error).toBeInstanceOf(RecordGone);
    const snapshot = await crm.snapshot();
    expect(snapshot.ok && snapshot.value.tasks.find((t) => t.id === 't2')?.description).toBe(
      'Called back by hand',
    );
  });
});
