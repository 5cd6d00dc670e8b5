import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startZohoEmulator, type ZohoEmulator } from '../../../emulators/zoho/index.js';
import { fitTexts } from '../capabilities.js';
import { createZohoAdapter, type ZohoAdapterOptions } from './adapter.js';

// G13 with more than 2000 records in a module: the phone index's reads follow
// Zoho's page tokens (crm-apis.md §1.11) against the emulator over real HTTP.

const CONTACTS = 2450;
let emulator: ZohoEmulator;
let seededBefore: Date;

type Counts = {
  total: number;
  byRoute: Record<string, number>;
  conditional: Record<string, number>;
};
const requests = async (): Promise<Counts> =>
  (await (await fetch(`${emulator.baseUrl}/_emulator/requests`)).json()) as Counts;

type Query = Readonly<Record<string, string | number | undefined>>;

/** The adapter, and the query params of the Contacts list requests it sent, in order. */
function watched(options: Partial<ZohoAdapterOptions> = {}): {
  adapter: ReturnType<typeof createZohoAdapter>;
  queries: Query[];
} {
  const queries: Query[] = [];
  const adapter = createZohoAdapter(emulator.connection, {
    defaultCountry: 'UA',
    timezone: 'Europe/Kyiv',
    texts: fitTexts('en'),
    onResponse: (method, url, _status, query) => {
      if (method === 'GET' && /crm\/v[\d.]+\/Contacts$/.test(url)) queries.push(query);
    },
    ...options,
  });
  return { adapter, queries };
}

beforeAll(async () => {
  emulator = await startZohoEmulator();
  seededBefore = new Date(Date.now() - 2 * 3_600_000);
  const state = {
    users: [{ id: 'u1', name: 'Olena Top' }],
    contacts: Array.from({ length: CONTACTS }, (_, index) => ({
      id: `c${index}`,
      name: `Contact ${index}`,
      phones: [`+38067${String(1_000_000 + index)}`],
      ownerId: 'u1',
    })),
    leads: [{ id: 'l1', name: 'Oleh', phones: ['+380441234567'], ownerId: 'u1', status: 'open' }],
    deals: [{ id: 'd1', name: 'Deal', contactId: 'c1', ownerId: 'u1', status: 'open' }],
  };
  expect(
    (
      await fetch(`${emulator.baseUrl}/_emulator/state`, {
        method: 'PUT',
        body: JSON.stringify(state),
      })
    ).status,
  ).toBe(204);
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  await fetch(`${emulator.baseUrl}/_emulator/requests`, { method: 'DELETE' });
});

describe('Zoho record lists past 2000 records (G13, §1.11)', () => {
  it('G13: the activation load reads all 2450 contacts: 13 pages of 200, the first without page, the rest by page_token', async () => {
    const { adapter, queries } = watched();
    const page = await adapter.listRecordsSince(null);
    if (!page.ok) throw page.error;
    const contactIds = page.value.records
      .filter((record) => record.entity === 'contacts')
      .map((record) => record.id);
    expect(contactIds).toHaveLength(CONTACTS);
    expect(new Set(contactIds).size).toBe(CONTACTS);
    expect(page.value.records).toHaveLength(CONTACTS + 2);
    expect((await requests()).byRoute).toEqual({
      'GET /crm/v8/Contacts': 13,
      'GET /crm/v8/Leads': 1,
      'GET /crm/v8/Deals': 1,
    });
    expect(queries.map((query) => query['per_page'])).toEqual(Array<string>(13).fill('200'));
    expect(queries.every((query) => query['page'] === undefined)).toBe(true);
    expect(queries.map((query) => query['page_token'] !== undefined)).toEqual([
      false,
      ...Array<boolean>(12).fill(true),
    ]);
  });

  it('G13: a poll with more than 2000 changes in one module returns them all, each page with If-Modified-Since', async () => {
    const { adapter } = watched();
    const page = await adapter.listRecordsSince(seededBefore);
    if (!page.ok) throw page.error;
    expect(page.value.records.filter((record) => record.entity === 'contacts')).toHaveLength(
      CONTACTS,
    );
    expect((await requests()).conditional).toEqual({
      'GET /crm/v8/Contacts': 13,
      'GET /crm/v8/Leads': 1,
      'GET /crm/v8/Deals': 1,
      // The poll's deleted-records lists (nothing deleted: one 304 each).
      'GET /crm/v8/Contacts/deleted': 1,
      'GET /crm/v8/Leads/deleted': 1,
      'GET /crm/v8/Deals/deleted': 1,
    });
  });

  it('G13: more records than maxListRecords fail the read with a permanent CrmError naming the cap, not a short list', async () => {
    const { adapter } = watched({ maxListRecords: 400 });
    const page = await adapter.listRecordsSince(null);
    expect(page.ok).toBe(false);
    if (page.ok) return;
    expect(page.error.kind).toBe('permanent');
    expect(page.error.message).toContain('more than 400 records');
  });

  it('G13: API v2 sends no page tokens: 10 pages by `page`, then a permanent CrmError instead of stopping at 2000', async () => {
    const { adapter, queries } = watched({ apiVersion: 'v2' });
    const page = await adapter.listRecordsSince(null);
    expect(page.ok).toBe(false);
    if (page.ok) return;
    expect(page.error.kind).toBe('permanent');
    expect(page.error.message).toContain('no next_page_token');
    expect(queries.map((query) => query['page'])).toEqual([
      undefined,
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
  });
});
