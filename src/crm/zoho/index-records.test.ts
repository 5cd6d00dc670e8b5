import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startZohoEmulator, type ZohoEmulator } from '../../../emulators/zoho/index.js';
import { fitTexts } from '../capabilities.js';
import { createZohoAdapter, type ZohoCrm } from './adapter.js';
import { ifModifiedSince } from './index-records.js';

// G13: the adapter's "modified since" reader against the emulator over real HTTP (loopback).

let emulator: ZohoEmulator;
let adapter: ZohoCrm;
let ids: Record<string, Record<string, string>>;

beforeEach(async () => {
  emulator = await startZohoEmulator();
  adapter = createZohoAdapter(emulator.connection, {
    defaultCountry: 'UA',
    timezone: 'Europe/Kyiv',
    texts: fitTexts('en'),
  });
  const state = {
    users: [
      { id: 'u1', name: 'Olena Top' },
      { id: 'u2', name: 'Petro' },
    ],
    contacts: [
      { id: 'c1', name: 'Ivan', phones: ['067 123 4567', '+380501112233'], ownerId: 'u1' },
      { id: 'c2', name: 'Maria', phones: ['+380931112233'], ownerId: 'u2' },
    ],
    leads: [{ id: 'l1', name: 'Oleh', phones: ['+380441234567'], ownerId: 'u2', status: 'open' }],
    deals: [{ id: 'd1', name: 'Deal', contactId: 'c1', ownerId: 'u2', status: 'open' }],
  };
  const put = await fetch(`${emulator.baseUrl}/_emulator/state`, {
    method: 'PUT',
    body: JSON.stringify(state),
  });
  expect(put.ok).toBe(true);
  ids = (await (await fetch(`${emulator.baseUrl}/_emulator/ids`)).json()) as typeof ids;
});
afterEach(async () => {
  await emulator.close();
});

const id = (collection: string, neutral: string): string => ids[collection]?.[neutral] ?? '';

type Counts = {
  total: number;
  byRoute: Record<string, number>;
  conditional: Record<string, number>;
};
const requests = async (): Promise<Counts> =>
  (await (await fetch(`${emulator.baseUrl}/_emulator/requests`)).json()) as Counts;
const resetRequests = async (): Promise<void> => {
  await fetch(`${emulator.baseUrl}/_emulator/requests`, { method: 'DELETE' });
};
const ONE_PER_MODULE = {
  'GET /crm/v8/Contacts': 1,
  'GET /crm/v8/Leads': 1,
  'GET /crm/v8/Deals': 1,
};
/** A poll: each module's record list and its deleted-records list, all with If-Modified-Since. */
const POLL = {
  ...ONE_PER_MODULE,
  'GET /crm/v8/Contacts/deleted': 1,
  'GET /crm/v8/Leads/deleted': 1,
  'GET /crm/v8/Deals/deleted': 1,
};

