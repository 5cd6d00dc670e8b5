import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { fitTexts } from '../../src/crm/capabilities.js';
import { hostRule } from '../../src/crm/http/hosts.js';
import { createPipedriveAdapter } from '../../src/crm/pipedrive/adapter.js';
import { createSalesforceAdapter } from '../../src/crm/salesforce/adapter.js';
import { createZohoAdapter } from '../../src/crm/zoho/adapter.js';
import type { CrmPort } from '../../src/crm/port.js';
import { ProjectSettingsSchema } from '../../src/domain/project.js';
import { CRMS } from '../../src/crm/registry.js';
import { registerAdminRoutes } from '../../src/service/admin/index.js';
import { ensureOperatorKey } from '../../src/service/auth/keys.js';
import { CrmRegistry } from '../../src/service/crm-registry.js';
import { generateSecretKey, SecretBox } from '../../src/service/crypto/secret-box.js';
import { openTestStore } from '../support/test-store.js';
import { auth, harness, memoryDocument, putProject, OPERATOR_KEY } from '../admin/harness.js';
import { json, trap, type Trap } from './trap-server.js';

// Issue 11 item 9: no request of a connection leaves the allowed hosts, checked
// when the request is made. `127.0.0.1` stands for the CRM's host and
// `localhost` (the same loopback, another host name) for a host it must not reach.

const common = { texts: fitTexts('en'), defaultCountry: 'UA', timezone: 'Europe/Kyiv' };
const rule = (crm: 'pipedrive' | 'salesforce' | 'zoho', allowHosts = ['127.0.0.1']) =>
  hostRule({ crm, domains: CRMS[crm].domains, allowHosts });
const traps: Trap[] = [];
const open = async (...args: Parameters<typeof trap>) => {
  const t = await trap(...args);
  traps.push(t);
  return t;
};
afterEach(async () => {
  await Promise.all(traps.splice(0).map((t) => t.close()));
});

async function failure(port: CrmPort): Promise<{ kind: string; message: string }> {
  const result = await port.listUsers();
  if (result.ok) throw new Error('expected the CRM call to fail');
  return { kind: result.error.kind, message: result.error.message };
}

