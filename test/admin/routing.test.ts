import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sign } from '../../src/sources/standard-webhooks/verify.js';
import { auth, harness, memoryDocument, projectKey, putProject, type Harness } from './harness.js';

const TOKEN = 'pbx-token-0123456789abc';
const SIGNING = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const CALLER = '+380671234567';

let h: Harness;
beforeEach(async () => {
  h = await harness();
  await putProject(
    h,
    'acme',
    memoryDocument({ webhook: { token: TOKEN, signingSecret: SIGNING } }),
  );
  await h.store.upsertIndex('acme', [
    { entity: 'contacts', recordId: 'c1', phones: [CALLER], ownerUserId: 'u1', createdOrder: 1 },
    { entity: 'leads', recordId: 'l1', phones: [CALLER], ownerUserId: 'u1', createdOrder: 2 },
    { entity: 'deals', recordId: 'd1', phones: [CALLER], ownerUserId: 'u2', createdOrder: 3 },
    {
      entity: 'contacts',
      recordId: 'c9',
      phones: ['+380931112233'],
      ownerUserId: 'admin-user',
      createdOrder: 4,
    },
  ]);
});
afterEach(async () => {
  await h.close();
});

const route = (
  caller: string,
  headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` },
  project = 'acme',
) =>
  h.app.inject({
    method: 'GET',
    url: `/v1/projects/${project}/route?caller=${encodeURIComponent(caller)}`,
    headers,
  });

describe('smart call forwarding (service.md §6, G13)', () => {
  it("G13: answers the owner of the caller's deal first (default priority deals, leads, contacts), from the index", async () => {
    const response = await route(CALLER);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      match: true,
      employee: { id: 'e2', name: 'Petro', extension: '101', sipLogins: ['petro'], phones: [] },
      record: { entity: 'deals', id: 'd1' },
    });
  });

  it('G1 + G13: the caller in a local format is the same number', async () => {
    expect((await route('067 123 4567')).json()).toMatchObject({
      match: true,
      record: { id: 'd1' },
    });
  });

  it("G13/SF-12: the project's routingPriority decides; Salesforce defaults to leads first", async () => {
    await h.app.inject({
      method: 'PUT',
      url: '/v1/projects/acme',
      headers: auth(),
      payload: memoryDocument({
        project: { defaultCountry: 'UA', routingPriority: ['contacts', 'deals'] },
      }),
    });
    expect((await route(CALLER)).json()).toMatchObject({
      record: { entity: 'contacts', id: 'c1' },
      employee: { id: 'e1' },
    });
    await h.app.inject({
      method: 'PUT',
      url: '/v1/projects/acme',
      headers: auth(),
      payload: memoryDocument({ crm: 'salesforce', project: { defaultCountry: 'UA' } }),
    });
    // A CRM change drops the old CRM's index (G7); reload it as the workers would.
    await h.store.upsertIndex('acme', [
      {
        entity: 'leads',
        recordId: '00Q000000000001',
        phones: [CALLER],
        ownerUserId: 'u1',
        createdOrder: 1,
      },
      {
        entity: 'deals',
        recordId: '006000000000001',
        phones: [CALLER],
        ownerUserId: 'u2',
        createdOrder: 2,
      },
    ]);
    expect((await route(CALLER)).json()).toMatchObject({
      record: { entity: 'leads', id: '00Q000000000001' },
      employee: { id: 'e1' },
    });
  });

  it('no match: unknown number, hidden caller id, a record owned by a CRM user who is no employee', async () => {
    for (const caller of ['+380991234567', 'anonymous', '+380931112233'])
      expect((await route(caller)).json(), caller).toEqual({ match: false });
  });

  it('service.md §3: a Standard Webhooks signature authenticates; a stale one, a wrong token, an unknown project answer the same 401', async () => {
    const now = Math.floor(h.now.getTime() / 1000);
    const signed = {
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(now),
      'webhook-signature': sign(SIGNING, 'msg_1', now, new Uint8Array(0)),
    };
    expect((await route(CALLER, signed)).statusCode).toBe(200);
    const stale = {
      ...signed,
      'webhook-timestamp': String(now - 301),
      'webhook-signature': sign(SIGNING, 'msg_1', now - 301, new Uint8Array(0)),
    };
    const answers = [
      await route(CALLER, stale),
      await route(CALLER, { authorization: 'Bearer wrong-token-000000' }),
      await route(CALLER, {}),
      await route(CALLER, { authorization: `Bearer ${TOKEN}` }, 'nobody'),
    ];
    for (const answer of answers) expect(answer.statusCode).toBe(401);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
  });

  it("the operator key or the project's own key may ask too; another project's key is 404", async () => {
    expect((await route(CALLER, auth())).statusCode).toBe(200);
    expect((await route(CALLER, auth(await projectKey(h, 'acme')))).statusCode).toBe(200);
    await putProject(h, 'beta');
    expect((await route(CALLER, auth(await projectKey(h, 'beta')))).statusCode).toBe(404);
    expect((await route(CALLER, auth(), 'nobody')).statusCode).toBe(404);
  });

  it('a missing caller is 400 after authentication', async () => {
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: '/v1/projects/acme/route',
          headers: { authorization: `Bearer ${TOKEN}` },
        })
      ).statusCode,
    ).toBe(400);
    expect((await h.app.inject({ method: 'GET', url: '/v1/projects/acme/route' })).statusCode).toBe(
      401,
    );
  });
});
