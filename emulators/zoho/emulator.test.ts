import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startZohoEmulator, type ZohoEmulator } from './index.js';

// The emulator over real HTTP: the control endpoints of service.md §7 and the
// request shapes of Zoho's official Node SDK (crm-apis.md §6), built by hand.

let emulator: ZohoEmulator;
let token = '';

const call = async (
  method: string,
  path: string,
  init: { body?: string; headers?: Record<string, string> } = {},
): Promise<Response> =>
  fetch(`${emulator.baseUrl}${path}`, {
    method,
    headers: { authorization: `Zoho-oauthtoken ${token}`, ...init.headers },
    ...(init.body !== undefined && { body: init.body }),
  });
const control = (method: string, path: string, body?: unknown): Promise<Response> =>
  fetch(`${emulator.baseUrl}/_emulator/${path}`, {
    method,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

/** The SDK's token request: multipart/form-data (§6). */
async function sdkToken(): Promise<Record<string, unknown>> {
  const form = new FormData();
  const { credentials } = emulator.connection;
  form.set('grant_type', 'refresh_token');
  form.set('client_id', credentials.clientId);
  form.set('client_secret', credentials.clientSecret);
  form.set('refresh_token', credentials.refreshToken);
  return (await (
    await fetch(`${emulator.connection.accountsUrl}/oauth/v2/token`, { method: 'POST', body: form })
  ).json()) as Record<string, unknown>;
}

/** A raw request, so the query string goes out byte for byte as the SDK's encodeURI builds it. */
function raw(
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; text: string }> {
  const url = new URL(emulator.baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: { authorization: `Zoho-oauthtoken ${token}` },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body); // no Content-Type header, as the SDK sends record writes
    req.end();
  });
}

const SEED = {
  users: [
    { id: 'u1', name: 'Olena Top' },
    { id: 'u2', name: 'Petro' },
  ],
  contacts: [
    {
      id: 'c1',
      name: 'Ivan',
      phones: ['067 123 4567'],
      ownerId: 'u2',
      organizationId: 'o1',
      utm: { source: 'google' },
      fields: { Pool_Name: 'Context ads' },
    },
  ],
  organizations: [{ id: 'o1', name: 'Ivan LLC', ownerId: 'u2' }],
  leads: [
    {
      id: 'l1',
      contactId: 'c1',
      name: 'Lead',
      phones: ['+380671234567'],
      ownerId: 'u2',
      status: 'open',
    },
  ],
  deals: [
    {
      id: 'd1',
      name: 'Deal',
      contactId: 'c1',
      organizationId: 'o1',
      ownerId: 'u2',
      status: 'won',
      pipeline: 'Ads',
    },
  ],
  tasks: [
    {
      id: 't1',
      assigneeId: 'u2',
      done: false,
      dueAt: '2026-11-20T13:03:00+02:00',
      title: 'Call back',
      contactId: 'c1',
      leadId: null,
      dealId: 'd1',
      callId: 'k1',
      recordingUrl: null,
    },
  ],
  comments: [{ id: 'n1', text: 'Asked for prices', contactId: null, leadId: null, dealId: 'd1' }],
  calls: [
    {
      id: 'cl1',
      callId: 'k1',
      direction: 'incoming',
      from: '+380671234567',
      to: '+380441234567',
      disposition: 'answered',
      durationSec: 185,
      startedAt: '2026-11-20T10:00:00+02:00',
      recordingUrl: null,
      userId: 'u2',
      contactId: 'c1',
      leadId: null,
      dealId: 'd1',
      description: 'Recording: https://records.example/k1.mp3',
    },
  ],
  notifications: [],
};

beforeAll(async () => {
  emulator = await startZohoEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  await control('POST', 'faults', { credentials: 'valid', fail: null, latencyMs: 0 });
  expect((await control('PUT', 'state', SEED)).status).toBe(204);
  token = String((await sdkToken())['access_token']);
});

