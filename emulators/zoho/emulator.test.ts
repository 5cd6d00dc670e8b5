import { describe, expect, it } from 'vitest';
import { call, control, SEED, sdkToken, useSeededZohoEmulator } from './test-kit.js';

// The emulator over real HTTP: the control endpoints of service.md §7 and the
// API's answers (crm-apis.md §1). The SDK's request shapes and If-Modified-Since
// are in emulator-sdk.test.ts.

useSeededZohoEmulator();

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
