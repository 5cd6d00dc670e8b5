import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSalesforceEmulator } from './index.js';

// OpportunityContactRole over real HTTP, as Salesforce's Object Reference describes
// it: OpportunityId (required, not updatable), ContactId, Role, IsPrimary (one
// primary contact per opportunity); an opportunity created with ContactId gets
// its primary contact role at the same time.

let emulator: Awaited<ReturnType<typeof startSalesforceEmulator>>;
let accessToken = '';
const V = '/services/data/v59.0';

beforeAll(async () => {
  emulator = await startSalesforceEmulator();
  const { clientId, clientSecret, refreshToken } = emulator.connection.credentials;
  const answer = await fetch(`${emulator.connection.loginUrl}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: clientId,
      client_secret: clientSecret,
    }).toString(),
  });
  accessToken = ((await answer.json()) as { access_token: string }).access_token;
});
afterAll(async () => {
  await emulator.close();
});

const api = (method: string, path: string, body?: unknown): Promise<Response> =>
  fetch(`${emulator.baseUrl}${V}${path}`, {
    method,
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
const create = async (type: string, body: Record<string, unknown>): Promise<string> => {
  const response = await api('POST', `/sobjects/${type}`, body);
  expect(response.status, `${type}: ${await response.clone().text()}`).toBe(201);
  return ((await response.json()) as { id: string }).id;
};
type Role = {
  Id: string;
  OpportunityId: string;
  ContactId: string;
  Role: string | null;
  IsPrimary: boolean;
};
const rolesOf = async (where: string): Promise<Role[]> => {
  const q = `SELECT Id, OpportunityId, ContactId, Role, IsPrimary FROM OpportunityContactRole WHERE ${where} ORDER BY CreatedDate`;
  const response = await api('GET', `/query?q=${encodeURIComponent(q)}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { records: Role[] }).records;
};

describe('Salesforce emulator: OpportunityContactRole (create and query)', () => {
  it('created, read, queried by contact and by opportunity; one primary per opportunity', async () => {
    const ivan = await create('Contact', { LastName: 'Ivan' });
    const petro = await create('Contact', { LastName: 'Petro' });
    const deal = await create('Opportunity', {
      Name: 'Call 067 123 4567',
      StageName: 'Prospecting',
      CloseDate: '2026-12-31',
    });
    const first = await create('OpportunityContactRole', {
      OpportunityId: deal,
      ContactId: ivan,
      Role: 'Decision Maker',
      IsPrimary: true,
    });
    expect(first.startsWith('00K')).toBe(true);
    const read = (await (
      await api('GET', `/sobjects/OpportunityContactRole/${first}`)
    ).json()) as Role;
    expect(read).toMatchObject({
      OpportunityId: deal,
      ContactId: ivan,
      Role: 'Decision Maker',
      IsPrimary: true,
    });

    await create('OpportunityContactRole', {
      OpportunityId: deal,
      ContactId: petro,
      IsPrimary: true,
    });
    const roles = await rolesOf(`OpportunityId = '${deal}'`);
    expect(roles.map((r) => [r.ContactId, r.IsPrimary])).toEqual([
      [ivan, false],
      [petro, true],
    ]);
    expect((await rolesOf(`ContactId = '${ivan}'`)).map((r) => r.OpportunityId)).toEqual([deal]);
    // A role without IsPrimary is not primary (defaulted on create).
    const other = await create('Opportunity', {
      Name: 'Second',
      StageName: 'Prospecting',
      CloseDate: '2026-12-31',
    });
    await create('OpportunityContactRole', { OpportunityId: other, ContactId: ivan });
    expect((await rolesOf(`OpportunityId = '${other}'`))[0]?.IsPrimary).toBe(false);
  });

  it('an opportunity created with ContactId has that contact as its primary contact role', async () => {
    const contact = await create('Contact', { LastName: 'Oksana' });
    const deal = await create('Opportunity', {
      Name: 'With contact',
      StageName: 'Prospecting',
      CloseDate: '2026-12-31',
      ContactId: contact,
    });
    expect(await rolesOf(`ContactId = '${contact}'`)).toEqual([
      expect.objectContaining({
        OpportunityId: deal,
        ContactId: contact,
        IsPrimary: true,
        Role: null,
      }),
    ]);
  });

  it('errors as Salesforce answers them: OpportunityId required and not updatable, a bad reference', async () => {
    const contact = await create('Contact', { LastName: 'Taras' });
    const deal = await create('Opportunity', {
      Name: 'D',
      StageName: 'Prospecting',
      CloseDate: '2026-12-31',
    });
    const missing = await api('POST', '/sobjects/OpportunityContactRole', { ContactId: contact });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual([
      expect.objectContaining({ errorCode: 'REQUIRED_FIELD_MISSING', fields: ['OpportunityId'] }),
    ]);
    const wrongType = await api('POST', '/sobjects/OpportunityContactRole', {
      OpportunityId: contact,
      ContactId: contact,
    });
    expect(((await wrongType.json()) as Array<{ errorCode: string }>)[0]?.errorCode).toBe(
      'INVALID_CROSS_REFERENCE_KEY',
    );
    const role = await create('OpportunityContactRole', {
      OpportunityId: deal,
      ContactId: contact,
    });
    const moved = await api('PATCH', `/sobjects/OpportunityContactRole/${role}`, {
      OpportunityId: deal,
    });
    expect(moved.status).toBe(400);
    expect(((await moved.json()) as Array<{ errorCode: string }>)[0]?.errorCode).toBe(
      'INVALID_FIELD_FOR_INSERT_UPDATE',
    );
    expect(
      (await api('PATCH', `/sobjects/OpportunityContactRole/${role}`, { Role: 'Influencer' }))
        .status,
    ).toBe(204);
    // The role goes with its opportunity.
    expect((await api('DELETE', `/sobjects/Opportunity/${deal}`)).status).toBe(204);
    expect(await rolesOf(`ContactId = '${contact}'`)).toEqual([]);
  });
});