describe('security: CRM hosts (issue 11 item 9)', () => {
  it('follows no redirect: a Pipedrive x-api-token never reaches the host a redirect names', async () => {
    const elsewhere = await open();
    const crm = await open((_seen, response) => {
      response.writeHead(302, { location: `http://localhost:${elsewhere.port}/api/v1/users` });
      response.end();
    });
    const adapter = createPipedriveAdapter(
      { baseUrl: `http://127.0.0.1:${crm.port}`, credentials: { apiToken: 'pd-secret-token' } },
      { ...common, hosts: rule('pipedrive', ['127.0.0.1', 'localhost']) },
    );
    const { message } = await failure(adapter);
    expect(crm.seen).toHaveLength(1);
    expect(elsewhere.seen).toEqual([]);
    expect(message).toMatch(/redirect/);
  });

  it('Salesforce: a token answer naming an instance_url outside the allowed hosts gets no token sent there', async () => {
    const elsewhere = await open((_s, r) =>
      json(r, 200, { totalSize: 0, done: true, records: [] }),
    );
    const login = await open((_s, r) =>
      json(r, 200, {
        access_token: 'sf-access-token',
        instance_url: `http://localhost:${elsewhere.port}`,
        id: 'https://login.salesforce.com/id/00D000000000001AAA/005000000000001AAA',
      }),
    );
    const adapter = createSalesforceAdapter(
      {
        baseUrl: `http://127.0.0.1:${login.port}`,
        loginUrl: `http://127.0.0.1:${login.port}`,
        credentials: { clientId: 'c', clientSecret: 's', refreshToken: 'r' },
      },
      { ...common, hosts: rule('salesforce') },
    );
    const { kind, message } = await failure(adapter);
    await adapter.listUsers(); // a later call goes wherever the token answer pointed
    expect(elsewhere.seen).toEqual([]);
    expect(kind).toBe('reauth');
    expect(message).toContain('localhost');
  });

  it('Pipedrive OAuth: an api_domain outside the allowed hosts gets no token sent there', async () => {
    const elsewhere = await open((_s, r) => json(r, 200, { success: true, data: [] }));
    const oauth = await open((_s, r) =>
      json(r, 200, {
        access_token: 'pd-access-token',
        refresh_token: 'pd-refresh-2',
        expires_in: 3600,
        api_domain: `http://localhost:${elsewhere.port}`,
      }),
    );
    const adapter = createPipedriveAdapter(
      {
        baseUrl: `http://127.0.0.1:${oauth.port}`,
        oauthUrl: `http://127.0.0.1:${oauth.port}`,
        credentials: { clientId: 'c', clientSecret: 's', refreshToken: 'r' },
      },
      { ...common, hosts: rule('pipedrive') },
    );
    const { kind, message } = await failure(adapter);
    await adapter.listUsers(); // a later call goes wherever the token answer pointed
    expect(elsewhere.seen).toEqual([]);
    expect(kind).toBe('reauth');
    expect(message).toContain('localhost');
  });

  it("Zoho: the token answer's api_domain is not followed; the connection's baseUrl is", async () => {
    const elsewhere = await open();
    const zoho = await open((seen, r) =>
      seen.url.startsWith('/oauth')
        ? json(r, 200, {
            access_token: 'zoho-access',
            expires_in: 3600,
            api_domain: `http://localhost:${elsewhere.port}`,
          })
        : json(r, 200, { users: [] }),
    );
    const adapter = createZohoAdapter(
      {
        baseUrl: `http://127.0.0.1:${zoho.port}`,
        accountsUrl: `http://127.0.0.1:${zoho.port}`,
        credentials: { clientId: 'c', clientSecret: 's', refreshToken: 'r' },
      },
      { ...common, hosts: rule('zoho') },
    );
    await adapter.listUsers();
    expect(elsewhere.seen).toEqual([]);
    expect(zoho.seen.some((seen) => seen.url.includes('/crm/'))).toBe(true);
  });

  it('a saved connection whose host CALLMATRIX_ALLOW_CRM_HOSTS no longer lists fails with that reason, unused', async () => {
    const crm = await open((_s, r) => json(r, 200, { success: true, data: [] }));
    const view = {
      id: 'acme',
      version: 1,
      crm: 'pipedrive' as const,
      settings: ProjectSettingsSchema.parse({ defaultCountry: 'UA', timezone: 'Europe/Kyiv' }),
      employees: [],
      connection: {
        baseUrl: `http://127.0.0.1:${crm.port}`,
        credentials: { apiToken: 'pd-secret-token' },
      },
      webhook: {},
      sources: {},
    } as unknown as Parameters<CrmRegistry['portFor']>[0];
    // Saved while 127.0.0.1 was listed; the process now runs with another list.
    const { kind, message } = await failure(new CrmRegistry(['localhost']).portFor(view));
    expect(crm.seen).toEqual([]);
    expect(message).toContain('CALLMATRIX_ALLOW_CRM_HOSTS');
    expect(kind).toBe('reauth');
    expect(message).toContain('127.0.0.1');
    // With the host still listed the same connection is used.
    expect((await new CrmRegistry(['127.0.0.1']).portFor(view).listUsers()).ok).toBe(true);
    expect(crm.seen).toHaveLength(1);
  });

  it('"redacted" keeps a stored CRM secret only while the connection names the same server', async () => {
    const h = await harness({ allowCrmHosts: ['127.0.0.1', 'localhost'] });
    try {
      const connection = (baseUrl: string, apiToken: string) => ({
        baseUrl,
        credentials: { apiToken },
      });
      const put = (body: unknown) =>
        h.app.inject({
          method: 'PUT',
          url: '/v1/projects/acme/connection',
          headers: auth(),
          payload: body as Record<string, unknown>,
        });
      expect((await putProject(h, 'acme', memoryDocument())).statusCode).toBe(201);
      expect((await put(connection('http://127.0.0.1:9', 'pd-secret-token'))).statusCode).toBe(200);
      // Same server, another path: the stored token is kept.
      expect((await put(connection('http://127.0.0.1:9/', 'redacted'))).statusCode).toBe(200);
      const moved = await put(connection('http://localhost:9', 'redacted'));
      expect(moved.statusCode).toBe(422);
      expect(moved.json<{ problems: Array<{ path: string }> }>().problems[0]?.path).toMatch(
        /credentials\.apiToken$/,
      );
      const stored = await h.app.inject({
        method: 'GET',
        url: '/v1/projects/acme/connection',
        headers: auth(),
      });
      expect(stored.json<{ baseUrl: string }>().baseUrl).toBe('http://127.0.0.1:9/');
      // With the secret given again the move is saved.
      expect((await put(connection('http://localhost:9', 'pd-secret-token'))).statusCode).toBe(200);
    } finally {
      await h.close();
    }
  });

  it("the CRM's answer body is never echoed: only its error code and message, in the journal-bound error and the admin API", async () => {
    const crm = await open((_s, r) =>
      json(r, 400, {
        success: false,
        error: 'Bad request',
        errorCode: 400,
        leak: 'LEAKED-BODY-7c1e the CRM echoed our token pd-secret-token',
      }),
    );
    const connection = {
      baseUrl: `http://127.0.0.1:${crm.port}`,
      credentials: { apiToken: 'pd-secret-token' },
    };
    const direct = await failure(
      createPipedriveAdapter(connection, { ...common, hosts: rule('pipedrive') }),
    );
    expect(direct.message).toContain('Bad request');
    expect(direct.message).not.toContain('LEAKED');

    const opened = await openTestStore('sechost');
    const app = Fastify({ logger: false });
    try {
      await ensureOperatorKey(opened.store, OPERATOR_KEY, new Date());
      const registry = new CrmRegistry(['127.0.0.1']);
      registerAdminRoutes(app, {
        store: opened.store,
        secretBox: SecretBox.fromBase64(generateSecretKey()),
        allowCrmHosts: ['127.0.0.1'],
        crmPort: (project) => registry.portFor(project),
      });
      await app.ready();
      const document = {
        crm: 'pipedrive',
        project: { defaultCountry: 'UA', timezone: 'Europe/Kyiv' },
        employees: [
          { id: 'e1', name: 'Olena', crmUserId: '1', extension: '100', topManager: true },
        ],
        connection,
      };
      expect(
        (
          await app.inject({
            method: 'PUT',
            url: '/v1/projects/acme',
            headers: auth(),
            payload: document,
          })
        ).statusCode,
      ).toBe(201);
      const users = await app.inject({
        method: 'GET',
        url: '/v1/projects/acme/crm/users',
        headers: auth(),
      });
      expect(users.statusCode).toBe(502);
      expect(users.body).toContain('Bad request');
      expect(users.body).not.toContain('LEAKED');
    } finally {
      await app.close();
      await opened.close();
    }
  });
});
