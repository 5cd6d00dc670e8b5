import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZohoEmulator, type ZohoEmulator } from './index.js';

// Three behaviours of the emulator checked over real HTTP against what Zoho
// documents (issue 12): criteria `equals` on a phone field behaves like
// "contains"; multi-module lookups name `se_module` in the field metadata;
// custom fields are created with `POST settings/fields?module=…`.

let emulator: ZohoEmulator;
let token = '';

const call = async (method: string, path: string, body?: unknown): Promise<Response> =>
  fetch(`${emulator.baseUrl}${path}`, {
    method,
    headers: { authorization: `Zoho-oauthtoken ${token}` },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
const json = async <T>(response: Response): Promise<T> => (await response.json()) as T;
type Field = {
  id: string;
  api_name: string;
  field_label: string;
  data_type: string;
  custom_field: boolean;
  length: number | null;
  lookup: { module?: { api_name: string | null } };
  pick_list_values: Array<{ actual_value: string }>;
};
const fieldsOf = async (module: string): Promise<Field[]> =>
  (await json<{ fields: Field[] }>(await call('GET', `/crm/v8/settings/fields?module=${module}`)))
    .fields;

beforeAll(async () => {
  emulator = await startZohoEmulator();
  const { credentials } = emulator.connection;
  const form = new URLSearchParams({
    grant_type: 'refresh_token',
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
    refresh_token: credentials.refreshToken,
  });
  token = (
    await json<{ access_token: string }>(
      await fetch(`${emulator.connection.accountsUrl}/oauth/v2/token`, {
        method: 'POST',
        body: form,
      }),
    )
  ).access_token;
  await fetch(`${emulator.baseUrl}/_emulator/state`, {
    method: 'PUT',
    body: JSON.stringify({
      users: [{ id: 'u1', name: 'Olena Top' }],
      contacts: [
        { id: 'c1', name: 'Ivan', phones: ['067 123 4567'], ownerId: 'u1' },
        { id: 'c2', name: 'Petro', phones: ['+380 50 765 4321'], ownerId: 'u1' },
      ],
    }),
  });
});
afterAll(async () => {
  await emulator.close();
});

const namesFound = async (query: string): Promise<string[]> => {
  const response = await call('GET', `/crm/v8/Contacts/search?${query}`);
  if (response.status === 204) return [];
  const body = await json<{ data: Array<{ First_Name?: string; Last_Name: string }> }>(response);
  return body.data.map((record) => record.Last_Name);
};

describe('criteria `equals` on a phone field behaves like "contains" (Zoho: search records)', () => {
  it('part of the number finds the record, whatever the formatting of either side', async () => {
    expect(await namesFound('criteria=(Phone:equals:1234567)')).toEqual(['Ivan']);
    expect(await namesFound('criteria=(Phone:equals:0671234567)')).toEqual(['Ivan']);
    expect(await namesFound(`criteria=${encodeURIComponent('(Phone:equals:067 123)')}`)).toEqual([
      'Ivan',
    ]);
    // The stored "+380 50 …" contains the national "50 765 4321" and the whole E.164 number.
    expect(await namesFound('criteria=(Phone:equals:507654321)')).toEqual(['Petro']);
    expect(await namesFound('criteria=(Phone:equals:%2B380507654321)')).toEqual(['Petro']);
    expect(await namesFound('criteria=(Phone:equals:0509999999)')).toEqual([]);
  });

  it('not_equal is its negation; `in` and ?phone= still compare the whole number', async () => {
    expect(await namesFound('criteria=(Phone:not_equal:1234567)')).toEqual(['Petro']);
    expect(await namesFound('criteria=(Phone:in:1234567,507654321)')).toEqual([]);
    expect(await namesFound('criteria=(Phone:in:0671234567,%2B380507654321)')).toEqual([
      'Ivan',
      'Petro',
    ]);
    expect(await namesFound('phone=1234567')).toEqual([]);
    expect(await namesFound('phone=0671234567')).toEqual(['Ivan']);
  });
});

describe('field metadata of multi-module lookups (Zoho: fields metadata)', () => {
  it('What_Id on Tasks and Calls and Parent_Id on Notes name lookup.module.api_name "se_module"', async () => {
    for (const [module, apiName] of [
      ['Tasks', 'What_Id'],
      ['Calls', 'What_Id'],
      ['Notes', 'Parent_Id'],
    ] as const) {
      const field = (await fieldsOf(module)).find((f) => f.api_name === apiName);
      expect(field, `${module}.${apiName}`).toMatchObject({
        data_type: 'lookup',
        lookup: { module: { api_name: 'se_module' } },
      });
    }
    const whoId = (await fieldsOf('Tasks')).find((f) => f.api_name === 'Who_Id');
    expect(whoId?.lookup.module?.api_name).toBe('Contacts');
  });
});

describe('custom fields created through the fields API (Zoho: Create Custom Fields)', () => {
  it('POST settings/fields?module=Leads creates the field: it is listed, written and searched', async () => {
    const created = await call('POST', '/crm/v8/settings/fields?module=Leads', {
      fields: [
        { field_label: 'Call Reason', data_type: 'text', length: 120 },
        {
          field_label: 'Visit Kind',
          data_type: 'picklist',
          pick_list_values: [{ display_value: 'First' }, { display_value: 'Repeat' }],
        },
      ],
    });
    expect(created.status).toBe(201);
    const answer = await json<{
      fields: Array<{ code: string; status: string; details: { id: string } }>;
    }>(created);
    expect(answer.fields).toHaveLength(2);
    expect(answer.fields.every((entry) => entry.code === 'SUCCESS')).toBe(true);
    const listed = await fieldsOf('Leads');
    const reason = listed.find((field) => field.api_name === 'Call_Reason');
    expect(reason).toMatchObject({
      id: answer.fields[0]?.details.id,
      field_label: 'Call Reason',
      data_type: 'text',
      custom_field: true,
      length: 120,
    });
    expect(
      listed
        .find((field) => field.api_name === 'Visit_Kind')
        ?.pick_list_values.map((v) => v.actual_value),
    ).toEqual(['First', 'Repeat']);
    // Other modules do not get it.
    expect((await fieldsOf('Deals')).some((field) => field.api_name === 'Call_Reason')).toBe(false);

    const lead = await call('POST', '/crm/v8/Leads', {
      data: [{ Last_Name: 'Ivan', Call_Reason: 'Delivery', Visit_Kind: 'Repeat' }],
    });
    expect(lead.status).toBe(201);
    expect(await namesFoundIn('Leads', 'criteria=(Call_Reason:equals:delivery)')).toEqual(['Ivan']);
    const tooLong = await call('POST', '/crm/v8/Leads', {
      data: [{ Last_Name: 'Petro', Call_Reason: 'x'.repeat(121) }],
    });
    expect(tooLong.status).toBe(400);
    const notInList = await call('POST', '/crm/v8/Leads', {
      data: [{ Last_Name: 'Petro', Visit_Kind: 'Third' }],
    });
    expect(notInList.status).toBe(400);
  });

  it('a bad request names the field and stores nothing: missing label, unknown type, a label taken', async () => {
    const before = (await fieldsOf('Deals')).length;
    const missing = await call('POST', '/crm/v8/settings/fields?module=Deals', {
      fields: [{ field_label: 'Ok Field', data_type: 'text' }, { data_type: 'text' }],
    });
    expect(missing.status).toBe(400);
    expect(
      (await json<{ fields: Array<{ code: string; details: { api_name?: string } }> }>(missing))
        .fields[1],
    ).toMatchObject({ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'field_label' } });
    const badType = await call('POST', '/crm/v8/settings/fields?module=Deals', {
      fields: [{ field_label: 'Odd', data_type: 'hologram' }],
    });
    expect(badType.status).toBe(400);
    expect(
      (await json<{ fields: Array<{ code: string; details: { api_name?: string } }> }>(badType))
        .fields[0],
    ).toMatchObject({ code: 'INVALID_DATA', details: { api_name: 'data_type' } });
    const taken = await call('POST', '/crm/v8/settings/fields?module=Deals', {
      fields: [{ field_label: 'Deal Name', data_type: 'text' }],
    });
    expect(taken.status).toBe(400);
    expect((await fieldsOf('Deals')).length).toBe(before);
    const noModule = await call('POST', '/crm/v8/settings/fields', {
      fields: [{ field_label: 'X', data_type: 'text' }],
    });
    expect(noModule.status).toBe(400);
    expect(
      (await call('POST', '/crm/v8/settings/fields?module=Widgets', { fields: [] })).status,
    ).toBe(400);
  });
});

async function namesFoundIn(module: string, query: string): Promise<string[]> {
  const response = await call('GET', `/crm/v8/${module}/search?${query}`);
  if (response.status === 204) return [];
  return (await json<{ data: Array<{ Last_Name: string }> }>(response)).data.map(
    (record) => record.Last_Name,
  );
}
