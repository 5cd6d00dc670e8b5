import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startZohoEmulator, type ZohoEmulator } from './index.js';
import { list } from './records.js';
import { ZohoState } from './state.js';

// §1.11: a module's record list past 2000 records with page_token, over real
// HTTP, and each refusal Zoho's Get Records docs list for its paging params.

let emulator: ZohoEmulator;
let token = '';

type Info = {
  per_page: number;
  count: number;
  page: number;
  more_records: boolean;
  next_page_token?: string | null;
  previous_page_token?: string | null;
  page_token_expiry?: string | null;
};
type ListBody = { data: Array<{ id: string }>; info: Info };
type ErrorBody = { code: string; status: string; details: Record<string, unknown> };

const get = async (path: string): Promise<{ status: number; body: unknown }> => {
  const response = await fetch(`${emulator.baseUrl}${path}`, {
    headers: { authorization: `Zoho-oauthtoken ${token}` },
  });
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
};
const control = (method: string, path: string, body?: unknown): Promise<Response> =>
  fetch(`${emulator.baseUrl}/_emulator/${path}`, {
    method,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
const contacts = (
  count: number,
): Array<{ id: string; name: string; phones: string[]; ownerId: string }> =>
  Array.from({ length: count }, (_, index) => ({
    id: `c${index}`,
    name: `Contact ${index}`,
    phones: [],
    ownerId: 'u1',
  }));

beforeAll(async () => {
  emulator = await startZohoEmulator();
  expect(
    (
      await control('PUT', 'state', {
        users: [{ id: 'u1', name: 'Olena' }],
        contacts: contacts(2450),
      })
    ).status,
  ).toBe(204);
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  const { clientId, clientSecret, refreshToken } = emulator.connection.credentials;
  const form = new URLSearchParams({
    grant_type: 'refresh_token',
    client_id: clientId,
    client_secret: clientSecret,
    refresh_token: refreshToken,
  });
  token = String(
    (
      (await (
        await fetch(`${emulator.baseUrl}/oauth/v2/token`, { method: 'POST', body: form })
      ).json()) as { access_token: string }
    ).access_token,
  );
});

describe('§1.11: Get Records past 2000 records with page_token', () => {
  it('§1.11: the first page carries next_page_token and its expiry (24 h); following the tokens lists all 2450 records once', async () => {
    const first = await get('/crm/v8/Contacts?fields=Last_Name&per_page=200');
    const body = first.body as ListBody;
    expect(first.status).toBe(200);
    expect(body.info).toMatchObject({
      page: 1,
      count: 200,
      more_records: true,
      previous_page_token: null,
    });
    expect(body.info.next_page_token).toMatch(/^[0-9a-f]{32}$/);
    const expiresInMs = Date.parse(body.info.page_token_expiry ?? '') - Date.now();
    expect(expiresInMs).toBeGreaterThan(23 * 3600 * 1000);
    expect(expiresInMs).toBeLessThanOrEqual(24 * 3600 * 1000);
    const ids = body.data.map((record) => record.id);
    let info = body.info;
    let requests = 1;
    while (info.more_records) {
      const next = await get(
        `/crm/v8/Contacts?fields=Last_Name&per_page=200&page_token=${info.next_page_token ?? ''}`,
      );
      expect(next.status).toBe(200);
      const page = next.body as ListBody;
      ids.push(...page.data.map((record) => record.id));
      info = page.info;
      requests += 1;
    }
    expect(requests).toBe(13);
    expect(info).toMatchObject({ count: 50, next_page_token: null });
    expect(info.previous_page_token).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(2450);
  });

  it("§1.11: page 10 of 200 is served; page 11 is refused with 400 DISCRETE_PAGINATION_LIMIT_EXCEEDED; page 10's token reads records 2001–2200", async () => {
    const tenth = await get('/crm/v8/Contacts?per_page=200&page=10');
    expect(tenth.status).toBe(200);
    const eleventh = await get('/crm/v8/Contacts?per_page=200&page=11');
    expect(eleventh).toMatchObject({
      status: 400,
      body: {
        code: 'DISCRETE_PAGINATION_LIMIT_EXCEEDED',
        status: 'error',
        details: { limit: 2000 },
      },
    });
    const past = await get(
      `/crm/v8/Contacts?per_page=200&page_token=${(tenth.body as ListBody).info.next_page_token ?? ''}`,
    );
    expect(past.status).toBe(200);
    expect((past.body as ListBody).info).toMatchObject({
      page: 11,
      count: 200,
      more_records: true,
    });
  });

  it("§1.11: page and page_token together are AMBIGUITY_DURING_PROCESSING; an unknown token INVALID_DATA; other params than the token's TOKEN_BOUND_DATA_MISMATCH", async () => {
    const nextToken =
      ((await get('/crm/v8/Contacts?fields=Last_Name')).body as ListBody).info.next_page_token ??
      '';
    const both = await get(`/crm/v8/Contacts?fields=Last_Name&page=2&page_token=${nextToken}`);
    expect(both).toMatchObject({ status: 400, body: { code: 'AMBIGUITY_DURING_PROCESSING' } });
    const unknown = await get('/crm/v8/Contacts?fields=Last_Name&page_token=0123456789abcdef');
    expect(unknown).toMatchObject({
      status: 400,
      body: { code: 'INVALID_DATA', details: { param_name: 'page_token' } },
    });
    const altered = await get(`/crm/v8/Contacts?fields=Last_Name,Email&page_token=${nextToken}`);
    expect(altered).toMatchObject({ status: 400, body: { code: 'TOKEN_BOUND_DATA_MISMATCH' } });
    expect((await get(`/crm/v8/Contacts?fields=Last_Name&page_token=${nextToken}`)).status).toBe(
      200,
    );
  });

  it('§1.11: a token past its 24 hours is EXPIRED_VALUE (faults `expirePageTokens`)', async () => {
    const nextToken = ((await get('/crm/v8/Contacts')).body as ListBody).info.next_page_token ?? '';
    expect((await control('POST', 'faults', { expirePageTokens: true })).status).toBe(204);
    const expired = await get(`/crm/v8/Contacts?page_token=${nextToken}`);
    expect(expired).toMatchObject({
      status: 400,
      body: { code: 'EXPIRED_VALUE', details: { param_name: 'page_token' } },
    });
  });

  it('§1.11: API v2 lists carry no page tokens (v2.1 and later, UNVERIFIED which version); page 11 is refused there too', async () => {
    const info = ((await get('/crm/v2/Contacts?per_page=200')).body as ListBody).info;
    expect(info.more_records).toBe(true);
    expect(info).not.toHaveProperty('next_page_token');
    expect((await get('/crm/v2/Contacts?per_page=200&page=11')).body as ErrorBody).toMatchObject({
      code: 'DISCRETE_PAGINATION_LIMIT_EXCEEDED',
    });
  });

  it('§1.11: tokens reach 100 000 records; the next one is refused with PAGINATION_LIMIT_EXCEEDED', () => {
    // In process: 500 requests over HTTP would only make the test slow.
    const state = new ZohoState();
    state.list('Contacts').push(
      ...Array.from({ length: 100_200 }, (_, index) => ({
        id: String(1_000_000 + index),
        Last_Name: `C${index}`,
      })),
    );
    let query = new Map([['per_page', '200']]);
    let read = 0;
    for (let request = 0; request < 500; request += 1) {
      const reply = list(state, 'Contacts', query);
      const body = reply.body as ListBody;
      expect(reply.status).toBe(200);
      read += body.data.length;
      query = new Map([
        ['per_page', '200'],
        ['page_token', body.info.next_page_token ?? ''],
      ]);
    }
    expect(read).toBe(100_000);
    expect(list(state, 'Contacts', query)).toMatchObject({
      status: 400,
      body: { code: 'PAGINATION_LIMIT_EXCEEDED', details: { limit: 100_000 } },
    });
  });
});
