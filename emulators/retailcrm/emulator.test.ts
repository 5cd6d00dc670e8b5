import { describe, expect, it } from 'vitest';
import { anyString, call, seed, snapshot, url, useRetailcrmEmulator } from './test-kit.js';

// The emulator over real HTTP: the /_emulator/* endpoints of service.md §7
// (the API as crm-apis.md §3 and §6 describe it is in emulator-api.test.ts).

useRetailcrmEmulator();

describe('retailCRM emulator: /_emulator/* (service.md §7)', () => {
  it('PUT state keeps the ids of the snapshot and maps others one-to-one to integers', async () => {
    await seed({
      users: [{ id: 'u1', name: 'Olena Top' }],
      contacts: [
        { id: 'c1', name: 'Ivan', phones: ['067 123 4567'], ownerId: 'u1' },
        { id: '7', name: 'Olha', phones: [] },
      ],
    });
    const view = await snapshot();
    expect(view['contacts']?.map((c) => c['id'])).toEqual(['c1', '7']);
    expect(view['contacts']?.[0]).toMatchObject({
      name: 'Ivan',
      phones: ['067 123 4567'],
      ownerId: 'u1',
    });
    const ids = (await (await fetch(url('/_emulator/ids'))).json()) as {
      customers: Record<string, number>;
    };
    expect(ids.customers['7']).toBe(7);
    expect(Number.isInteger(ids.customers['c1'])).toBe(true);
    const native = await call('GET', `/api/v5/customers/${ids.customers['c1']}`);
    expect(native.json['customer']).toMatchObject({
      firstName: 'Ivan',
      phones: [{ number: '067 123 4567' }],
    });
  });

  it('snapshot shows local task times with the offset of ?timezone=', async () => {
    await seed(
      {
        users: [{ id: 'u1', name: 'A' }],
        tasks: [
          {
            id: 't1',
            assigneeId: 'u1',
            done: false,
            title: 'Call back',
            dueAt: '2026-11-20T12:30:00+02:00',
            callId: 'k1',
          },
        ],
      },
      'Europe/Kyiv',
    );
    expect((await snapshot('Europe/Kyiv'))['tasks']?.[0]).toMatchObject({
      dueAt: '2026-11-20T12:30:00+02:00',
      callId: 'k1',
    });
    // The account keeps the naive local time: read in another zone it keeps its wall-clock figures.
    expect((await snapshot())['tasks']?.[0]).toMatchObject({ dueAt: '2026-11-20T12:30:00+00:00' });
  });

  it('counts API requests by route pattern, and resets them', async () => {
    await call('GET', '/api/v5/customers/1');
    await call('GET', '/api/v5/customers/2');
    await call('GET', '/api/v5/users');
    const counts = (await (await fetch(url('/_emulator/requests'))).json()) as {
      total: number;
      byRoute: Record<string, number>;
    };
    expect(counts).toEqual({
      total: 3,
      byRoute: { 'GET /api/v5/customers/{id}': 2, 'GET /api/v5/users': 1 },
    });
    expect((await fetch(url('/_emulator/requests'), { method: 'DELETE' })).status).toBe(204);
    expect(
      ((await (await fetch(url('/_emulator/requests'))).json()) as { total: number }).total,
    ).toBe(0);
  });

  it("faults: revoked credentials get the CRM's auth error until restored", async () => {
    await fetch(url('/_emulator/faults'), {
      method: 'POST',
      body: JSON.stringify({ credentials: 'revoked' }),
    });
    expect(await call('GET', '/api/v5/users')).toMatchObject({
      status: 403,
      json: { success: false, errorMsg: 'Wrong "apiKey" value.' },
    });
    await fetch(url('/_emulator/faults'), {
      method: 'POST',
      body: JSON.stringify({ credentials: 'valid' }),
    });
    expect((await call('GET', '/api/v5/users')).status).toBe(200);
  });

  it("faults: the next N calls fail with the status, retailCRM's body and Retry-After", async () => {
    await fetch(url('/_emulator/faults'), {
      method: 'POST',
      body: JSON.stringify({ fail: { count: 2, status: 503, retryAfterSec: 2 } }),
    });
    for (let i = 0; i < 2; i += 1) {
      const failed = await call('GET', '/api/v5/users');
      expect(failed.status).toBe(503);
      expect(failed.json).toMatchObject({ success: false, errorMsg: anyString });
      expect(failed.headers.get('retry-after')).toBe('2');
    }
    expect((await call('GET', '/api/v5/users')).status).toBe(200);
  });
});
