import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipedriveEmulator, type PipedriveEmulator } from './index.js';

// The emulator over HTTP: the requests the official `pipedrive` package (v33)
// sends, built by hand from crm-apis.md §6, and the /_emulator/* endpoints of
// service.md §7.

let emu: PipedriveEmulator;
let token: string;
const api = (path: string, init: RequestInit = {}): Promise<Response> =>
  fetch(`${emu.baseUrl}${path}`, {
    ...init,
    headers: {
      'x-api-token': token,
      accept: 'application/json',
      ...(init.headers as Record<string, string> | undefined),
    },
  });
const json = async (response: Response): Promise<Record<string, unknown>> =>
  (await response.json()) as Record<string, unknown>;
const control = (path: string, method: string, body?: unknown): Promise<Response> =>
  fetch(`${emu.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

beforeAll(async () => {
  emu = await startPipedriveEmulator({ burstPer2s: 100_000 });
  token = emu.connection.credentials.apiToken;
  await control('/_emulator/state', 'PUT', {
    users: [{ id: 'u1', name: 'Olena' }],
    contacts: [
      { id: 'c1', name: 'Ivan', phones: ['+380671234567'], ownerId: 'u1' },
      { id: 'c2', name: 'Petro', phones: ['067 123 4568'], ownerId: 'u1' },
    ],
  });
});
afterAll(async () => {
  await emu.close();
});

describe('crm-apis §6: what the official pipedrive client sends is accepted', () => {
  it('x-api-token on v2 persons/search, term form-encoded ("+" as %2B, a space as +)', async () => {
    const plus = await json(
      await api('/api/v2/persons/search?term=%2B380671234567&fields=phone&exact_match=true'),
    );
    expect(plus['success']).toBe(true);
    expect(
      (plus['data'] as { items: Array<{ item: { name: string } }> }).items.map((i) => i.item.name),
    ).toEqual(['Ivan']);
    const spaced = await json(
      await api('/api/v2/persons/search?term=067+123+4568&fields=phone&exact_match=true'),
    );
    expect(
      (spaced['data'] as { items: Array<{ item: { name: string } }> }).items.map(
        (i) => i.item.name,
      ),
    ).toEqual(['Petro']);
  });

  it('v2 create person with phones as objects, v1 lead, note and call log, v1 users', async () => {
    const person = await json(
      await api('/api/v2/persons', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Jane',
          owner_id: 1,
          phones: [{ value: '+491512345678', primary: true, label: 'work' }],
        }),
      }),
    );
    const personId = (person['data'] as { id: number }).id;
    const lead = await api('/api/v1/leads', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Jane', person_id: personId }),
    });
    expect(lead.status).toBe(201);
    const leadId = ((await json(lead))['data'] as { id: string }).id;
    expect(leadId).toMatch(/^[0-9a-f-]{36}$/);
    const note = await api('/api/v1/notes', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: '<p>hi</p>', lead_id: leadId }),
    });
    expect(note.status).toBe(200);
    const log = await json(
      await api('/api/v1/callLogs', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          outcome: 'connected',
          to_phone_number: '+491512345678',
          start_time: '2025-03-01 10:00:00',
          end_time: '2025-03-01 10:02:00',
          person_id: personId,
          lead_id: leadId,
        }),
      }),
    );
    expect(typeof (log['data'] as { id: unknown }).id).toBe('string');
    expect(((await json(await api('/api/v1/users')))['data'] as unknown[]).length).toBe(1);
  });

  it('crm-apis §2.2: the OAuth refresh grant with Basic auth; the token answer names the emulator as api_domain', async () => {
    const { clientId, clientSecret, refreshToken } = emu.oauthConnection.credentials;
    const response = await fetch(`${emu.oauthConnection.oauthUrl}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
      }).toString(),
    });
    const body = await json(response);
    expect(body).toMatchObject({ token_type: 'Bearer', api_domain: emu.baseUrl });
    const users = await fetch(`${emu.baseUrl}/api/v1/users`, {
      headers: { authorization: `Bearer ${String(body['access_token'])}` },
    });
    expect(users.status).toBe(200);
  });

  it('crm-apis §2.2: the classic ?api_token= on the api.pipedrive.com/v1 path', async () => {
    const response = await fetch(`${emu.baseUrl}/v1/users?api_token=${token}`);
    expect(response.status).toBe(200);
    const legacy = await json(
      await fetch(
        `${emu.baseUrl}/v1/persons/search?term=671234567&fields=phone&start=0&api_token=${token}`,
      ),
    );
    expect((legacy['data'] as { items: unknown[] }).items).toHaveLength(1);
  });
});

