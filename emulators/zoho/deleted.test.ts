import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startZohoEmulator, type ZohoEmulator } from './index.js';

// Deleting records and the deleted-records list (deleted.ts) over real HTTP,
// as the phone index's poll reads them (G13).

let emulator: ZohoEmulator;
let token = '';
let ids: Record<string, Record<string, string>>;

const call = (
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<Response> =>
  fetch(`${emulator.baseUrl}/crm/v8/${path}`, {
    method,
    headers: { authorization: `Zoho-oauthtoken ${token}`, ...headers },
  });
const native = (collection: string, neutral: string): string => ids[collection]?.[neutral] ?? '';
const json = async (response: Response): Promise<Record<string, unknown>> =>
  (await response.json()) as Record<string, unknown>;

const SEED = {
  users: [
    { id: 'u1', name: 'Olena Top' },
    { id: 'u2', name: 'Petro' },
  ],
  contacts: [
    { id: 'c1', name: 'Ivan', phones: ['067 123 4567'], ownerId: 'u2' },
    { id: 'c2', name: 'Maria', phones: ['+380931112233'], ownerId: 'u2' },
    { id: 'c3', name: 'Oleh', phones: ['+380441234567'], ownerId: 'u1' },
  ],
  leads: [],
  deals: [{ id: 'd1', name: 'Deal', contactId: 'c1', ownerId: 'u2', status: 'open' }],
};

beforeAll(async () => {
  emulator = await startZohoEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  expect(
    (
      await fetch(`${emulator.baseUrl}/_emulator/state`, {
        method: 'PUT',
        body: JSON.stringify(SEED),
      })
    ).status,
  ).toBe(204);
  ids = (await (await fetch(`${emulator.baseUrl}/_emulator/ids`)).json()) as typeof ids;
  const { credentials } = emulator.connection;
  const form = new URLSearchParams({
    grant_type: 'refresh_token',
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
    refresh_token: credentials.refreshToken,
  });
  token = (
    (await (
      await fetch(`${emulator.connection.accountsUrl}/oauth/v2/token`, {
        method: 'POST',
        body: form,
      })
    ).json()) as { access_token: string }
  ).access_token;
});

describe('Zoho emulator: Delete Records (G13)', () => {
  it('G13: DELETE /{Module}/{id} answers "record deleted"; the record leaves lists, reads and the snapshot', async () => {
    const c1 = native('contacts', 'c1');
    const reply = await call('DELETE', `Contacts/${c1}`);
    expect(reply.status).toBe(200);
    expect(await json(reply)).toEqual({
      data: [
        { code: 'SUCCESS', status: 'success', message: 'record deleted', details: { id: c1 } },
      ],
    });
    const list = (await json(await call('GET', 'Contacts?fields=Last_Name'))) as {
      data: Array<{ id: string }>;
    };
    expect(list.data.map((record) => record.id)).not.toContain(c1);
    expect((await call('GET', `Contacts/${c1}`)).status).toBe(400);
    const snapshot = (await (await fetch(`${emulator.baseUrl}/_emulator/snapshot`)).json()) as {
      contacts: Array<{ id: string }>;
    };
    expect(snapshot.contacts.map((contact) => contact.id)).toEqual(['c2', 'c3']);
  });

  it('G13: DELETE /{Module}?ids=a,b deletes several; an unknown id fails in its own entry (207 mixed, 400 all)', async () => {
    const mixed = await call(
      'DELETE',
      `Contacts?ids=${native('contacts', 'c2')},5725767999999999999&wf_trigger=false`,
    );
    expect(mixed.status).toBe(207);
    expect(
      ((await json(mixed)) as { data: Array<{ code: string }> }).data.map((entry) => entry.code),
    ).toEqual(['SUCCESS', 'INVALID_DATA']);
    expect((await call('DELETE', 'Contacts?ids=5725767999999999999')).status).toBe(400);
    expect((await call('DELETE', `Contacts/${native('contacts', 'c2')}`)).status).toBe(400);
  });

  it('G13: DELETE without ids, with more than 100, or without a token is refused', async () => {
    expect(await json(await call('DELETE', 'Contacts'))).toMatchObject({
      code: 'REQUIRED_PARAM_MISSING',
      status: 'error',
    });
    const many = Array.from({ length: 101 }, (_, n) => String(5725767000000000000 + n)).join(',');
    expect(await json(await call('DELETE', `Contacts?ids=${many}`))).toMatchObject({
      code: 'LIMIT_EXCEEDED',
    });
    const anonymous = await fetch(
      `${emulator.baseUrl}/crm/v8/Contacts/${native('contacts', 'c1')}`,
      { method: 'DELETE' },
    );
    expect(anonymous.status).toBe(401);
    expect(
      ((await call('GET', 'Contacts?fields=Last_Name').then(json)) as { data: unknown[] }).data,
    ).toHaveLength(3);
  });
});

describe('Zoho emulator: Get List of Deleted Records (G13)', () => {
  it('G13: GET /{Module}/deleted lists id, display_name, type, deleted_by, deleted_time, newest first; 204 when none', async () => {
    expect((await call('GET', 'Contacts/deleted')).status).toBe(204);
    await call('DELETE', `Contacts/${native('contacts', 'c1')}`);
    await call('DELETE', `Contacts/${native('contacts', 'c2')}`);
    const body = (await json(await call('GET', 'Contacts/deleted?type=all'))) as {
      data: Array<Record<string, unknown>>;
      info: Record<string, unknown>;
    };
    expect(body.data.map((entry) => entry['display_name'])).toEqual(['Maria', 'Ivan']);
    expect(body.data[0]).toMatchObject({
      id: native('contacts', 'c2'),
      type: 'recycle',
      deleted_by: { id: native('users', 'u1'), name: 'Olena Top' },
    });
    expect(String(body.data[0]?.['deleted_time'])).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/,
    );
    expect(body.info).toEqual({ per_page: 200, count: 2, page: 1, more_records: false });
    expect((await call('GET', 'Deals/deleted')).status).toBe(204);
  });

  it('G13: If-Modified-Since keeps the records deleted at or after it; none answers 304', async () => {
    await call('DELETE', `Deals/${native('deals', 'd1')}`);
    const future = new Date(Date.now() + 60_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
    expect((await call('GET', 'Deals/deleted', { 'If-Modified-Since': future })).status).toBe(304);
    const past = new Date(Date.now() - 60_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
    const body = (await json(
      await call('GET', 'Deals/deleted', { 'If-Modified-Since': past }),
    )) as { data: Array<{ id: string }> };
    expect(body.data.map((entry) => entry.id)).toEqual([native('deals', 'd1')]);
  });

  it('G13: page and per_page, with info.more_records', async () => {
    await call(
      'DELETE',
      `Contacts?ids=${['c1', 'c2', 'c3'].map((c) => native('contacts', c)).join(',')}`,
    );
    const first = (await json(await call('GET', 'Contacts/deleted?page=1&per_page=2'))) as {
      data: unknown[];
      info: Record<string, unknown>;
    };
    expect(first.data).toHaveLength(2);
    expect(first.info).toMatchObject({ page: 1, per_page: 2, count: 2, more_records: true });
    const second = (await json(await call('GET', 'Contacts/deleted?page=2&per_page=2'))) as {
      data: unknown[];
      info: Record<string, unknown>;
    };
    expect(second.info).toMatchObject({ page: 2, count: 1, more_records: false });
    expect((await call('GET', 'Contacts/deleted?page=3&per_page=2')).status).toBe(204);
  });

  it('G13: type=recycle / permanent split the list once the recycle bin is emptied', async () => {
    await call('DELETE', `Contacts/${native('contacts', 'c1')}`);
    expect(
      (await json(await call('GET', 'Contacts/deleted?type=recycle'))) as unknown,
    ).toMatchObject({ data: [{ type: 'recycle' }] });
    expect((await call('GET', 'Contacts/deleted?type=permanent')).status).toBe(204);
    expect(
      (
        await fetch(`${emulator.baseUrl}/_emulator/faults`, {
          method: 'POST',
          body: JSON.stringify({ emptyRecycleBin: true }),
        })
      ).status,
    ).toBe(204);
    expect((await call('GET', 'Contacts/deleted?type=recycle')).status).toBe(204);
    expect(
      (await json(await call('GET', 'Contacts/deleted?type=permanent'))) as unknown,
    ).toMatchObject({ data: [{ type: 'permanent', id: native('contacts', 'c1') }] });
  });

  it('G13: a bad type or per_page answers 400 INVALID_DATA; Notes have no deleted list; no token answers 401', async () => {
    expect(await json(await call('GET', 'Contacts/deleted?type=trash'))).toMatchObject({
      code: 'INVALID_DATA',
      details: { api_name: 'type' },
    });
    expect(await json(await call('GET', 'Contacts/deleted?per_page=201'))).toMatchObject({
      code: 'INVALID_DATA',
      details: { api_name: 'per_page' },
    });
    expect(await json(await call('GET', 'Notes/deleted'))).toMatchObject({
      code: 'INVALID_MODULE',
    });
    expect((await fetch(`${emulator.baseUrl}/crm/v8/Contacts/deleted`)).status).toBe(401);
  });
});
