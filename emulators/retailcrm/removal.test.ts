import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRetailcrmEmulator, type RetailcrmEmulator } from './index.js';

// Records leaving the account, over real HTTP (G13's poll learns of them from
// the histories): a deletion in the UI (`POST /_emulator/ui/...`: the API has
// none), `customers/combine` and `orders/combine` with the account's key.

let emulator: RetailcrmEmulator;
const KEY = 'k-removal';
beforeEach(async () => {
  emulator = await startRetailcrmEmulator({
    apiKey: KEY,
    ratePerSec: 100_000,
    timezone: 'Europe/Kyiv',
  });
});
afterEach(() => emulator.close());

type Json = Record<string, unknown>;
interface Item {
  id: number;
  deleted?: boolean;
  source: string;
  user?: { id: number };
  field: string;
  oldValue: unknown;
  newValue: unknown;
  customer?: Json;
  order?: Json;
  combinedTo?: Json;
}

async function get(path: string): Promise<{ status: number; json: Json }> {
  const response = await fetch(`${emulator.baseUrl}${path}`, { headers: { 'X-API-KEY': KEY } });
  return { status: response.status, json: (await response.json()) as Json };
}
async function post(
  path: string,
  fields: Record<string, unknown>,
  key = KEY,
): Promise<{ status: number; json: Json }> {
  const body = new URLSearchParams(
    Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    ),
  );
  const response = await fetch(`${emulator.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'X-API-KEY': key, 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  return { status: response.status, json: (await response.json()) as Json };
}
const deleteInUi = (kind: 'customers' | 'orders', id: number, query = ''): Promise<Response> =>
  fetch(`${emulator.baseUrl}/_emulator/ui/${kind}/${id}/delete${query}`, { method: 'POST' });
async function history(kind: 'customers' | 'orders', query = ''): Promise<Item[]> {
  const reply = await get(`/api/v5/${kind}/history?limit=100${query}`);
  expect(reply.status).toBe(200);
  return reply.json['history'] as Item[];
}
let ids: Record<string, Record<string, number>>;
async function seed(): Promise<void> {
  const state = {
    users: [{ id: 'u1', name: 'Olena' }],
    contacts: [
      { id: 'c1', name: 'Ivan', phones: ['0671234567'], ownerId: 'u1' },
      { id: 'c2', name: 'Ivan again', phones: ['0501112233'], ownerId: 'u1' },
      { id: 'c3', name: 'Maria', phones: ['0931112233'], ownerId: 'u1' },
    ],
    deals: [
      { id: 'd1', contactId: 'c2', ownerId: 'u1', status: 'open' },
      { id: 'd2', contactId: 'c1', ownerId: 'u1', status: 'open' },
    ],
  };
  expect(
    (
      await fetch(`${emulator.baseUrl}/_emulator/state`, {
        method: 'PUT',
        body: JSON.stringify(state),
      })
    ).status,
  ).toBe(204);
  ids = (await (await fetch(`${emulator.baseUrl}/_emulator/ids`)).json()) as typeof ids;
}
const id = (kind: string, neutral: string): number => ids[kind]?.[neutral] ?? 0;

describe('retailCRM emulator: deleted and merged records (G13)', () => {
  it('G13: a customer deleted in the UI is gone and its history lists one item: deleted, field id, the whole record, source user', async () => {
    await seed();
    const c3 = id('customers', 'c3');
    expect((await deleteInUi('customers', c3, `?userId=${id('users', 'u1')}`)).status).toBe(204);
    expect((await get(`/api/v5/customers/${c3}?by=id`)).status).toBe(404);
    expect(
      ((await get(`/api/v5/customers?filter[ids][]=${c3}`)).json['customers'] as unknown[]).length,
    ).toBe(0);
    const items = (await history('customers')).filter((item) => item.deleted);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      deleted: true,
      source: 'user',
      user: { id: id('users', 'u1') },
      field: 'id',
      oldValue: c3,
      newValue: null,
      customer: { id: c3, firstName: 'Maria' },
    });
    expect(items[0]?.combinedTo).toBeUndefined();
    // Deleted once: a second deletion finds nothing; a customer with orders is not deleted (UNVERIFIED).
    expect((await deleteInUi('customers', c3)).status).toBe(404);
    expect((await deleteInUi('customers', id('customers', 'c1'))).status).toBe(409);
  });

  it('G13: an order deleted in the UI is listed in orders/history the same way', async () => {
    await seed();
    const d1 = id('orders', 'd1');
    expect((await deleteInUi('orders', d1)).status).toBe(204);
    expect((await get(`/api/v5/orders/${d1}?by=id`)).status).toBe(404);
    const items = (await history('orders')).filter((item) => item.deleted);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      deleted: true,
      source: 'user',
      field: 'id',
      oldValue: d1,
      newValue: null,
      order: { id: d1 },
    });
    // The filters apply to deletion items too.
    expect(
      await history('orders', `&filter[orderId]=${d1}&filter[sinceId]=${items[0]?.id ?? 0}`),
    ).toEqual([]);
  });

  it('G13: customers/combine: the merged customer is gone (deleted, combinedTo), its orders move to the kept one, a GET names combinedTo', async () => {
    await seed();
    const [c1, c2, d1] = [id('customers', 'c1'), id('customers', 'c2'), id('orders', 'd1')];
    expect(
      await post('/api/v5/customers/combine', {
        customers: [{ id: c2 }],
        resultCustomer: { id: c1 },
      }),
    ).toEqual({ status: 200, json: { success: true } });
    expect(await get(`/api/v5/customers/${c2}`)).toMatchObject({
      status: 404,
      json: { success: false, errorMsg: 'Not found', combinedTo: { id: c1 } },
    });
    expect((await get(`/api/v5/orders/${d1}`)).json['order']).toMatchObject({
      customer: { id: c1 },
    });
    const removed = (await history('customers')).filter((item) => item.deleted);
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatchObject({
      source: 'api',
      field: 'id',
      oldValue: c2,
      customer: { id: c2 },
      combinedTo: { id: c1 },
    });
    expect((await history('orders', `&filter[orderId]=${d1}`)).at(-1)).toMatchObject({
      field: 'customer',
      newValue: { id: c1 },
    });
  });

  it('G13: orders/combine: the merged order is gone (deleted, combinedTo to the result order)', async () => {
    await seed();
    const [d1, d2] = [id('orders', 'd1'), id('orders', 'd2')];
    expect(
      await post('/api/v5/orders/combine', {
        technique: 'ours',
        order: { id: d1 },
        resultOrder: { id: d2 },
      }),
    ).toEqual({ status: 200, json: { success: true, errors: [] } });
    expect((await get(`/api/v5/orders/${d1}`)).status).toBe(404);
    const removed = (await history('orders')).filter((item) => item.deleted);
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatchObject({ oldValue: d1, order: { id: d1 }, combinedTo: { id: d2 } });
  });

  it('G13: combine errors: key, missing or unknown records, a record merged with itself, a bad technique', async () => {
    await seed();
    const [c1, d1] = [id('customers', 'c1'), id('orders', 'd1')];
    expect(
      await post('/api/v5/customers/combine', { customers: [{ id: c1 }] }, 'wrong'),
    ).toMatchObject({ status: 403, json: { errorMsg: 'Wrong "apiKey" value.' } });
    expect(await post('/api/v5/customers/combine', { customers: [{ id: c1 }] })).toMatchObject({
      status: 400,
      json: { success: false, errorMsg: "Parameter 'resultCustomer' is missing" },
    });
    expect(
      (
        await post('/api/v5/customers/combine', {
          customers: [{ id: 999 }],
          resultCustomer: { id: c1 },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await post('/api/v5/customers/combine', {
          customers: [{ id: c1 }],
          resultCustomer: { id: c1 },
        })
      ).status,
    ).toBe(400);
    const technique = await post('/api/v5/orders/combine', {
      technique: 'both',
      order: { id: d1 },
      resultOrder: { id: d1 },
    });
    expect(technique).toMatchObject({ status: 400, json: { success: false } });
    expect(Object.keys(technique.json['errors'] as object)).toEqual(['technique']);
    expect(
      (await post('/api/v5/orders/combine', { order: { id: d1 }, resultOrder: { id: d1 } })).status,
    ).toBe(400);
    expect(
      (await post('/api/v5/orders/combine', { order: { id: 999 }, resultOrder: { id: d1 } }))
        .status,
    ).toBe(400);
    // Nothing was merged.
    expect((await history('customers')).some((item) => item.deleted)).toBe(false);
    expect((await history('orders')).some((item) => item.deleted)).toBe(false);
  });
});
