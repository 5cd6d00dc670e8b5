import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRetailcrmEmulator, type RetailcrmEmulator } from './index.js';

// The change histories over real HTTP (G13's poll reads them): shapes as the
// official PHP client's CustomerHistory / OrderHistory and its recorded answers.

let emulator: RetailcrmEmulator;
const KEY = 'k-history';
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
  createdAt: string;
  created?: boolean;
  source: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  customer?: Json;
  order?: Json;
}
interface History {
  success: boolean;
  generatedAt: string;
  history: Item[];
  pagination: { limit: number; totalCount: number; currentPage: number; totalPageCount: number };
}

async function get(
  path: string,
  headers: Record<string, string> = { 'X-API-KEY': KEY },
): Promise<{ status: number; json: Json }> {
  const response = await fetch(`${emulator.baseUrl}${path}`, { headers });
  return { status: response.status, json: (await response.json()) as Json };
}
const history = async (path: string): Promise<History> => {
  const reply = await get(path);
  expect(reply.status).toBe(200);
  return reply.json as unknown as History;
};
async function post(path: string, fields: Record<string, unknown>): Promise<Json> {
  const body = new URLSearchParams(
    Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, JSON.stringify(v)])),
  );
  const response = await fetch(`${emulator.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'X-API-KEY': KEY, 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  expect(response.status).toBeLessThan(300);
  return (await response.json()) as Json;
}
async function seed(state: object): Promise<void> {
  const response = await fetch(`${emulator.baseUrl}/_emulator/state`, {
    method: 'PUT',
    body: JSON.stringify(state),
  });
  expect(response.status).toBe(204);
}
const LOCAL = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

describe('retailCRM emulator: customers/history and orders/history (G13)', () => {
  it('G13: the key is checked as on every method', async () => {
    expect(await get('/api/v5/customers/history', {})).toMatchObject({
      status: 403,
      json: { success: false, errorMsg: '"apiKey" is missing.' },
    });
    expect(await get('/api/v5/orders/history', { 'X-API-KEY': 'wrong' })).toMatchObject({
      status: 403,
      json: { errorMsg: 'Wrong "apiKey" value.' },
    });
  });

  it('G13: a customer created carries itself whole (`created: true`, field id); an edit lists one item per changed field with a short reference', async () => {
    await seed({
      users: [
        { id: '5', name: 'Olena' },
        { id: '6', name: 'Petro' },
      ],
    });
    const { id } = await post('/api/v5/customers/create', {
      customer: {
        firstName: 'Ivan',
        phones: [{ number: '067 123 4567' }],
        managerId: 5,
        externalId: 'x1',
      },
    });
    await post(`/api/v5/customers/${String(id)}/edit`, {
      customer: { managerId: 6, phones: [{ number: '067 123 4567' }, { number: '+380931112233' }] },
    });
    const page = await history('/api/v5/customers/history');
    expect(page.success).toBe(true);
    expect(page.generatedAt).toMatch(LOCAL);
    expect(page.history.map((item) => [item.field, item.oldValue, item.newValue])).toEqual([
      ['id', null, id],
      ['manager', { id: 5 }, { id: 6 }],
      ['phones', null, '+380931112233'],
    ]);
    expect(page.history[0]).toMatchObject({
      created: true,
      source: 'api',
      customer: { id, firstName: 'Ivan', managerId: 5, phones: [{ number: '067 123 4567' }] },
    });
    expect(page.history[1]?.customer).toEqual({ id, externalId: 'x1', site: 'main' });
    expect(page.history.every((item) => LOCAL.test(item.createdAt))).toBe(true);
    expect(page.pagination).toEqual({
      limit: 20,
      totalCount: 3,
      currentPage: 1,
      totalPageCount: 1,
    });
  });

  it('G13: an order created names its first status; its re-owning and its customer are listed', async () => {
    await seed({
      users: [
        { id: '5', name: 'Olena' },
        { id: '6', name: 'Petro' },
      ],
      contacts: [{ id: '10', phones: [] }],
    });
    const { id } = await post('/api/v5/orders/create', {
      order: { phone: '0671234567', managerId: 5 },
    });
    await post(`/api/v5/orders/${String(id)}/edit`, {
      order: { managerId: 6, customer: { id: 10 } },
    });
    const page = await history('/api/v5/orders/history');
    expect(page.history.map((item) => [item.field, item.oldValue, item.newValue])).toEqual([
      ['status', null, { code: 'new' }],
      ['manager', { id: 5 }, { id: 6 }],
      ['customer', null, { id: 10, site: 'main' }],
    ]);
    expect(page.history[0]).toMatchObject({ created: true, order: { id, phone: '0671234567' } });
    expect(page.history[1]?.order).toEqual({ id, managerId: 6, site: 'main', status: 'new' });
  });

  it('G13: seeded records are in the history at their (past) creation dates', async () => {
    await seed({
      users: [{ id: '5', name: 'Olena' }],
      contacts: [{ id: '10', phones: ['+380671234567'], ownerId: '5' }],
      deals: [{ id: '20', contactId: '10', ownerId: '5', status: 'open' }],
    });
    const customers = await history('/api/v5/customers/history');
    expect(customers.history).toMatchObject([
      { id: 1, created: true, source: 'user', customer: { id: 10 } },
    ]);
    expect(customers.history[0]?.createdAt.startsWith('2000-01-01')).toBe(true);
    expect((await history('/api/v5/orders/history')).history).toMatchObject([
      { created: true, order: { id: 20, customer: { id: 10 } } },
    ]);
  });

  it('G13: filter[sinceId] gives the items after that id; startDate / endDate are local times of the account, inclusive', async () => {
    await seed({
      users: [{ id: '5', name: 'Olena' }],
      contacts: [
        { id: '10', phones: [] },
        { id: '11', phones: [] },
      ],
    });
    await post('/api/v5/customers/10/edit', { customer: { managerId: 5 } });
    expect(
      (await history('/api/v5/customers/history?filter[sinceId]=1')).history.map((item) => item.id),
    ).toEqual([2, 3]);
    // Seeded items are dated 2000-01-01 (local); the edit is dated now.
    const recent = await history(
      `/api/v5/customers/history?filter[startDate]=${encodeURIComponent('2020-01-01 00:00:00')}`,
    );
    expect(recent.history.map((item) => [item.field, item.customer?.['id']])).toEqual([
      ['manager', 10],
    ]);
    const first = (await history('/api/v5/customers/history')).history[0];
    const upTo = await history(
      `/api/v5/customers/history?filter[endDate]=${encodeURIComponent(first?.createdAt ?? '')}`,
    );
    expect(upTo.history.map((item) => item.id)).toEqual([1]);
    expect(
      (await history(`/api/v5/customers/history?filter[customerId]=11`)).history.map(
        (item) => item.id,
      ),
    ).toEqual([2]);
  });

  it('G13: page / limit as on lists: limit ∈ {20, 50, 100}, a bad date or sinceId is refused', async () => {
    await seed({
      contacts: Array.from({ length: 45 }, (_, i) => ({ id: String(i + 1), phones: [] })),
    });
    const second = await history('/api/v5/customers/history?limit=20&page=3');
    expect(second.history.map((item) => item.id)).toEqual([41, 42, 43, 44, 45]);
    expect(second.pagination).toEqual({
      limit: 20,
      totalCount: 45,
      currentPage: 3,
      totalPageCount: 3,
    });
    expect((await get('/api/v5/customers/history?limit=30')).status).toBe(400);
    expect(await get('/api/v5/orders/history?filter[startDate]=yesterday')).toMatchObject({
      status: 400,
      json: { success: false, errors: { 'filter[startDate]': expect.any(String) as unknown } },
    });
    expect((await get('/api/v5/orders/history?filter[sinceId]=-1')).status).toBe(400);
  });
});
