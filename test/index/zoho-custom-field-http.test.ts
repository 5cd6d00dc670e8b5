import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZohoEmulator, type ZohoEmulator } from '../../emulators/zoho/index.js';
import { registerAdminRoutes } from '../../src/service/admin/index.js';
import { ensureOperatorKey } from '../../src/service/auth/keys.js';
import { CrmRegistry } from '../../src/service/crm-registry.js';
import { generateSecretKey, SecretBox } from '../../src/service/crypto/secret-box.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { adminCaller } from './admin-http.js';

// G8 against Zoho, over real HTTP: a user creates a custom lead field in Zoho
// first (here through Zoho's fields API, `POST settings/fields?module=Leads`),
// then saves a project whose field map names it. Before the field exists the
// same document is refused, naming the field.

const KEY = 'cmo_zoho-custom-field-operator-key-0123456789';
let emulator: ZohoEmulator;
let app: FastifyInstance;
let store: Store;
let base = '';
let dir = '';

beforeAll(async () => {
  emulator = await startZohoEmulator();
  dir = mkdtempSync(join(tmpdir(), 'callmatrix-zoho-field-'));
  store = await openStore(`sqlite:${join(dir, 'db.sqlite')}`);
  await ensureOperatorKey(store, KEY, new Date());
  const registry = new CrmRegistry(['127.0.0.1']);
  app = Fastify({ logger: false });
  registerAdminRoutes(app, {
    store,
    secretBox: SecretBox.fromBase64(generateSecretKey()),
    allowCrmHosts: ['127.0.0.1'],
    crmPort: (project) => registry.portFor(project),
  });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app.close();
  await store.close();
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = adminCaller(() => base, KEY);
const document = {
  crm: 'zoho',
  project: {
    defaultCountry: 'UA',
    timezone: 'Europe/Kyiv',
    fieldMap: { lead: { utm_source: 'Call_Source' }, deal: { utm_campaign: 'Ad_Campaign' } },
  },
  employees: [{ id: 'e1', name: 'Olena', crmUserId: '1', extension: '100', topManager: true }],
};

/** As a Zoho admin would: the fields API with an access token from the refresh token. */
async function createField(module: string, label: string): Promise<number> {
  const { credentials, accountsUrl } = emulator.connection;
  const token = (await (
    await fetch(`${accountsUrl}/oauth/v2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
        refresh_token: credentials.refreshToken,
      }),
    })
  ).json()) as { access_token: string };
  const response = await fetch(`${emulator.baseUrl}/crm/v8/settings/fields?module=${module}`, {
    method: 'POST',
    headers: { authorization: `Zoho-oauthtoken ${token.access_token}` },
    body: JSON.stringify({ fields: [{ field_label: label, data_type: 'text', length: 255 }] }),
  });
  return response.status;
}

describe('G8 against Zoho: a custom field created in Zoho first can be named in a field map', () => {
  it('refused while the fields are missing; saved once they are created through the fields API', async () => {
    const withConnection = { ...document, connection: emulator.connection };
    const refused = await call('PUT', '/v1/projects/zoho-acme', withConnection);
    expect(refused.status).toBe(422);
    expect(refused.json['problems']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'project.fieldMap.lead.utm_source' }),
        expect.objectContaining({ path: 'project.fieldMap.deal.utm_campaign' }),
      ]),
    );
    expect(await createField('Leads', 'Call Source')).toBe(201);
    expect(await createField('Deals', 'Ad Campaign')).toBe(201);
    const saved = await call('PUT', '/v1/projects/zoho-acme', withConnection);
    expect(saved.status, JSON.stringify(saved.json)).toBe(201);
    const { status, json } = await call('GET', '/v1/projects/zoho-acme/crm/fields?entity=lead');
    expect(status).toBe(200);
    expect(json['fields']).toContainEqual({
      name: 'Call_Source',
      label: 'Call Source',
      type: 'string',
    });
  });
});
