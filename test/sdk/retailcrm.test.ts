import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRetailcrmEmulator, type RetailcrmEmulator } from '../../emulators/retailcrm/index.js';

// retailCRM publishes no official JavaScript client, so the emulator is driven
// with plain fetch as retailCRM's API v5 reference describes the calls:
// the key in the X-API-KEY header, POST bodies form-encoded with the entity as
// a JSON string in one field (`customer=`, `order=`, `task=`, `note=`,
// `calls=`), filters PHP-style (`filter[name]=…`), `site` naming the store.
// API v5 has no method that reads uploaded calls back: the call log is read
// from the emulator's snapshot (service.md §7) instead.

let emulator: RetailcrmEmulator;
const SITE = 'main';

beforeAll(async () => {
  emulator = await startRetailcrmEmulator({ ratePerSec: 1000, telephonyRatePerSec: 1000 });
  const seeded = await fetch(`${emulator.baseUrl}/_emulator/state`, {
    method: 'PUT',
    body: JSON.stringify({
      users: [
        { id: '1', name: 'Olena Top' },
        { id: '2', name: 'Petro Manager' },
      ],
    }),
  });
  expect(seeded.status).toBe(204);
});
afterAll(async () => {
  await emulator.close();
});

type Answer = Record<string, unknown> & { success: boolean };
async function api(
  method: 'GET' | 'POST',
  path: string,
  fields: Record<string, unknown> = {},
): Promise<Answer> {
  const form = new URLSearchParams(
    Object.entries(fields).map(([name, value]): [string, string] => [
      name,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
  const response = await fetch(
    `${emulator.baseUrl}/api/v5/${path}${method === 'GET' ? `?${form.toString()}` : ''}`,
    {
      method,
      headers: {
        'X-API-KEY': emulator.connection.credentials.apiKey,
        ...(method === 'POST' && { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      ...(method === 'POST' && { body: form.toString() }),
    },
  );
  const answer = (await response.json()) as Answer;
  expect(answer.success, `${method} ${path}: ${JSON.stringify(answer)}`).toBe(true);
  return answer;
}

describe('retailCRM API v5 (plain fetch, from its reference) against the retailCRM emulator', () => {
  let managerId = 0;
  let customerId = 0;
  let orderId = 0;

  it('lists the managers and creates a customer with a local-format phone', async () => {
    const users = (await api('GET', 'users', { 'filter[active]': '1' }))['users'] as Array<{
      id: number;
      lastName?: string;
      firstName?: string;
    }>;
    const manager = users.find((user) => `${user.firstName} ${user.lastName}`.includes('Petro'));
    expect(manager).toBeDefined();
    managerId = manager?.id ?? 0;
    const created = await api('POST', 'customers/create', {
      site: SITE,
      customer: {
        firstName: 'Ivan',
        lastName: 'Franko',
        phones: [{ number: '067 123 4567' }],
        managerId,
      },
    });
    customerId = created['id'] as number;
    expect(customerId).toBeGreaterThan(0);
  });

  it('finds the customer by phone: filter[name] and the telephony manager lookup', async () => {
    for (const phone of ['067 123 4567', '0671234567']) {
      const found = (await api('GET', 'customers', { 'filter[name]': phone, limit: '20' }))[
        'customers'
      ] as Array<{ id: number }>;
      expect(
        found.map((customer) => customer.id),
        phone,
      ).toEqual([customerId]);
    }
    const nobody = await api('GET', 'customers', { 'filter[name]': '0509999999' });
    expect(nobody['customers']).toEqual([]);
    const lookup = await api('GET', 'telephony/manager', {
      phone: '+380671234567',
      details: '1',
    });
    expect(lookup).toMatchObject({ customer: { id: customerId }, manager: { id: managerId } });
  });

  it('creates an order (the deal) for the customer with a manager', async () => {
    const created = await api('POST', 'orders/create', {
      site: SITE,
      order: {
        orderMethod: 'phone',
        customer: { id: customerId },
        managerId,
        phone: '067 123 4567',
        customerComment: 'Call from 067 123 4567',
      },
    });
    orderId = created['id'] as number;
    expect(created['order']).toMatchObject({ id: orderId, managerId });
  });

  it('an open task and a done one, a note and a call log', async () => {
    for (const [text, complete] of [
      ['Call the client back', false],
      ['Answer the call', true],
    ] as const) {
      const task = await api('POST', 'tasks/create', {
        site: SITE,
        task: {
          text,
          datetime: '2026-12-01 10:00',
          performerId: managerId,
          customer: { id: customerId },
          order: { id: orderId },
        },
      });
      if (complete)
        await api('POST', `tasks/${String(task['id'])}/edit`, {
          site: SITE,
          task: { complete: true },
        });
    }
    await api('POST', 'customers/notes/create', {
      site: SITE,
      note: { text: 'Wants a quote', managerId, customer: { id: customerId } },
    });
    await api('POST', 'integration-modules/callmatrix/edit', {
      integrationModule: {
        code: 'callmatrix',
        integrationCode: 'callmatrix',
        active: true,
        name: 'Callmatrix',
        clientId: 'sdk-suite',
        baseUrl: 'https://callmatrix.example',
        integrations: {
          telephony: {
            makeCallUrl: 'https://callmatrix.example/call',
            additionalCodes: [{ userId: managerId, code: '101' }],
          },
        },
      },
    });
    const uploaded = await api('POST', 'telephony/calls/upload', {
      calls: [
        {
          date: '2026-11-20 10:00:00',
          type: 'in',
          phone: '0671234567',
          code: '101',
          userId: managerId,
          result: 'answered',
          duration: 185,
          externalId: 'k1',
          recordUrl: 'https://records.example/k1.mp3',
        },
      ],
    });
    expect(uploaded['processedCallsCount']).toBe(1);
  });

  it('reads them back', async () => {
    const customer = (await api('GET', `customers/${customerId}`, { by: 'id', site: SITE }))[
      'customer'
    ];
    expect(customer).toMatchObject({
      id: customerId,
      managerId,
      phones: [{ number: '067 123 4567' }],
    });
    const order = (await api('GET', `orders/${orderId}`, { by: 'id', site: SITE }))['order'];
    expect(order).toMatchObject({ id: orderId, managerId, customer: { id: customerId } });
    const tasks = (await api('GET', 'tasks', { 'filter[performers][]': String(managerId) }))[
      'tasks'
    ] as Array<{ text: string; complete: boolean; customer?: { id: number } }>;
    expect(tasks.map((task) => [task.text, task.complete, task.customer?.id])).toEqual([
      ['Call the client back', false, customerId],
      ['Answer the call', true, customerId],
    ]);
    const notes = (
      await api('GET', 'customers/notes', {
        'filter[customerIds][]': String(customerId),
      })
    )['notes'] as Array<{ text: string; managerId: number }>;
    expect(notes.map((note) => [note.text, note.managerId])).toEqual([
      ['Wants a quote', managerId],
    ]);
    const snapshot = (await (await fetch(`${emulator.baseUrl}/_emulator/snapshot`)).json()) as {
      calls: Array<Record<string, unknown>>;
    };
    expect(snapshot.calls).toEqual([
      expect.objectContaining({
        callId: 'k1',
        direction: 'incoming',
        disposition: 'answered',
        durationSec: 185,
        recordingUrl: 'https://records.example/k1.mp3',
      }),
    ]);
  });
});