describe('Zoho listRecordsSince (G13)', () => {
  it('G13: reads contacts, leads and deals: phones as stored, owner, a deal’s contact, creation time', async () => {
    const page = await adapter.listRecordsSince(null);
    if (!page.ok) throw page.error;
    const byKey = new Map(
      page.value.records.map((record) => [`${record.entity}:${record.id}`, record]),
    );
    expect(byKey.get(`contacts:${id('contacts', 'c1')}`)).toMatchObject({
      phones: ['067 123 4567', '+380501112233'],
      ownerId: id('users', 'u1'),
    });
    expect(byKey.get(`leads:${id('leads', 'l1')}`)).toMatchObject({
      phones: ['+380441234567'],
      ownerId: id('users', 'u2'),
    });
    expect(byKey.get(`deals:${id('deals', 'd1')}`)).toMatchObject({
      phones: [],
      contactId: id('contacts', 'c1'),
      ownerId: id('users', 'u2'),
    });
    expect(page.value.records).toHaveLength(4);
    expect(page.value.records.every((record) => record.createdAt instanceof Date)).toBe(true);
  });

  it('G13: only records modified at or after `since`: nothing after the last change; a re-owned contact with its new owner', async () => {
    const none = await adapter.listRecordsSince(new Date(Date.now() + 3_600_000));
    expect(none.ok && none.value.records).toEqual([]);
    const before = new Date(Date.now() - 1_000);
    expect(
      (
        await adapter.apply({
          key: 'e1#0',
          op: 'update_contact',
          id: id('contacts', 'c2'),
          patch: { ownerId: id('users', 'u1') },
        })
      ).ok,
    ).toBe(true);
    const page = await adapter.listRecordsSince(before);
    if (!page.ok) throw page.error;
    expect(page.value.records.find((record) => record.id === id('contacts', 'c2'))).toMatchObject({
      ownerId: id('users', 'u1'),
    });
  });

  it('G13: activation (since null) reads every record without If-Modified-Since', async () => {
    await resetRequests();
    const page = await adapter.listRecordsSince(null);
    if (!page.ok) throw page.error;
    expect(page.value.records.map((record) => `${record.entity}:${record.id}`).sort()).toEqual(
      [
        `contacts:${id('contacts', 'c1')}`,
        `contacts:${id('contacts', 'c2')}`,
        `leads:${id('leads', 'l1')}`,
        `deals:${id('deals', 'd1')}`,
      ].sort(),
    );
    const counts = await requests();
    expect(counts.byRoute).toMatchObject(ONE_PER_MODULE);
    expect(counts.conditional).toEqual({});
  });

  it('G13: a poll after one contact changed returns only that contact, and the emulator saw If-Modified-Since on each list', async () => {
    const since = new Date();
    expect(
      (
        await adapter.apply({
          key: 'e2#0',
          op: 'update_contact',
          id: id('contacts', 'c1'),
          patch: { ownerId: id('users', 'u2') },
        })
      ).ok,
    ).toBe(true);
    await resetRequests();
    const page = await adapter.listRecordsSince(since);
    if (!page.ok) throw page.error;
    expect(page.value.records).toHaveLength(1);
    expect(page.value.records[0]).toMatchObject({
      entity: 'contacts',
      id: id('contacts', 'c1'),
      ownerId: id('users', 'u2'),
      phones: ['067 123 4567', '+380501112233'],
    });
    expect(await requests()).toEqual({ total: 6, byRoute: POLL, conditional: POLL });
  });

  it('G13: a poll with nothing changed or deleted returns no records for two requests per module, each answered 304', async () => {
    const statuses: string[] = [];
    const watched = createZohoAdapter(emulator.connection, {
      defaultCountry: 'UA',
      timezone: 'Europe/Kyiv',
      texts: fitTexts('en'),
      onResponse: (method, url, status) =>
        statuses.push(`${method} ${url.replace(/^.*crm\/v8\//, '')} ${status}`),
    });
    await resetRequests();
    const page = await watched.listRecordsSince(new Date());
    expect(page.ok && page.value.records).toEqual([]);
    expect(page.ok && page.value.removed).toEqual([]);
    expect(statuses.sort()).toEqual([
      'GET Contacts 304',
      'GET Contacts/deleted 304',
      'GET Deals 304',
      'GET Deals/deleted 304',
      'GET Leads 304',
      'GET Leads/deleted 304',
    ]);
    expect(await requests()).toEqual({ total: 6, byRoute: POLL, conditional: POLL });
  });

  it('G13: a change later in the same second as `since` is listed though Zoho shows its time cut to the second', async () => {
    const since = new Date(Math.floor(Date.now() / 1000) * 1000 + 999);
    expect(
      (
        await adapter.apply({
          key: 'e3#0',
          op: 'update_contact',
          id: id('contacts', 'c2'),
          patch: { ownerId: id('users', 'u1') },
        })
      ).ok,
    ).toBe(true);
    const page = await adapter.listRecordsSince(since);
    if (!page.ok) throw page.error;
    expect(page.value.records.map((record) => record.id)).toEqual([id('contacts', 'c2')]);
  });

  it('G13: the header is ISO 8601 with offset, to the second, one second before `since`', () => {
    expect(ifModifiedSince(new Date('2026-11-20T08:00:05.700Z'))).toBe('2026-11-20T08:00:04+00:00');
    expect(ifModifiedSince(new Date('2026-11-20T00:00:00.000Z'))).toBe('2026-11-19T23:59:59+00:00');
  });
});

/** An access token as any API client of the org gets one: the refresh-token grant with the connection's credentials. */
async function accessToken(): Promise<string> {
  const { credentials } = emulator.connection;
  const form = new URLSearchParams({
    grant_type: 'refresh_token',
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
    refresh_token: credentials.refreshToken,
  });
  const reply = (await (
    await fetch(`${emulator.connection.accountsUrl}/oauth/v2/token`, { method: 'POST', body: form })
  ).json()) as { access_token: string };
  return reply.access_token;
}