describe('service.md §7: the /_emulator endpoints', () => {
  it('§7: PUT state then GET snapshot gives the seeded snapshot back, ids as given', async () => {
    const snapshot = await (await control('GET', 'snapshot?timezone=Europe/Kyiv')).json();
    expect(snapshot).toEqual(SEED);
  });

  it('§7: the snapshot writes times in the asked time zone (default UTC)', async () => {
    const snapshot = (await (await control('GET', 'snapshot')).json()) as {
      tasks: Array<{ dueAt: string }>;
    };
    expect(snapshot.tasks[0]?.dueAt).toBe('2026-11-20T11:03:00+00:00');
  });

  it('§7: seeded ids that are no Zoho ids are mapped one-to-one to numeric ids in the API', async () => {
    const ids = (await (await control('GET', 'ids')).json()) as Record<
      string,
      Record<string, string>
    >;
    const native = ids['contacts']?.['c1'] ?? '';
    expect(native).toMatch(/^\d{19}$/);
    const body = (await (await call('GET', `/crm/v8/Contacts/${native}`)).json()) as {
      data: Array<{ Owner: { id: string }; Account_Name: { id: string } }>;
    };
    expect(body.data[0]?.Owner.id).toBe(ids['users']?.['u2']);
    expect(body.data[0]?.Account_Name.id).toBe(ids['organizations']?.['o1']);
  });

  it('§7: requests are counted by method and route pattern, and reset', async () => {
    await control('DELETE', 'requests');
    await call('GET', '/crm/v8/Contacts/search?phone=0671234567');
    await call('GET', '/crm/v8/Contacts/search?phone=0501234567');
    await call('GET', '/crm/v8/users?type=ActiveUsers');
    const counts = (await (await control('GET', 'requests')).json()) as {
      total: number;
      byRoute: Record<string, number>;
    };
    expect(counts).toEqual({
      total: 3,
      byRoute: { 'GET /crm/v8/Contacts/search': 2, 'GET /crm/v8/users': 1 },
      conditional: {},
    });
    await control('DELETE', 'requests');
    expect(await (await control('GET', 'requests')).json()).toEqual({
      total: 0,
      byRoute: {},
      conditional: {},
    });
  });

  it('§7 faults: revoked credentials refuse API calls with INVALID_TOKEN and the refresh with invalid_code; valid restores both', async () => {
    await control('POST', 'faults', { credentials: 'revoked' });
    const denied = await call('GET', '/crm/v8/users');
    expect(denied.status).toBe(401);
    expect(await denied.json()).toMatchObject({ code: 'INVALID_TOKEN', status: 'error' });
    expect(await sdkToken()).toEqual({ error: 'invalid_code' });
    await control('POST', 'faults', { credentials: 'valid' });
    expect((await sdkToken())['access_token']).toBeTypeOf('string');
  });

  it("§7 faults: the next N calls fail with Zoho's own 429 body and rate-limit headers, then calls pass again", async () => {
    await control('POST', 'faults', { fail: { count: 2, status: 429, retryAfterSec: 3 } });
    for (let i = 0; i < 2; i += 1) {
      const response = await call('GET', '/crm/v8/users');
      expect(response.status).toBe(429);
      expect(await response.json()).toEqual({
        code: 'TOO_MANY_REQUESTS',
        details: {},
        message: 'too many requests',
        status: 'error',
      });
      expect(Number(response.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now());
    }
    expect((await call('GET', '/crm/v8/users')).status).toBe(200);
  });

  it('§7 faults: bad fault bodies are refused', async () => {
    expect((await control('POST', 'faults', { credentials: 'maybe' })).status).toBe(400);
  });
});

describe('crm-apis.md §1: the API', () => {
  it('§1.2: an expired or unknown access token gets 401 INVALID_TOKEN', async () => {
    await control('POST', 'faults', { expireTokens: true });
    const response = await call('GET', '/crm/v8/users');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'INVALID_TOKEN' });
  });

  it('§1.4: an empty search answers 204 with no body; a search without criteria EXPECTED_PARAM_MISSING', async () => {
    const empty = await call('GET', '/crm/v8/Contacts/search?phone=0509999999');
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
    const missing = await call('GET', '/crm/v8/Contacts/search');
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ code: 'EXPECTED_PARAM_MISSING' });
  });

  it('§1.4: converted leads are left out of a search unless converted=both', async () => {
    expect(
      (
        await control('PUT', 'state', {
          users: SEED.users,
          leads: [{ id: 'l9', name: 'Old', phones: ['+380671234567'], status: 'converted' }],
        })
      ).status,
    ).toBe(204);
    expect((await call('GET', '/crm/v8/Leads/search?phone=%2B380671234567')).status).toBe(204);
    expect(
      (await call('GET', '/crm/v8/Leads/search?phone=%2B380671234567&converted=both')).status,
    ).toBe(200);
  });

  it('§1.3: a write missing a mandatory field is MANDATORY_NOT_FOUND; a mixed batch answers 207 with an error inside', async () => {
    const missing = await call('POST', '/crm/v8/Leads', {
      body: JSON.stringify({ data: [{ Phone: '+380671234567' }] }),
    });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      data: [
        {
          code: 'MANDATORY_NOT_FOUND',
          status: 'error',
          message: 'required field not found',
          details: { api_name: 'Last_Name', json_path: '$.data[0].Last_Name' },
        },
      ],
    });
    const mixed = await call('POST', '/crm/v8/Leads', {
      body: JSON.stringify({
        data: [{ Last_Name: 'A' }, { Last_Name: 'B', Phone: 'not#a#phone' }],
      }),
    });
    expect(mixed.status).toBe(207);
    const body = (await mixed.json()) as { data: Array<{ status: string; code: string }> };
    expect(body.data.map((entry) => [entry.status, entry.code])).toEqual([
      ['success', 'SUCCESS'],
      ['error', 'INVALID_DATA'],
    ]);
  });

  it('§1.10: pipelines need layout_id; the seeded pipeline is listed', async () => {
    expect((await call('GET', '/crm/v8/settings/pipeline')).status).toBe(400);
    const layouts = (await (await call('GET', '/crm/v8/settings/layouts?module=Deals')).json()) as {
      layouts: Array<{ id: string }>;
    };
    const pipelines = (await (
      await call('GET', `/crm/v8/settings/pipeline?layout_id=${layouts.layouts[0]?.id ?? ''}`)
    ).json()) as { pipeline: Array<{ actual_value: string }> };
    expect(pipelines.pipeline.map((pipeline) => pipeline.actual_value)).toEqual([
      'Standard',
      'Ads',
    ]);
  });

  it('§1.5: an unknown module is INVALID_MODULE', async () => {
    const response = await call('GET', '/crm/v8/Widgets/search?phone=0671234567');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'INVALID_MODULE' });
  });
});

