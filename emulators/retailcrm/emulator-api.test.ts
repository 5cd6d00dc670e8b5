import { describe, expect, it } from 'vitest';
import {
  anyNumber,
  anyString,
  call,
  key,
  seed,
  snapshot,
  useRetailcrmEmulator,
} from './test-kit.js';
import { startRetailcrmEmulator } from './index.js';

// The emulator over real HTTP: the API as crm-apis.md §3 and §6 describe it
// (the /_emulator/* endpoints of service.md §7 are in emulator.test.ts).

useRetailcrmEmulator();

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