/** Deletes records directly in the CRM (a user in Zoho's UI, another integration): `DELETE /crm/v8/{Module}?ids=…`. */
async function deleteInCrm(module: string, nativeIds: readonly string[]): Promise<void> {
  const response = await fetch(`${emulator.baseUrl}/crm/v8/${module}?ids=${nativeIds.join(',')}`, {
    method: 'DELETE',
    headers: { authorization: `Zoho-oauthtoken ${await accessToken()}` },
  });
  expect(response.status).toBe(200);
}

/** Waits until the wall clock is in a later second than `at`: Zoho keeps times to the second. */
async function nextSecond(at: number = Date.now()): Promise<void> {
  const wait = Math.floor(at / 1000) * 1000 + 1000 - Date.now() + 20;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

describe('Zoho listRecordsSince: records deleted in the CRM (G13)', () => {
  it('G13: a poll names the contact and the deal deleted in Zoho since `since` in `removed`, and lists neither as a record', async () => {
    const since = new Date();
    await deleteInCrm('Contacts', [id('contacts', 'c1')]);
    await deleteInCrm('Deals', [id('deals', 'd1')]);
    const page = await adapter.listRecordsSince(since);
    if (!page.ok) throw page.error;
    expect(
      [...(page.value.removed ?? [])].sort((a, b) => a.entity.localeCompare(b.entity)),
    ).toEqual([
      { entity: 'contacts', id: id('contacts', 'c1') },
      { entity: 'deals', id: id('deals', 'd1') },
    ]);
    expect(page.value.records).toEqual([]);
    expect(page.value.next).toBeNull();
  });

  it('G13: a record deleted before `since` (an earlier second) is not named again; one deleted after is', async () => {
    await deleteInCrm('Contacts', [id('contacts', 'c2')]);
    await nextSecond();
    const since = new Date();
    await deleteInCrm('Leads', [id('leads', 'l1')]);
    const page = await adapter.listRecordsSince(since);
    if (!page.ok) throw page.error;
    expect(page.value.removed).toEqual([{ entity: 'leads', id: id('leads', 'l1') }]);
  });

  it('G13: the activation load (since null) returns no removals and never asks the deleted lists', async () => {
    await deleteInCrm('Contacts', [id('contacts', 'c2')]);
    await resetRequests();
    const page = await adapter.listRecordsSince(null);
    if (!page.ok) throw page.error;
    expect(page.value.removed ?? []).toEqual([]);
    expect(page.value.records.map((record) => record.id)).not.toContain(id('contacts', 'c2'));
    expect((await requests()).byRoute).toEqual(ONE_PER_MODULE);
  });

  it('G13: 250 contacts deleted since the last poll: the deleted list is read page by page (200 + 50), every one named once', async () => {
    const many = Array.from({ length: 250 }, (_, n) => ({
      id: `m${n}`,
      name: `Client ${n}`,
      phones: [`+38067${String(n).padStart(7, '0')}`],
      ownerId: 'u1',
    }));
    const put = await fetch(`${emulator.baseUrl}/_emulator/state`, {
      method: 'PUT',
      body: JSON.stringify({
        users: [{ id: 'u1', name: 'Olena Top' }],
        contacts: many,
        leads: [],
        deals: [],
      }),
    });
    expect(put.ok).toBe(true);
    const native = (await (await fetch(`${emulator.baseUrl}/_emulator/ids`)).json()) as typeof ids;
    const nativeIds = many.map((contact) => native['contacts']?.[contact.id] ?? '');
    const since = new Date();
    for (let at = 0; at < nativeIds.length; at += 100)
      await deleteInCrm('Contacts', nativeIds.slice(at, at + 100));
    await resetRequests();
    const page = await adapter.listRecordsSince(since);
    if (!page.ok) throw page.error;
    expect(page.value.removed?.map((removal) => removal.id).sort()).toEqual([...nativeIds].sort());
    expect(page.value.removed?.every((removal) => removal.entity === 'contacts')).toBe(true);
    expect((await requests()).byRoute).toMatchObject({
      'GET /crm/v8/Contacts/deleted': 2,
      'GET /crm/v8/Leads/deleted': 1,
      'GET /crm/v8/Deals/deleted': 1,
    });
  });

  it('G13: a failing deleted list fails the poll (nothing half-read): the service keeps `since` and reads again', async () => {
    await fetch(`${emulator.baseUrl}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ fail: { count: 1, status: 500 } }),
    });
    const page = await adapter.listRecordsSince(new Date());
    expect(page.ok).toBe(false);
    if (!page.ok) expect(page.error.kind).toBe('retryable');
  });
});