describe("crm-apis §2.3: Pipedrive's error bodies", () => {
  it('401 with errorCode for a missing token', async () => {
    const response = await fetch(`${emu.baseUrl}/api/v2/persons`);
    expect(response.status).toBe(401);
    expect(await json(response)).toMatchObject({
      success: false,
      error: 'unauthorized access',
      errorCode: 401,
    });
  });

  it('400 naming the field; deal_id and lead_id together refused on a call log', async () => {
    const missing = await api('/api/v2/deals', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    expect(missing.status).toBe(400);
    expect(await json(missing)).toMatchObject({
      success: false,
      error: 'title is required',
      data: null,
    });
    const both = await api('/api/v1/callLogs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        outcome: 'busy',
        to_phone_number: '1',
        start_time: '2025-03-01 10:00:00',
        end_time: '2025-03-01 10:00:00',
        deal_id: 1,
        lead_id: '00000000-0000-0000-0000-000000000000',
      }),
    });
    expect(both.status).toBeGreaterThanOrEqual(400);
  });
});

describe('service.md §7: /_emulator/*', () => {
  it('requests are counted by route pattern and reset', async () => {
    await control('/_emulator/requests', 'DELETE');
    await api('/api/v2/persons/1');
    await api('/api/v2/persons/2');
    const counts = await json(await control('/_emulator/requests', 'GET'));
    expect(counts).toMatchObject({ total: 2, byRoute: { 'GET /api/v2/persons/:id': 2 } });
  });

  it('the snapshot keeps seeded ids and prints times in the asked timezone', async () => {
    await control('/_emulator/state', 'PUT', {
      users: [{ id: 'u1', name: 'Olena' }],
      tasks: [
        {
          id: 't1',
          assigneeId: 'u1',
          done: false,
          dueAt: '2026-11-20T14:03:00+02:00',
          title: 'Call back',
          callId: 'k1',
        },
      ],
    });
    const kyiv = await json(await control('/_emulator/snapshot?timezone=Europe/Kyiv', 'GET'));
    expect(kyiv['tasks']).toEqual([
      expect.objectContaining({
        id: 't1',
        assigneeId: 'u1',
        dueAt: '2026-11-20T14:03:00+02:00',
        callId: 'k1',
      }),
    ]);
    const utc = await json(await control('/_emulator/snapshot', 'GET'));
    expect((utc['tasks'] as Array<{ dueAt: string }>)[0]?.dueAt).toBe('2026-11-20T12:03:00+00:00');
    expect((await control('/_emulator/state', 'PUT', { contacts: 'no' })).status).toBe(400);
  });

  it('faults: fail with the given status and Retry-After, then recover; bad fault bodies are refused', async () => {
    expect(
      (
        await control('/_emulator/faults', 'POST', {
          fail: { count: 1, status: 429, retryAfterSec: 2 },
        })
      ).status,
    ).toBe(204);
    const limited = await api('/api/v1/users');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(await json(limited)).toMatchObject({ success: false, error: 'Request over limit' });
    expect((await api('/api/v1/users')).status).toBe(200);
    expect((await control('/_emulator/faults', 'POST', { fail: { count: 'x' } })).status).toBe(400);
  });
});
