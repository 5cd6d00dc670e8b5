import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startRetailcrmEmulator,
  type RetailcrmEmulator,
} from '../../../emulators/retailcrm/index.js';
import { fitTexts } from '../capabilities.js';
import type { IndexRecord, IndexRemoval } from '../port.js';
import { createRetailcrmAdapter, type RetailcrmAdapter } from './adapter.js';
import { readCursor, writeCursor } from './index-records.js';

// G13: the adapter's reader for the phone index against the emulator over real
// HTTP (loopback): the lists on activation, the change histories on a poll.

const TZ = 'Europe/Kyiv';
let emu: RetailcrmEmulator;
let adapter: RetailcrmAdapter;
let ids: Record<string, Record<string, number>>;

beforeEach(async () => {
  emu = await startRetailcrmEmulator({ ratePerSec: 100_000, timezone: TZ });
  adapter = createRetailcrmAdapter(emu.connection, {
    texts: fitTexts('en'),
    defaultCountry: 'UA',
    timezone: TZ,
    ratePerSec: 100_000,
  });
});
afterEach(async () => {
  await emu.close();
});

async function seed(state: object): Promise<void> {
  const put = await fetch(`${emu.baseUrl}/_emulator/state?timezone=${encodeURIComponent(TZ)}`, {
    method: 'PUT',
    body: JSON.stringify(state),
  });
  expect(put.status).toBe(204);
  ids = (await (await fetch(`${emu.baseUrl}/_emulator/ids`)).json()) as typeof ids;
}
const id = (kind: string, neutral: string): string => String(ids[kind]?.[neutral] ?? '');

