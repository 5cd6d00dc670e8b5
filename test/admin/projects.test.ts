import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auth, harness, memoryDocument, putProject, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

type Problems = {
  type: string;
  status: number;
  problems: Array<{ path: string; message: string }>;
};

const pipedriveReal = (baseUrl: string) =>
  memoryDocument({ connection: { baseUrl, credentials: { apiToken: 'tok-123' } } });

describe('PUT /v1/projects/{project} (service.md §2)', () => {
  it('creates (201), then replaces (200); the stored document is shown with secrets redacted', async () => {
    const created = await putProject(h, 'acme', pipedriveReal('https://acme.pipedrive.com'));
    expect(created.statusCode).toBe(201);
    const body = created.json<{
      connection: { credentials: { apiToken: string } };
      webhook: { token: string; signingSecret: string };
    }>();
    expect(body.connection.credentials.apiToken).toBe('redacted');
    // Secrets the service generated appear in clear, this once.
    expect(body.webhook.token).toMatch(/^\S{16,}$/);
    expect(body.webhook.signingSecret).toMatch(/^whsec_/);

    const replaced = await putProject(h, 'acme', pipedriveReal('https://acme.pipedrive.com'));
    expect(replaced.statusCode).toBe(200);
    // Not generated this time: kept, so redacted.
    expect(replaced.json<{ webhook: unknown }>().webhook).toEqual({
      token: 'redacted',
      signingSecret: 'redacted',
    });

    const got = await h.app.inject({ method: 'GET', url: '/v1/projects/acme', headers: auth() });
    expect(got.statusCode).toBe(200);
    expect(got.body).not.toContain('tok-123');
    expect(got.body).not.toContain(body.webhook.token);
    expect(got.json()).toMatchObject({
      crm: 'pipedrive',
      connection: { baseUrl: 'https://acme.pipedrive.com', credentials: { apiToken: 'redacted' } },
    });
  });

  it('GET → edit → PUT: "redacted" keeps each stored secret; the stored values are sealed, not in the document', async () => {
    await putProject(h, 'acme', {
      ...pipedriveReal('https://acme.pipedrive.com'),
      webhook: {
        token: 'pbx-token-0123456789',
        signingSecret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      },
    });
    const doc = (
      await h.app.inject({ method: 'GET', url: '/v1/projects/acme', headers: auth() })
    ).json<Record<string, unknown>>();
    (doc['project'] as Record<string, unknown>)['taskDueHours'] = 2;
    const again = await putProject(h, 'acme', doc);
    expect(again.statusCode).toBe(200);
    const record = await h.store.getProject('acme');
    expect(JSON.stringify(record?.document)).not.toContain('pbx-token');
    expect(record?.secrets).not.toContain('pbx-token');
    // The token still authenticates the routing endpoint: it was kept.
    const routed = await h.app.inject({
      method: 'GET',
      url: '/v1/projects/acme/route?caller=%2B380671234567',
      headers: { authorization: 'Bearer pbx-token-0123456789' },
    });
    expect(routed.statusCode).toBe(200);
  });

  it('"redacted" for a secret never stored is a problem, not a stored word', async () => {
    const response = await putProject(h, 'acme', {
      ...memoryDocument(),
      connection: { baseUrl: 'https://acme.pipedrive.com', credentials: { apiToken: 'redacted' } },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json<Problems>().problems).toContainEqual(
      expect.objectContaining({ path: 'connection.credentials.apiToken' }),
    );
  });

  it('422 names each problem by its path, and nothing is stored (G8, D-rules on the matrix, G15)', async () => {
    const response = await putProject(h, 'acme', {
      crm: 'pipedrive',
      project: {
        matrix: { 'call.nonsense': ['create_lead'], 'incoming.missed': ['fly_to_moon'] },
        fieldMap: { deal: { utm_source: 'Source', utm_medium: 'Source' } },
      },
      employees: [
        { id: 'e1', name: 'A', crmUserId: 'u1', topManager: true },
        { id: 'e2', name: 'B', crmUserId: 'u2', topManager: true },
      ],
      connection: { baseUrl: 'http://evil.example.com', credentials: { apiToken: 't' } },
    });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = response.json<Problems>();
    expect(body.type).toBe('urn:callmatrix:invalid-document');
    const paths = body.problems.map((p) => p.path);
    expect(paths).toContain('project.matrix.call.nonsense');
    expect(paths.some((p) => p.startsWith('project.matrix.incoming.missed'))).toBe(true);
    expect(paths).toContain('project.fieldMap.deal');
    expect(body.problems.some((p) => p.message.includes('top manager'))).toBe(true);
    expect(paths).toContain('connection.baseUrl');
    expect(await h.store.getProject('acme')).toBeNull();
    expect(
      (await h.app.inject({ method: 'GET', url: '/v1/projects/acme', headers: auth() })).statusCode,
    ).toBe(404);
  });

  it("baseUrl: https on the CRM's own domains; http and other hosts only when listed in CALLMATRIX_ALLOW_CRM_HOSTS", async () => {
    const cases: Array<[string, number]> = [
      ['https://acme.pipedrive.com', 201],
      ['http://acme.pipedrive.com', 422],
      ['https://acme.pipedrive.com.evil.net', 422],
      ['https://user:pw@acme.pipedrive.com', 422],
      ['http://127.0.0.1:41234', 201],
      ['http://10.0.0.5:80', 422],
    ];
    for (const [index, [baseUrl, status]] of cases.entries()) {
      expect((await putProject(h, `p${index}`, pipedriveReal(baseUrl))).statusCode, baseUrl).toBe(
        status,
      );
    }
  });

  it('validates the connection per CRM (service.md §2 table)', async () => {
    const zoho = await putProject(h, 'z', {
      crm: 'zoho',
      connection: {
        baseUrl: 'https://www.zohoapis.eu',
        accountsUrl: 'https://accounts.zoho.eu',
        credentials: { apiToken: 'x' },
      },
    });
    expect(zoho.statusCode).toBe(422);
    expect(zoho.json<Problems>().problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'connection.credentials.refreshToken',
        'connection.credentials.apiToken',
      ]),
    );
    const sf = await putProject(h, 's', {
      crm: 'salesforce',
      connection: {
        baseUrl: 'https://acme.my.salesforce.com',
        loginUrl: 'https://login.salesforce.com',
        credentials: { clientId: 'a', clientSecret: 'b', refreshToken: 'c' },
      },
    });
    expect(sf.statusCode).toBe(201);
    const rc = await putProject(h, 'r', {
      crm: 'retailcrm',
      connection: { baseUrl: 'https://acme.retailcrm.ru', credentials: { apiKey: 'k' } },
    });
    expect(rc.statusCode).toBe(201);
    const pdOauth = await putProject(h, 'p', {
      crm: 'pipedrive',
      connection: {
        baseUrl: 'https://acme.pipedrive.com',
        credentials: { clientId: 'a', clientSecret: 'b', refreshToken: 'c' },
      },
    });
    expect(pdOauth.json<Problems>().problems.map((p) => p.path)).toContain('connection.oauthUrl');
  });

  it('a project id outside ^[a-z0-9][a-z0-9-]{0,62}$ is refused', async () => {
    expect((await putProject(h, 'Bad_Id')).statusCode).toBe(400);
    expect((await putProject(h, '-x')).statusCode).toBe(400);
  });

  it('a project with a connection is active from the start (service.md §5)', async () => {
    await putProject(h, 'acme');
    expect((await h.store.getIntegration('acme'))?.state).toBe('active');
    await putProject(h, 'bare', { crm: 'zoho' });
    expect((await h.store.getIntegration('bare'))?.state).toBe('inactive');
  });

  it('DELETE answers 204 and removes the project with its keys; an unknown project is 404', async () => {
    await putProject(h, 'acme');
    const key = (
      await h.app.inject({ method: 'POST', url: '/v1/projects/acme/keys', headers: auth() })
    ).json<{ key: string }>().key;
    expect(
      (await h.app.inject({ method: 'DELETE', url: '/v1/projects/acme', headers: auth() }))
        .statusCode,
    ).toBe(204);
    expect(
      (await h.app.inject({ method: 'GET', url: '/v1/projects/acme', headers: auth() })).statusCode,
    ).toBe(404);
    expect(
      (await h.app.inject({ method: 'GET', url: '/v1/projects/acme', headers: auth(key) }))
        .statusCode,
    ).toBe(401);
    expect(
      (await h.app.inject({ method: 'DELETE', url: '/v1/projects/acme', headers: auth() }))
        .statusCode,
    ).toBe(404);
  });
});

