import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRetailcrmEmulator, type RetailcrmEmulator } from './index.js';

// The emulator over real HTTP: the API as crm-apis.md §3 and §6 describe it,
// and the /_emulator/* endpoints of service.md §7.

const anyString: unknown = expect.any(String);
const anyNumber: unknown = expect.any(Number);
let emulator: RetailcrmEmulator;
let key: string;
beforeEach(async () => {
  emulator = await startRetailcrmEmulator({
    apiKey: 'k-123',
    ratePerSec: 1000,
    telephonyRatePerSec: 1000,
  });
  key = emulator.connection.credentials.apiKey;
});
afterEach(() => emulator.close());

const url = (path: string): string => `${emulator.baseUrl}${path}`;
const form = (fields: Record<string, unknown>): string =>
  new URLSearchParams(
    Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    ),
  ).toString();
async function call(
  method: string,
  path: string,
  body?: Record<string, unknown>,
  headers: Record<string, string> = { 'X-API-KEY': key },
) {
  const response = await fetch(url(path), {
    method,
    headers: { ...headers, ...(body && { 'content-type': 'application/x-www-form-urlencoded' }) },
    ...(body && { body: form(body) }),
  });
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as Record<string, unknown>,
  };
}
async function seed(state: object, timezone = 'UTC'): Promise<void> {
  const response = await fetch(url(`/_emulator/state?timezone=${timezone}`), {
    method: 'PUT',
    body: JSON.stringify(state),
  });
  expect(response.status).toBe(204);
}
const snapshot = async (timezone = 'UTC') =>
  (await (await fetch(url(`/_emulator/snapshot?timezone=${timezone}`))).json()) as Record<
    string,
    Array<Record<string, unknown>>
  >;

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

