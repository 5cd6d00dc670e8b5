import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEvent } from '../../src/domain/events.js';
import { auth, harness, putProject, type Harness } from './harness.js';

// GET /v1/projects/{p}/unknown-employees (issue 14 item 7), from stored events.

let h: Harness;
beforeEach(async () => {
  h = await harness();
  expect((await putProject(h, 'acme')).statusCode).toBe(201);
});
afterEach(async () => {
  await h.close();
});

const stored = (raw: Record<string, unknown>) => {
  const parsed = parseEvent(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return { event: parsed.value, orderingKey: `call:${String(raw['callId'])}` };
};

describe('GET …/unknown-employees', () => {
  it('lists extensions, SIP logins and phones on calls that name no employee, with counts and the last call; known employees are left out', async () => {
    await h.store.insertEvents(
      'acme',
      [
        stored({
          type: 'call.answered',
          eventId: 'a1',
          at: '2026-05-04T09:00:00Z',
          callId: 'c1',
          employee: { extension: '199' },
        }),
        stored({
          type: 'call.ended',
          eventId: 'a2',
          at: '2026-05-04T09:05:00Z',
          callId: 'c1',
          disposition: 'answered',
          employee: { extension: '199' },
        }),
        stored({
          type: 'call.answered',
          eventId: 'a3',
          at: '2026-05-04T10:00:00Z',
          callId: 'c2',
          employee: { extension: '199' },
        }),
        stored({
          type: 'call.answered',
          eventId: 'a4',
          at: '2026-05-04T11:00:00Z',
          callId: 'c3',
          employee: { sipLogin: 'Reception' },
        }),
        stored({
          type: 'call.answered',
          eventId: 'a5',
          at: '2026-05-04T11:30:00Z',
          callId: 'c4',
          employee: { extension: '100' },
        }),
        stored({
          type: 'call.answered',
          eventId: 'a6',
          at: '2026-05-04T11:40:00Z',
          callId: 'c5',
          employee: { sipLogin: 'PETRO' },
        }),
        stored({
          type: 'call.started',
          eventId: 'a7',
          at: '2026-05-04T11:50:00Z',
          callId: 'c6',
          direction: 'outgoing',
          from: '0671234567',
          to: '+380501112233',
          employee: { phone: '067 123 45 67' },
        }),
        stored({
          type: 'call.answered',
          eventId: 'old',
          at: '2026-03-01T10:00:00Z',
          callId: 'c0',
          employee: { extension: '555' },
        }),
      ],
      h.now,
    );
    const response = await h.app.inject({
      method: 'GET',
      url: '/v1/projects/acme/unknown-employees',
      headers: auth(),
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      items: Array<Record<string, unknown>>;
      truncated: boolean;
      scannedEvents: number;
    }>();
    expect(body.truncated).toBe(false);
    expect(body.scannedEvents).toBe(7);
    expect(body.items).toEqual([
      {
        extension: '199',
        calls: 2,
        events: 3,
        lastCall: { at: '2026-05-04T10:00:00.000Z', type: 'call.answered', callId: 'c2' },
      },
      {
        phone: '+380671234567',
        calls: 1,
        events: 1,
        lastCall: { at: '2026-05-04T11:50:00.000Z', type: 'call.started', callId: 'c6' },
      },
      {
        sipLogin: 'reception',
        calls: 1,
        events: 1,
        lastCall: { at: '2026-05-04T11:00:00.000Z', type: 'call.answered', callId: 'c3' },
      },
    ]);
    const wider = await h.app.inject({
      method: 'GET',
      url: '/v1/projects/acme/unknown-employees?days=90',
      headers: auth(),
    });
    expect(
      wider.json<{ items: Array<{ extension?: string }> }>().items.map((i) => i.extension),
    ).toContain('555');
  });

  it('refuses days outside 1..90 naming the field; another project is 404', async () => {
    const bad = await h.app.inject({
      method: 'GET',
      url: '/v1/projects/acme/unknown-employees?days=0',
      headers: auth(),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ problems: [{ path: 'query.days' }] });
    const missing = await h.app.inject({
      method: 'GET',
      url: '/v1/projects/nope/unknown-employees',
      headers: auth(),
    });
    expect(missing.statusCode).toBe(404);
  });
});
