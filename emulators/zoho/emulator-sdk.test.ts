import { describe, expect, it } from 'vitest';
import { call, control, emulator, raw, sdkToken, useSeededZohoEmulator } from './test-kit.js';

// The emulator over real HTTP: If-Modified-Since on module lists (G13) and the
// request shapes of Zoho's official Node SDK (crm-apis.md §6), built by hand.

useSeededZohoEmulator();

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