/** A change made in the CRM directly (a manager, another integration): the API with the account's key, not the adapter. */
async function inCrm(path: string, fields: Record<string, unknown>): Promise<number> {
  const body = new URLSearchParams(
    Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, JSON.stringify(v)])),
  );
  const response = await fetch(`${emu.baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'X-API-KEY': emu.connection.credentials.apiKey,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body,
  });
  const json = (await response.json()) as { success: boolean; id: number };
  expect(json.success).toBe(true);
  return json.id;
}

/** A manager deleting a record in the CRM's UI (the API has no delete for customers or orders): the emulator's stand-in. */
const deleteInUi = (kind: 'customers' | 'orders', nativeId: string | number): Promise<Response> =>
  fetch(`${emu.baseUrl}/_emulator/ui/${kind}/${nativeId}/delete`, { method: 'POST' });

/** Every page, as the index sync reads them; the number of calls too. */
async function readAll(
  since: Date | null,
): Promise<{ records: IndexRecord[]; removed: IndexRemoval[]; calls: number }> {
  const records: IndexRecord[] = [];
  const removed: IndexRemoval[] = [];
  let cursor: string | null = null;
  for (let calls = 1; calls < 100; calls++) {
    const page = await adapter.listRecordsSince(since, cursor);
    if (!page.ok) throw page.error;
    records.push(...page.value.records);
    removed.push(...(page.value.removed ?? []));
    cursor = page.value.next;
    if (cursor === null) return { records, removed, calls };
  }
  throw new Error('the pager did not end');
}
const keyed = (records: readonly IndexRecord[]): Map<string, IndexRecord> =>
  new Map(records.map((record) => [`${record.entity}:${record.id}`, record]));

const STATE = {
  users: [
    { id: 'u1', name: 'Olena Top' },
    { id: 'u2', name: 'Petro' },
  ],
  contacts: [
    { id: 'c1', name: 'Ivan', phones: ['067 123 4567', '+38 050 111 22 33'], ownerId: 'u1' },
    { id: 'c2', name: 'Maria', phones: ['+380931112233'], ownerId: 'u2' },
  ],
  deals: [
    { id: 'd1', contactId: 'c1', ownerId: 'u2', status: 'open' },
    { id: 'd2', contactId: null, phones: ['0441234567'], ownerId: 'u1', status: 'won' },
  ],
};

describe('retailCRM listRecordsSince (G13)', () => {
  it('G13: activation reads every customer (contact) and order (deal): phones as stored, manager, customer, creation time', async () => {
    await seed(STATE);
    const { records } = await readAll(null);
    expect(records).toHaveLength(4);
    const byKey = keyed(records);
    expect(byKey.get(`contacts:${id('customers', 'c1')}`)).toMatchObject({
      phones: ['067 123 4567', '+38 050 111 22 33'],
      ownerId: id('users', 'u1'),
      contactId: null,
    });
    expect(byKey.get(`contacts:${id('customers', 'c2')}`)).toMatchObject({
      phones: ['+380931112233'],
      ownerId: id('users', 'u2'),
    });
    // An order without phones of its own is reached through its customer's.
    expect(byKey.get(`deals:${id('orders', 'd1')}`)).toMatchObject({
      phones: [],
      ownerId: id('users', 'u2'),
      contactId: id('customers', 'c1'),
    });
    expect(byKey.get(`deals:${id('orders', 'd2')}`)).toMatchObject({
      phones: ['0441234567'],
      ownerId: id('users', 'u1'),
      contactId: null,
    });
    // Seeded records are dated a second apart from 2000-01-01 00:00:00 UTC (users first), kept as the
    // account's local time (02:00:03 in Kyiv) and read back in the adapter's timezone as the instant.
    expect(byKey.get(`contacts:${id('customers', 'c1')}`)?.createdAt).toEqual(
      new Date('2000-01-01T00:00:03Z'),
    );
    expect(records.every((record) => record.createdAt instanceof Date)).toBe(true);
  });

  it('G13: a poll returns exactly the customer created and the customer re-owned in the CRM directly, as they are now', async () => {
    await seed(STATE);
    const since = new Date(Date.now() - 1_000);
    expect((await readAll(since)).records).toEqual([]);
    const walkIn = await inCrm('/api/v5/customers/create', {
      customer: {
        firstName: 'Walk-in',
        phones: [{ number: '+380 44 765 43 21' }],
        managerId: Number(id('users', 'u2')),
      },
    });
    await inCrm(`/api/v5/customers/${id('customers', 'c2')}/edit`, {
      by: 'id',
      customer: { managerId: Number(id('users', 'u1')) },
    });
    const { records } = await readAll(since);
    expect(records.map((record) => `${record.entity}:${record.id}`).sort()).toEqual(
      [`contacts:${id('customers', 'c2')}`, `contacts:${walkIn}`].sort(),
    );
    const byKey = keyed(records);
    expect(byKey.get(`contacts:${walkIn}`)).toMatchObject({
      phones: ['+380 44 765 43 21'],
      ownerId: id('users', 'u2'),
    });
    expect(byKey.get(`contacts:${id('customers', 'c2')}`)).toMatchObject({
      phones: ['+380931112233'],
      ownerId: id('users', 'u1'),
    });
    // `startDate` is written in the account's time: from a moment after the changes, nothing.
    expect((await readAll(new Date(Date.now() + 1_000))).records).toEqual([]);
  });

  it('G13: a poll reads orders re-owned or given a phone in the CRM directly', async () => {
    await seed(STATE);
    const since = new Date(Date.now() - 1_000);
    await inCrm(`/api/v5/orders/${id('orders', 'd1')}/edit`, {
      by: 'id',
      order: { managerId: Number(id('users', 'u1')), phone: '0671112233' },
    });
    const { records } = await readAll(since);
    expect(records).toEqual([
      expect.objectContaining({
        entity: 'deals',
        id: id('orders', 'd1'),
        phones: ['0671112233'],
        ownerId: id('users', 'u1'),
        contactId: id('customers', 'c1'),
      }),
    ]);
  });

  it('G13: pages: 100 records per call, on activation and on a poll, none twice', async () => {
    const contacts = Array.from({ length: 230 }, (_, i) => ({
      id: `c${i}`,
      phones: [`+38067${String(1_000_000 + i)}`],
      ownerId: 'u1',
    }));
    await seed({ ...STATE, contacts });
    const load = await readAll(null);
    // Customers: 3 pages; orders: 1.
    expect(load.calls).toBe(4);
    expect(keyed(load.records).size).toBe(232);
    const since = new Date(Date.now() - 1_000);
    for (let i = 0; i < 130; i++)
      await inCrm(`/api/v5/customers/${id('customers', `c${i}`)}/edit`, {
        by: 'id',
        customer: { managerId: Number(id('users', 'u2')) },
      });
    const poll = await readAll(since);
    // Customer history: 130 items, 2 pages; order history: 1 (empty) page.
    expect(poll.calls).toBe(3);
    expect(poll.records).toHaveLength(130);
    expect(keyed(poll.records).size).toBe(130);
    expect(poll.records.every((record) => record.ownerId === id('users', 'u2'))).toBe(true);
  });

  it('G13: a poll names the customer (contact) and the order (deal) deleted in the CRM in `removed`; those deleted before `since` are not; activation has no removals', async () => {
    await seed({
      ...STATE,
      contacts: [
        ...STATE.contacts,
        { id: 'c3', name: 'Early', phones: ['0501234567'], ownerId: 'u1' },
      ],
    });
    // Deleted before `since`: not this poll's business.
    expect((await deleteInUi('customers', id('customers', 'c3'))).status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const since = new Date();
    expect(await readAll(since)).toMatchObject({ records: [], removed: [] });
    expect((await deleteInUi('customers', id('customers', 'c2'))).status).toBe(204);
    expect((await deleteInUi('orders', id('orders', 'd2'))).status).toBe(204);
    const poll = await readAll(since);
    expect(poll.records).toEqual([]);
    expect(poll.removed).toEqual([
      { entity: 'contacts', id: id('customers', 'c2') },
      { entity: 'deals', id: id('orders', 'd2') },
    ]);
    const load = await readAll(null);
    expect(load.removed).toEqual([]);
    expect(load.records.map((record) => `${record.entity}:${record.id}`).sort()).toEqual(
      [`contacts:${id('customers', 'c1')}`, `deals:${id('orders', 'd1')}`].sort(),
    );
  });

  it('G13: a customer merged into another (customers/combine) is removed; its orders are read again with the kept customer; an order merged away (orders/combine) is removed', async () => {
    await seed(STATE);
    const since = new Date(Date.now() - 1_000);
    const [c1, c2, d1, d2] = [
      id('customers', 'c1'),
      id('customers', 'c2'),
      id('orders', 'd1'),
      id('orders', 'd2'),
    ];
    // d1 belongs to c1: merging c1 into c2 moves it.
    await inCrm('/api/v5/customers/combine', {
      customers: [{ id: Number(c1) }],
      resultCustomer: { id: Number(c2) },
    });
    await inCrm('/api/v5/orders/combine', {
      order: { id: Number(d2) },
      resultOrder: { id: Number(d1) },
    });
    const poll = await readAll(since);
    expect(poll.removed).toEqual([
      { entity: 'contacts', id: c1 },
      { entity: 'deals', id: d2 },
    ]);
    expect(poll.records).toEqual([
      expect.objectContaining({ entity: 'deals', id: d1, contactId: c2 }),
    ]);
  });

  it('G13: a customer created and deleted between two polls is only removed; a page of many deletions keeps the pages contract', async () => {
    const contacts = Array.from({ length: 120 }, (_, i) => ({
      id: `c${i}`,
      phones: [`+38067${String(1_000_000 + i)}`],
      ownerId: 'u1',
    }));
    await seed({ ...STATE, contacts, deals: [] });
    const since = new Date(Date.now() - 1_000);
    const walkIn = await inCrm('/api/v5/customers/create', {
      customer: { firstName: 'Brief', phones: [{ number: '0441112233' }] },
    });
    expect((await deleteInUi('customers', walkIn)).status).toBe(204);
    for (let i = 0; i < 120; i++)
      expect((await deleteInUi('customers', Number(id('customers', `c${i}`)))).status).toBe(204);
    const poll = await readAll(since);
    // 122 history items: two customer pages, one (empty) order page.
    expect(poll.calls).toBe(3);
    expect(poll.records).toEqual([]);
    expect(poll.removed).toHaveLength(121);
    expect(new Set(poll.removed.map((removal) => removal.id)).size).toBe(121);
    expect(poll.removed).toContainEqual({ entity: 'contacts', id: String(walkIn) });
  });

  it('G13: a refused key is `reauth` (G10), on activation and on a poll', async () => {
    await seed(STATE);
    const refused = createRetailcrmAdapter(
      { baseUrl: emu.baseUrl, credentials: { apiKey: 'not-the-key' } },
      { texts: fitTexts('en'), timezone: TZ },
    );
    for (const since of [null, new Date()]) {
      const page = await refused.listRecordsSince(since, null);
      expect(page.ok).toBe(false);
      if (!page.ok) expect(page.error.kind).toBe('reauth');
    }
  });

  it('G13: the cursor says where the next page starts: a list page, or the history after an item id', () => {
    expect(writeCursor({ phase: 'orders', page: 3 })).toBe('list:orders:3');
    expect(readCursor('history:customers:1234')).toEqual({ phase: 'customers', afterId: 1234 });
    expect(readCursor('history:orders:')).toEqual({ phase: 'orders', afterId: null });
    expect(() => readCursor('page=2')).toThrow();
  });
});
