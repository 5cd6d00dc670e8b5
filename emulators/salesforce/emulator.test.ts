import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IVAN, IVANS_CALL, SEED_USERS } from '../shared/test-kit.js';
import { startSalesforceEmulator, type SalesforceConnection } from './index.js';

// The emulator over real HTTP: /_emulator/* (service.md §7) and the request
// shapes jsforce 3 sends (crm-apis.md §6), built by hand.

let emulator: Awaited<ReturnType<typeof startSalesforceEmulator>>;
let connection: SalesforceConnection;

beforeEach(async () => {
  emulator = await startSalesforceEmulator({ queryBatchSize: 2 });
  connection = emulator.connection;
});
afterEach(async () => {
  await emulator.close();
});

async function refresh(form: Record<string, string> = {}): Promise<Response> {
  const { clientId, clientSecret, refreshToken } = connection.credentials;
  return fetch(`${connection.loginUrl}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: clientId,
      client_secret: clientSecret,
      ...form,
    }).toString(),
  });
}
async function token(): Promise<string> {
  const body = (await (await refresh()).json()) as { access_token: string };
  return body.access_token;
}
async function api(
  method: string,
  path: string,
  body?: unknown,
  accessToken?: string,
): Promise<Response> {
  return fetch(`${emulator.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${accessToken ?? (await token())}`,
      'content-type': 'application/json',
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}
const emu = (method: string, path: string, body?: unknown): Promise<Response> =>
  fetch(`${emulator.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

const SEED = {
  users: SEED_USERS,
  contacts: [{ ...IVAN, fields: { Pool__c: 'Ads' } }],
  leads: [{ id: 'l1', name: 'Lead', phones: ['+380501112233'], ownerId: 'u1', status: 'open' }],
  deals: [
    { id: 'd1', name: 'Deal', contactId: 'c1', ownerId: 'u2', status: 'won', pipeline: 'Sales' },
  ],
  tasks: [
    {
      id: 't1',
      assigneeId: 'u2',
      done: false,
      dueAt: '2026-11-20T14:03:00+02:00',
      title: 'Call back',
      contactId: 'c1',
      dealId: 'd1',
      callId: 'k1',
    },
  ],
  comments: [{ id: 'n1', text: 'Hello\nworld', contactId: 'c1', dealId: 'd1' }],
  calls: [{ ...IVANS_CALL, durationSec: 60 }],
};

describe('/_emulator/* (service.md §7)', () => {
  it('PUT state keeps the neutral ids in the snapshot and maps them one-to-one to native ids', async () => {
    expect((await emu('PUT', '/_emulator/state', SEED)).status).toBe(204);
    const snapshot = (await (
      await emu('GET', '/_emulator/snapshot?timezone=Europe/Kyiv')
    ).json()) as Record<string, Array<Record<string, unknown>>>;
    expect(snapshot['contacts']?.[0]).toMatchObject({
      id: 'c1',
      name: 'Ivan',
      phones: ['067 123 4567'],
      ownerId: 'u2',
      utm: { source: 'google' },
      fields: { Pool__c: 'Ads' },
    });
    expect(snapshot['deals']?.[0]).toMatchObject({
      id: 'd1',
      contactId: 'c1',
      status: 'won',
      pipeline: 'Sales',
    });
    expect(snapshot['tasks']?.[0]).toMatchObject({
      id: 't1',
      dueAt: '2026-11-20T14:03:00+02:00',
      contactId: 'c1',
      dealId: 'd1',
      callId: 'k1',
      done: false,
    });
    expect(snapshot['comments']?.[0]).toMatchObject({
      id: 'n1',
      text: 'Hello\nworld',
      contactId: 'c1',
      dealId: 'd1',
      leadId: null,
    });
    // A Salesforce call log is a Task with subtype Call: under calls only, never under tasks.
    expect(snapshot['calls']?.map((c) => c['id'])).toEqual(['cl1']);
    expect(snapshot['tasks']?.map((t) => t['id'])).toEqual(['t1']);
    const utc = (await (await emu('GET', '/_emulator/snapshot')).json()) as typeof snapshot;
    expect(utc['tasks']?.[0]?.['dueAt']).toBe('2026-11-20T12:03:00+00:00');
    expect((await emu('GET', '/_emulator/snapshot?timezone=Mars/Olympus')).status).toBe(400);

    const ids = (await (await emu('GET', '/_emulator/ids')).json()) as Record<
      string,
      Record<string, string>
    >;
    expect(ids['contacts']?.['c1']).toMatch(/^003[a-zA-Z0-9]{15}$/);
    expect(ids['users']?.['u2']).toMatch(/^005[a-zA-Z0-9]{15}$/);
    const record = (await (
      await api(
        'GET',
        `/services/data/v59.0/sobjects/Contact/${ids['contacts']?.['c1'] ?? ''}?fields=Id,Name,OwnerId`,
      )
    ).json()) as Record<string, unknown>;
    expect(record).toMatchObject({
      Id: ids['contacts']?.['c1'],
      Name: 'Ivan',
      OwnerId: ids['users']?.['u2'],
    });
  });

  it('counts API requests by route pattern, not OAuth or /_emulator; DELETE resets', async () => {
    const t = await token();
    await api('GET', '/services/data/v59.0/query?q=SELECT+Id+FROM+User', undefined, t);
    await api('GET', '/services/data/v62.0/query/?q=SELECT+Id+FROM+User', undefined, t);
    await api('POST', '/services/data/v59.0/sobjects/Account', { Name: 'Acme' }, t);
    const counts = (await (await emu('GET', '/_emulator/requests')).json()) as {
      total: number;
      byRoute: Record<string, number>;
      oauth: number;
    };
    expect(counts.total).toBe(3);
    expect(counts.byRoute).toEqual({
      'GET /services/data/{version}/query': 2,
      'POST /services/data/{version}/sobjects/Account': 1,
    });
    expect(counts.oauth).toBe(1);
    expect((await emu('DELETE', '/_emulator/requests')).status).toBe(204);
    expect(
      ((await (await emu('GET', '/_emulator/requests')).json()) as { total: number }).total,
    ).toBe(0);
  });

  it('G10: credentials revoked → API 401 INVALID_SESSION_ID and the token endpoint refuses with invalid_grant; valid restores', async () => {
    const t = await token();
    await emu('POST', '/_emulator/faults', { credentials: 'revoked' });
    const refused = await api(
      'GET',
      '/services/data/v59.0/query?q=SELECT+Id+FROM+User',
      undefined,
      t,
    );
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual([
      { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
    ]);
    const grant = await refresh();
    expect(grant.status).toBe(400);
    expect(await grant.json()).toMatchObject({ error: 'invalid_grant' });
    await emu('POST', '/_emulator/faults', { credentials: 'valid' });
    expect(
      (await api('GET', '/services/data/v59.0/query?q=SELECT+Id+FROM+User', undefined, t)).status,
    ).toBe(200);
  });

  it('§5: fail faults answer with Salesforce bodies: a rate limit is 403 REQUEST_LIMIT_EXCEEDED, never 429', async () => {
    const t = await token();
    await emu('POST', '/_emulator/faults', { fail: { count: 2, status: 429, retryAfterSec: 2 } });
    const limited = await api('GET', '/services/data/v59.0/limits', undefined, t);
    expect(limited.status).toBe(403);
    expect(await limited.json()).toEqual([
      { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' },
    ]);
    expect(limited.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/\d+$/);
    expect((await api('GET', '/services/data/v59.0/limits', undefined, t)).status).toBe(403);
    const ok = await api('GET', '/services/data/v59.0/limits', undefined, t);
    expect(ok.status).toBe(200);
    await emu('POST', '/_emulator/faults', { fail: { count: 1, status: 503 } });
    const busy = await api('GET', '/services/data/v59.0/limits', undefined, t);
    expect(busy.status).toBe(503);
    expect(await busy.json()).toEqual([
      expect.objectContaining({ errorCode: 'SERVER_UNAVAILABLE' }),
    ]);
    expect((await emu('POST', '/_emulator/faults', { latencyMs: 1 })).status).toBe(204);
    expect((await api('GET', '/services/data/v59.0/limits', undefined, t)).status).toBe(200);
  });

  it('the daily allocation runs out with 403 REQUEST_LIMIT_EXCEEDED on every call (§4.13)', async () => {
    await emulator.close();
    emulator = await startSalesforceEmulator({ dailyLimit: 2 });
    connection = emulator.connection;
    const t = await token();
    expect((await api('GET', '/services/data/v59.0/limits', undefined, t)).status).toBe(200);
    expect((await api('GET', '/services/data/v59.0/limits', undefined, t)).status).toBe(200);
    const over = await api('GET', '/services/data/v59.0/limits', undefined, t);
    expect(over.status).toBe(403);
    expect(await over.json()).toEqual([
      expect.objectContaining({ errorCode: 'REQUEST_LIMIT_EXCEEDED' }),
    ]);
  });
});

describe('jsforce 3 request shapes (crm-apis.md §6)', () => {
  it('token refresh: form grant answers instance_url and id as …/ORGID/USERID', async () => {
    const response = await refresh();
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, string>;
    expect(body['instance_url']).toBe(emulator.baseUrl);
    expect(body['id']).toMatch(/\/id\/00D[a-zA-Z0-9]{12,15}\/005[a-zA-Z0-9]{12,15}$/);
    expect(body).toMatchObject({ token_type: 'Bearer' });
    expect(body['access_token']).toBeTruthy();
    const wrongClient = await refresh({ client_id: 'nobody' });
    expect(wrongClient.status).toBe(400);
  });

  it("query without a trailing slash, next page as /query/{locator} on the client's own version", async () => {
    await emu('PUT', '/_emulator/state', {
      users: [1, 2, 3, 4, 5].map((n) => ({ id: `u${n}`, name: `User ${n}` })),
    });
    const t = await token();
    const first = (await (
      await api(
        'GET',
        `/services/data/v59.0/query?q=${encodeURIComponent('SELECT Id, Name FROM User WHERE IsActive = true ORDER BY Name')}`,
        undefined,
        t,
      )
    ).json()) as {
      totalSize: number;
      done: boolean;
      nextRecordsUrl: string;
      records: Array<{ Name: string; attributes: { type: string } }>;
    };
    expect(first).toMatchObject({ totalSize: 5, done: false });
    expect(first.records.map((r) => r.Name)).toEqual(['User 1', 'User 2']);
    expect(first.records[0]?.attributes.type).toBe('User');
    const locator = first.nextRecordsUrl.split('/').pop() ?? '';
    const second = (await (
      await api('GET', `/services/data/v62.0/query/${locator}`, undefined, t)
    ).json()) as typeof first;
    expect(second.records.map((r) => r.Name)).toEqual(['User 3', 'User 4']);
    const third = (await (
      await api(
        'GET',
        `/services/data/v59.0/query/${second.nextRecordsUrl.split('/').pop() ?? ''}`,
        undefined,
        t,
      )
    ).json()) as typeof first;
    expect(third).toMatchObject({ done: true });
    expect(third.records.map((r) => r.Name)).toEqual(['User 5']);
  });

  it('POST sobjects/{Type} without a slash → 201 {id, success, errors}; a missing required field → 400 array', async () => {
    const t = await token();
    const created = await api(
      'POST',
      '/services/data/v59.0/sobjects/Contact',
      { LastName: 'Doe', Phone: '+15551234567' },
      t,
    );
    expect(created.status).toBe(201);
    const saved = (await created.json()) as { id: string };
    expect(saved).toMatchObject({ success: true, errors: [] });
    expect(saved.id).toMatch(/^003[a-zA-Z0-9]{15}$/);
    const slashed = await api(
      'POST',
      '/services/data/v59.0/sobjects/Contact/',
      { LastName: 'Roe' },
      t,
    );
    expect(slashed.status).toBe(201);
    const missing = await api('POST', '/services/data/v59.0/sobjects/Lead', { LastName: 'X' }, t);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual([
      {
        message: 'Required fields are missing: [Company]',
        errorCode: 'REQUIRED_FIELD_MISSING',
        fields: ['Company'],
      },
    ]);
    const unknown = await api(
      'POST',
      '/services/data/v59.0/sobjects/Contact',
      { LastName: 'X', Nope__c: 'y' },
      t,
    );
    expect(await unknown.json()).toEqual([expect.objectContaining({ errorCode: 'INVALID_FIELD' })]);
  });

  it('SOSL search: FIND {…} IN PHONE FIELDS with escaped reserved characters; empty result is 200 searchRecords: []', async () => {
    await emu('PUT', '/_emulator/state', SEED);
    const t = await token();
    const q =
      'FIND {\\+380671234567 OR 0671234567} IN PHONE FIELDS RETURNING Contact(Id, Name, Phone), Lead(Id, Name)';
    const found = (await (
      await api('GET', `/services/data/v59.0/search?q=${encodeURIComponent(q)}`, undefined, t)
    ).json()) as { searchRecords: Array<Record<string, unknown>> };
    expect(found.searchRecords).toHaveLength(1);
    expect(found.searchRecords[0]).toMatchObject({
      attributes: { type: 'Contact' },
      Name: 'Ivan',
      Phone: '067 123 4567',
    });
    const none = await api(
      'GET',
      `/services/data/v59.0/search?q=${encodeURIComponent('FIND {0991112233} IN PHONE FIELDS RETURNING Contact(Id)')}`,
      undefined,
      t,
    );
    expect(await none.json()).toEqual({ searchRecords: [] });
    const bad = await api(
      'GET',
      `/services/data/v59.0/search?q=${encodeURIComponent('FIND {a{b} RETURNING Contact')}`,
      undefined,
      t,
    );
    expect(bad.status).toBe(400);
  });

  it('POST composite/sobjects: 200 with per-record results, a failure inside (statusCode key)', async () => {
    const t = await token();
    const response = await api(
      'POST',
      '/services/data/v59.0/composite/sobjects',
      {
        allOrNone: false,
        records: [
          { attributes: { type: 'Account' }, Name: 'Acme' },
          { attributes: { type: 'Task' }, Status: 'Completed' },
        ],
      },
      t,
    );
    expect(response.status).toBe(200);
    const results = (await response.json()) as Array<Record<string, unknown>>;
    expect(results[0]).toMatchObject({ success: true, errors: [] });
    expect(results[1]).toEqual({
      success: false,
      errors: [
        {
          statusCode: 'REQUIRED_FIELD_MISSING',
          message: 'Required fields are missing: [Subject]',
          fields: ['Subject'],
        },
      ],
    });
  });
});