describe('retailCRM emulator: the API (crm-apis.md §3)', () => {
  it('§3.2 auth: a missing key and a wrong key get the messages the official client maps', async () => {
    expect(await call('GET', '/api/v5/users', undefined, {})).toMatchObject({
      status: 403,
      json: { success: false, errorMsg: '"apiKey" is missing.' },
    });
    expect(await call('GET', '/api/v5/users', undefined, { 'X-API-KEY': 'nope' })).toMatchObject({
      status: 403,
      json: { errorMsg: 'Wrong "apiKey" value.' },
    });
    expect((await call('GET', `/api/v5/users?apiKey=${key}`, undefined, {})).status).toBe(200);
  });

  it('§3.2 a wrong method is 405, a bad entity is 400 with the field map', async () => {
    expect(await call('POST', '/api/v5/users', {})).toMatchObject({
      status: 405,
      json: { errorMsg: 'Method Not Allowed' },
    });
    const bad = await call('POST', '/api/v5/customers/create', {
      customer: { phones: [{ number: 5 }] },
    });
    expect(bad).toMatchObject({
      status: 400,
      json: {
        success: false,
        errorMsg: 'Errors in the entity format',
        errors: { 'phones[0][number]': anyString },
      },
    });
    expect(await call('POST', '/api/v5/customers/create', {})).toMatchObject({
      status: 400,
      json: { errorMsg: "Parameter 'customer' is missing" },
    });
  });

  it('§3.3 pagination: page/limit with the pagination block; a limit outside {20,50,100} is refused', async () => {
    await seed({
      contacts: Array.from({ length: 25 }, (_, i) => ({ id: `c${i}`, name: `N${i}`, phones: [] })),
    });
    const first = await call('GET', '/api/v5/customers?limit=20&page=1');
    expect(first.json['pagination']).toEqual({
      limit: 20,
      totalCount: 25,
      currentPage: 1,
      totalPageCount: 2,
    });
    expect((await call('GET', '/api/v5/customers?limit=20&page=2')).json['customers']).toHaveLength(
      5,
    );
    expect((await call('GET', '/api/v5/customers?limit=7')).status).toBe(400);
  });

  it("§3.9 rate limit: over the per-second budget the answer is 503 with retailCRM's body", async () => {
    const limited = await startRetailcrmEmulator({ apiKey: 'k', ratePerSec: 3 });
    const statuses = await Promise.all(
      Array.from({ length: 6 }, () =>
        fetch(`${limited.baseUrl}/api/v5/users`, { headers: { 'X-API-KEY': 'k' } }).then(
          (r) => r.status,
        ),
      ),
    );
    await limited.close();
    expect(statuses.filter((status) => status === 503).length).toBeGreaterThanOrEqual(3);
  });

  it('§3.4 G1 phone search (UNVERIFIED semantics): digits ending with the query; a number stored with an extension is not reached', async () => {
    await seed({
      contacts: [
        { id: 'a', name: 'A', phones: ['+380671234567'] },
        { id: 'b', name: 'B', phones: ['+380 67 123 4567'] },
        { id: 'c', name: 'C', phones: ['067 123 4567'] },
        { id: 'd', name: 'D', phones: ['+38-067-123-4567'] },
        { id: 'e', name: 'E', phones: ['380671234567'] },
        { id: 'x', name: 'X', phones: ['067 123 4567 ext. 12'] },
        { id: 'y', name: 'Y', phones: ['+380501112233'] },
      ],
    });
    const found = await call('GET', '/api/v5/customers?filter[name]=671234567');
    expect(
      (found.json['customers'] as Array<{ firstName: string }>).map((c) => c.firstName),
    ).toEqual(['A', 'B', 'C', 'D', 'E']);
    const exact = await call(
      'GET',
      `/api/v5/customers?filter[name]=${encodeURIComponent('+380671234567')}`,
    );
    expect(
      (exact.json['customers'] as Array<{ firstName: string }>).map((c) => c.firstName),
    ).toEqual(['A', 'B', 'D', 'E']);
  });

  it("§6 the official PHP client's request shapes are accepted (X-Api-Key, indexed filters, JSON in form fields, by=externalId)", async () => {
    await seed({ users: [{ id: '27', name: 'Petro Manager' }] });
    const headers = { 'X-Api-Key': key };
    const created = await call(
      'POST',
      '/api/v5/customers/create',
      {
        site: 'main',
        customer: {
          externalId: '10',
          firstName: 'Ivan',
          phones: [{ number: '+79001234567' }],
          managerId: 27,
          contragent: { contragentType: 'individual' },
        },
      },
      headers,
    );
    expect(created).toMatchObject({ status: 201, json: { success: true, id: anyNumber } });
    const id = created.json['id'] as number;
    expect(
      (
        await call(
          'GET',
          `/api/v5/customers?filter%5Bids%5D%5B0%5D=${id}&limit=20&page=1`,
          undefined,
          headers,
        )
      ).json['customers'],
    ).toHaveLength(1);
    expect(
      (await call('GET', '/api/v5/customers/10?by=externalId&site=main', undefined, headers)).json[
        'customer'
      ],
    ).toMatchObject({ id });
    expect(
      await call(
        'POST',
        '/api/v5/customers/notes/create',
        { site: 'main', note: { text: 'Hi', managerId: 27, customer: { externalId: '10' } } },
        headers,
      ),
    ).toMatchObject({ json: { success: true } });
    const order = await call(
      'POST',
      '/api/v5/orders/create',
      {
        site: 'main',
        order: {
          orderMethod: 'phone',
          firstName: 'Ivan',
          phone: '+79001234567',
          customer: { id },
          managerId: 27,
        },
      },
      headers,
    );
    expect(order.json).toMatchObject({ success: true, id: anyNumber, order: { status: 'new' } });
    const task = await call(
      'POST',
      '/api/v5/tasks/create',
      {
        site: 'main',
        task: {
          text: 'Call back',
          commentary: 'missed',
          datetime: '2025-03-01 14:30',
          performerId: 27,
          customer: { id },
          phone: '+79001234567',
        },
      },
      headers,
    );
    expect(task.json).toMatchObject({ success: true, id: anyNumber });
    const module = {
      code: 'my-pbx',
      integrationCode: 'my-pbx',
      active: true,
      name: 'My PBX',
      clientId: 'c',
      baseUrl: 'https://pbx.example',
      integrations: {
        telephony: {
          makeCallUrl: 'https://pbx.example/make-call',
          allowEdit: false,
          inputEventSupported: true,
          outputEventSupported: true,
          hangupEventSupported: true,
          additionalCodes: [{ userId: 27, code: '101' }],
        },
      },
    };
    expect(
      (
        await call(
          'POST',
          '/api/v5/integration-modules/my-pbx/edit',
          { integrationModule: module },
          headers,
        )
      ).json,
    ).toMatchObject({ success: true });
    const event = {
      phone: '88005553125',
      type: 'in',
      codes: ['101'],
      userIds: [27],
      site: 'main',
      callExternalId: 'abc-123',
      externalPhone: '+74951234567',
    };
    expect((await call('POST', '/api/v5/telephony/call/event', { event }, headers)).json).toEqual({
      success: true,
    });
    const calls = [
      {
        date: '2025-02-23 13:30:00',
        type: 'in',
        phone: '+79001234567',
        code: '101',
        userId: 27,
        result: 'answered',
        duration: 60,
        durationWaiting: 10,
        externalId: 'abc-123',
        recordUrl: 'https://pbx.example/rec/abc-123.mp3',
        externalPhone: '+74951234567',
      },
    ];
    expect((await call('POST', '/api/v5/telephony/calls/upload', { calls }, headers)).json).toEqual(
      { success: true, processedCallsCount: 1, duplicateCalls: [] },
    );
    expect((await call('POST', '/api/v5/telephony/calls/upload', { calls }, headers)).json).toEqual(
      { success: true, processedCallsCount: 0, duplicateCalls: ['abc-123'] },
    );
    expect(
      (await call('GET', '/api/v5/reference/statuses', undefined, headers)).json['statuses'],
    ).toHaveProperty('new');
    const manager = await call(
      'GET',
      '/api/v5/telephony/manager?phone=89001234567&details=1&ignoreStatus=1',
      undefined,
      headers,
    );
    expect(manager.json).toMatchObject({
      success: true,
      manager: { id: 27, firstName: 'Petro', code: '101' },
      customer: { id },
    });
    const view = await snapshot();
    expect(view['notifications']).toEqual([{ userId: '27', callId: 'abc-123', kind: 'incoming' }]);
    expect(view['calls']?.[0]).toMatchObject({
      callId: 'abc-123',
      direction: 'incoming',
      disposition: 'answered',
      recordingUrl: 'https://pbx.example/rec/abc-123.mp3',
      userId: '27',
      contactId: String(id),
    });
  });

  it('§3.8 RC-3: a hangup event with a non-answered status is a missed notification; call events need the telephony module', async () => {
    await seed({ users: [{ id: '5', name: 'A' }] });
    const event = {
      phone: '0671234567',
      type: 'hangup',
      hangupStatus: 'no answered',
      userIds: [5],
      callExternalId: 'k9',
    };
    expect((await call('POST', '/api/v5/telephony/call/event', { event })).status).toBe(400);
    await call('POST', '/api/v5/integration-modules/cm/edit', {
      integrationModule: {
        code: 'cm',
        name: 'CM',
        integrations: { telephony: { hangupEventSupported: true } },
      },
    });
    expect((await call('POST', '/api/v5/telephony/call/event', { event })).json).toEqual({
      success: true,
    });
    expect((await snapshot())['notifications']).toEqual([
      { userId: '5', callId: 'k9', kind: 'missed' },
    ]);
  });
});