describe('project parts (service.md §2)', () => {
  it('GET / PUT employees, validated as in the document; problems named relative to the part', async () => {
    await putProject(h, 'acme');
    const got = await h.app.inject({
      method: 'GET',
      url: '/v1/projects/acme/employees',
      headers: auth(),
    });
    expect(got.json<unknown[]>()).toHaveLength(2);
    const bad = await h.app.inject({
      method: 'PUT',
      url: '/v1/projects/acme/employees',
      headers: auth(),
      payload: [{ id: 'e1', name: 'A', topManager: true }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<Problems>().problems).toContainEqual(
      expect.objectContaining({ path: '[0].crmUserId' }),
    );
    const good = await h.app.inject({
      method: 'PUT',
      url: '/v1/projects/acme/employees',
      headers: auth(),
      payload: [{ id: 'e9', name: 'Solo', crmUserId: 'u1', topManager: true }],
    });
    expect(good.statusCode).toBe(200);
    expect(
      (
        await h.app.inject({ method: 'GET', url: '/v1/projects/acme/employees', headers: auth() })
      ).json(),
    ).toEqual([
      { id: 'e9', name: 'Solo', crmUserId: 'u1', topManager: true, sipLogins: [], phones: [] },
    ]);
  });

  it('matrix: GET shows the CRM default when none is set; PUT validates; DELETE resets to the default', async () => {
    await putProject(h, 'acme');
    const defaults = (
      await h.app.inject({
        method: 'GET',
        url: '/v1/crms/pipedrive/default-matrix',
        headers: auth(),
      })
    ).json<unknown>();
    expect(
      (
        await h.app.inject({ method: 'GET', url: '/v1/projects/acme/matrix', headers: auth() })
      ).json(),
    ).toEqual(defaults);
    const unknown = await h.app.inject({
      method: 'PUT',
      url: '/v1/projects/acme/matrix',
      headers: auth(),
      payload: { 'no.such': [] },
    });
    expect(unknown.json<Problems>().problems).toEqual([
      expect.objectContaining({ path: 'no.such', message: 'unknown condition "no.such"' }),
    ]);
    const set = await h.app.inject({
      method: 'PUT',
      url: '/v1/projects/acme/matrix',
      headers: auth(),
      payload: { 'incoming.missed': ['create_lead'] },
    });
    expect(set.statusCode).toBe(200);
    expect(
      (
        await h.app.inject({ method: 'GET', url: '/v1/projects/acme/matrix', headers: auth() })
      ).json(),
    ).toEqual({ 'incoming.missed': [{ action: 'create_lead' }] });
    expect(
      (await h.app.inject({ method: 'DELETE', url: '/v1/projects/acme/matrix', headers: auth() }))
        .statusCode,
    ).toBe(204);
    expect(
      (
        await h.app.inject({ method: 'GET', url: '/v1/projects/acme/matrix', headers: auth() })
      ).json(),
    ).toEqual(defaults);
  });

  it('field-map, pipeline-rules, stop-list and connection round-trip; the connection part keeps secrets write-only', async () => {
    await putProject(h, 'acme', pipedriveReal('https://acme.pipedrive.com'));
    for (const [part, value] of [
      ['field-map', { deal: { utm_campaign: 'Campaign' } }],
      ['pipeline-rules', [{ pipeline: 'Ads', param: 'pool', value: 'Context' }]],
      ['stop-list', ['+380441110000']],
    ] as const) {
      expect(
        (
          await h.app.inject({
            method: 'PUT',
            url: `/v1/projects/acme/${part}`,
            headers: auth(),
            payload: value,
          })
        ).statusCode,
        part,
      ).toBe(200);
      expect(
        (
          await h.app.inject({ method: 'GET', url: `/v1/projects/acme/${part}`, headers: auth() })
        ).json(),
        part,
      ).toEqual(value);
    }
    const connection = await h.app.inject({
      method: 'GET',
      url: '/v1/projects/acme/connection',
      headers: auth(),
    });
    expect(connection.json()).toEqual({
      baseUrl: 'https://acme.pipedrive.com',
      credentials: { apiToken: 'redacted' },
    });
    // "redacted" keeps the stored token for the same server only (docs/security.md): a new host needs it again.
    const redactedMove = await h.app.inject({
      method: 'PUT',
      url: '/v1/projects/acme/connection',
      headers: auth(),
      payload: { baseUrl: 'https://other.pipedrive.com', credentials: { apiToken: 'redacted' } },
    });
    expect(redactedMove.statusCode).toBe(422);
    const moved = await h.app.inject({
      method: 'PUT',
      url: '/v1/projects/acme/connection',
      headers: auth(),
      payload: { baseUrl: 'https://other.pipedrive.com', credentials: { apiToken: 'tok-2' } },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toEqual({
      baseUrl: 'https://other.pipedrive.com',
      credentials: { apiToken: 'redacted' },
    });
    const badPipeline = await h.app.inject({
      method: 'PUT',
      url: '/v1/projects/acme/pipeline-rules',
      headers: auth(),
      payload: [{ pipeline: 'X', param: 'nope', value: 'v' }],
    });
    expect(badPipeline.json<Problems>().problems).toContainEqual(
      expect.objectContaining({ path: '[0].param' }),
    );
  });

  it('an unknown part is 404', async () => {
    await putProject(h, 'acme');
    expect(
      (await h.app.inject({ method: 'GET', url: '/v1/projects/acme/nothing', headers: auth() }))
        .statusCode,
    ).toBe(404);
  });
});