describe('G13: If-Modified-Since on a module list (Zoho Get Records)', () => {
  /** Zoho's form: ISO 8601 with offset, to the second. */
  const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  const list = (module: string, since?: string): Promise<Response> =>
    call(
      'GET',
      `/crm/v8/${module}?fields=Phone,Modified_Time`,
      since === undefined ? {} : { headers: { 'If-Modified-Since': since } },
    );
  const touch = async (): Promise<string> => {
    const ids = (await (await control('GET', 'ids')).json()) as Record<
      string,
      Record<string, string>
    >;
    const id = ids['contacts']?.['c1'] ?? '';
    expect(
      (
        await call('PUT', `/crm/v8/Contacts/${id}`, {
          body: JSON.stringify({ data: [{ Description: 'changed' }] }),
        })
      ).status,
    ).toBe(200);
    return id;
  };

  it('G13: only records modified at or after the header come back; nothing modified answers 304 with no body', async () => {
    const seededAt = Date.parse(
      ((await (await list('Contacts')).json()) as { data: Array<{ Modified_Time: string }> })
        .data[0]?.Modified_Time ?? '',
    );
    // Inclusive at the second (UNVERIFIED, conditional.ts): the one contact's own Modified_Time lists it, a second later not.
    expect((await list('Contacts', iso(seededAt))).status).toBe(200);
    expect((await list('Contacts', iso(seededAt + 1000))).status).toBe(304);
    const before = Date.now() - 1000;
    const none = await list('Contacts', iso(Date.now() + 1000));
    expect(none.status).toBe(304);
    expect(await none.text()).toBe('');
    const id = await touch();
    const changed = await list('Contacts', iso(before));
    expect(changed.status).toBe(200);
    expect(
      ((await changed.json()) as { data: Array<{ id: string }> }).data.map((record) => record.id),
    ).toEqual([id]);
    expect((await list('Leads', iso(Date.now() + 1000))).status).toBe(304);
  });

  it('G13: an offset other than UTC and the SDK\'s "Z" form name the same instant', async () => {
    const at = Date.now() + 60_000;
    const kyiv = new Date(at + 3 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+03:00');
    expect((await list('Contacts', kyiv)).status).toBe(304);
    expect(
      (await list('Contacts', new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z'))).status,
    ).toBe(304);
    expect((await list('Contacts', iso(at - 7_200_000))).status).toBe(200);
  });

  it('G13: a malformed value is ignored: the whole list, as without the header (UNVERIFIED what Zoho answers)', async () => {
    for (const bad of ['yesterday', 'Sun, 06 Nov 1994 08:49:37 GMT', '2026-13-45T99:00:00+00:00']) {
      const response = await list('Contacts', bad);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { data: unknown[] }).data).toHaveLength(1);
    }
  });

  it('G13: conditional lists are counted like any request, and also under `conditional`', async () => {
    await control('DELETE', 'requests');
    await list('Contacts', iso(Date.now() + 1000));
    await list('Contacts');
    await call('GET', '/crm/v8/users', { headers: { 'If-Modified-Since': iso(Date.now()) } });
    const counts = await (await control('GET', 'requests')).json();
    expect(counts).toEqual({
      total: 3,
      byRoute: { 'GET /crm/v8/Contacts': 2, 'GET /crm/v8/users': 1 },
      conditional: { 'GET /crm/v8/Contacts': 1, 'GET /crm/v8/users': 1 },
    });
  });
});

describe('crm-apis.md §6: requests as the official Zoho Node SDK sends them', () => {
  it('§6: the multipart token request is accepted and names the emulator as api_domain', async () => {
    const reply = await sdkToken();
    expect(reply).toMatchObject({
      api_domain: emulator.baseUrl,
      token_type: 'Bearer',
      expires_in: 3600,
    });
  });

  it('§6: the first calls after the grant: users?type=CurrentUser and org', async () => {
    const user = (await (await call('GET', '/crm/v8/users?type=CurrentUser')).json()) as {
      users: Array<{ full_name: string }>;
    };
    expect(user.users.map((u) => u.full_name)).toEqual(['Olena Top']);
    const org = (await (await call('GET', '/crm/v8/org')).json()) as { org: unknown[] };
    expect(org.org).toHaveLength(1);
  });

  it('§6: field metadata carries api_name, data_type, system_mandatory, lookup.module.api_name and pick_list_values', async () => {
    const body = (await (await call('GET', '/crm/v8/settings/fields?module=Contacts')).json()) as {
      fields: Array<{
        api_name: string;
        data_type: string;
        system_mandatory: boolean;
        lookup: { module?: { api_name: string } };
        pick_list_values: unknown[];
      }>;
    };
    const lastName = body.fields.find((field) => field.api_name === 'Last_Name');
    expect(lastName).toMatchObject({
      data_type: 'text',
      system_mandatory: true,
      pick_list_values: [],
    });
    expect(
      body.fields.find((field) => field.api_name === 'Account_Name')?.lookup.module?.api_name,
    ).toBe('Accounts');
  });

  it('§6: a record write with no Content-Type, trigger [], a UTC "Z" date-time and a yyyy-MM-dd date', async () => {
    const ids = (await (await control('GET', 'ids')).json()) as Record<
      string,
      Record<string, string>
    >;
    const body = JSON.stringify({
      data: [
        {
          Subject: 'Incoming call',
          Call_Type: 'Inbound',
          Call_Start_Time: '2026-11-20T08:00:00Z',
          Call_Duration: '02:35',
          Who_Id: { id: ids['contacts']?.['c1'] },
        },
      ],
      trigger: [],
    });
    const call1 = await raw('POST', '/crm/v8/Calls', body);
    expect(call1.status).toBe(201);
    const task = await raw(
      'POST',
      '/crm/v8/Tasks',
      JSON.stringify({ data: [{ Subject: 'Call back', Due_Date: '2026-11-21' }], trigger: [] }),
    );
    expect(task.status).toBe(201);
    expect(
      (JSON.parse(task.text) as { data: Array<{ details: { id: string } }> }).data[0]?.details.id,
    ).toMatch(/^\d+$/);
  });

  it('§6: searches built with encodeURI (%20 for spaces, a raw "+", a trailing "&") find the record', async () => {
    const spaced = await raw('GET', '/crm/v8/Contacts/search?phone=067%20123%204567&');
    expect(spaced.status).toBe(200);
    const plus = await raw('GET', '/crm/v8/Leads/search?phone=+380671234567&');
    expect(plus.status).toBe(200);
    expect((JSON.parse(plus.text) as { data: Array<{ Phone: string }> }).data[0]?.Phone).toBe(
      '+380671234567',
    );
  });
});
