import { afterEach, describe, expect, it } from 'vitest';
import { CRM_STATE, EMPLOYEES } from './events.js';
import { harness, type Harness } from './harness.js';

// Issue 14 items 1 and 7 end to end through the service: the working hours a
// person sets through the API (PUT …/working-hours) decide the due time of the
// next task the worker writes, and clearing them brings back counting every
// hour; the unknown-employees report lists what calls posted to the ingest
// endpoint named. SQLite, and PostgreSQL with CALLMATRIX_TEST_BACKEND=postgres.

const OPERATOR = 'cmo_settings-operator-key-0123456789abcdef';
let h: Harness;
afterEach(async () => {
  await h.close();
});

async function start(): Promise<void> {
  h = await harness({ operatorKey: OPERATOR });
  await h.addProject('acme', {
    project: { defaultCountry: 'UA', timezone: 'Europe/Kyiv', taskDueHours: 4 },
    employees: EMPLOYEES,
    connection: { kind: 'memory', state: CRM_STATE },
  });
}

const admin = (method: 'GET' | 'PUT', url: string, payload?: unknown) =>
  h.app.inject({
    method,
    url,
    headers: {
      authorization: `Bearer ${OPERATOR}`,
      ...(payload !== undefined && { 'content-type': 'application/json' }),
    },
    ...(payload !== undefined && { payload: JSON.stringify(payload) }),
  });

async function post(events: unknown[]): Promise<void> {
  await h.post('acme', events);
  // Past the grace a lone call.ended waits for its call.started (D11).
  h.clock.now = new Date(h.clock.now.getTime() + 61_000);
  await h.drain();
}

/** A new client's missed call, Friday 2026-02-27 22:50 in Kyiv. */
const missedFriday = (callId: string, from: string) => ({
  type: 'call.ended',
  eventId: `${callId}-1`,
  callId,
  at: '2026-02-27T22:50:00+02:00',
  direction: 'incoming',
  from,
  to: '+380441234567',
  disposition: 'missed',
  durationSec: 20,
});

async function dueOf(callId: string): Promise<string | undefined> {
  const snapshot = await h.registry.memoryOf('acme')?.snapshot();
  if (!snapshot?.ok) throw new Error('no memory CRM');
  const task = snapshot.value.tasks.find((t) => t.callId === callId);
  return task?.dueAt ? new Date(task.dueAt).toISOString() : undefined;
}

describe('working hours set through the API reach the worker (issue 14 item 1, D4)', () => {
  it('a +4 h task of a Friday 22:50 call is due Monday 13:00 with the hours set, Saturday 00:50 UTC once they are cleared', async () => {
    await start();
    const week = Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [{ from: '09:00', to: '18:00' }]]),
    );
    expect((await admin('PUT', '/v1/projects/acme/working-hours', { week })).statusCode).toBe(200);
    await post([missedFriday('w1', '+380501110001')]);
    expect(await dueOf('w1')).toBe('2026-03-02T11:00:00.000Z'); // Monday 13:00 in Kyiv

    expect((await admin('PUT', '/v1/projects/acme/working-hours', null)).statusCode).toBe(200);
    await post([missedFriday('w2', '+380501110002')]);
    expect(await dueOf('w2')).toBe('2026-02-28T00:50:00.000Z'); // Saturday 02:50 in Kyiv
  });
});

describe('unknown employees from calls posted to the service (issue 14 item 7)', () => {
  it('lists the extension and SIP login that took calls without an employee, not the known extension', async () => {
    await start();
    const call = (callId: string, minute: number, employee: Record<string, string>) => [
      {
        type: 'call.started',
        eventId: `${callId}-1`,
        callId,
        at: `2026-03-02T09:${String(minute).padStart(2, '0')}:00Z`,
        direction: 'incoming',
        from: '+380501119900',
        to: '+380441234567',
      },
      {
        type: 'call.answered',
        eventId: `${callId}-2`,
        callId,
        at: `2026-03-02T09:${String(minute).padStart(2, '0')}:05Z`,
        employee,
      },
    ];
    await post([
      ...call('u1', 1, { extension: '199' }),
      ...call('u2', 2, { extension: '199' }),
      ...call('u3', 3, { sipLogin: 'reception' }),
      ...call('u4', 4, { extension: '101' }), // Petro's
    ]);
    const response = await admin('GET', '/v1/projects/acme/unknown-employees');
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: Array<Record<string, unknown>> }>().items;
    expect(items).toEqual([
      {
        extension: '199',
        calls: 2,
        events: 2,
        lastCall: { at: '2026-03-02T09:02:05.000Z', type: 'call.answered', callId: 'u2' },
      },
      {
        sipLogin: 'reception',
        calls: 1,
        events: 1,
        lastCall: { at: '2026-03-02T09:03:05.000Z', type: 'call.answered', callId: 'u3' },
      },
    ]);
  });
});
