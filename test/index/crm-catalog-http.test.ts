import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipedriveEmulator, type PipedriveEmulator } from '../../emulators/pipedrive/index.js';
import { fitTexts } from '../../src/crm/capabilities.js';
import { ensurePipeline, ensureStringField } from '../../src/crm/pipedrive/admin.js';
import { createPipedriveAdapter } from '../../src/crm/pipedrive/adapter.js';
import { registerAdminRoutes } from '../../src/service/admin/index.js';
import { ensureOperatorKey } from '../../src/service/auth/keys.js';
import { CrmRegistry } from '../../src/service/crm-registry.js';
import { generateSecretKey, SecretBox } from '../../src/service/crypto/secret-box.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { adminCaller } from './admin-http.js';

// service.md §2 `…/crm/pipelines`, `…/crm/fields` and G8's field-type check,
// end to end over real HTTP: admin API → CRM registry → Pipedrive adapter → its emulator (loopback).

const KEY = 'cmo_catalog-operator-key-0123456789abcdef';
let emulator: PipedriveEmulator;
let app: FastifyInstance;
let store: Store;
let base = '';
let dir = '';

beforeAll(async () => {
  emulator = await startPipedriveEmulator({ burstPer2s: 100_000 });
  // As a user prepares the account (README): a text field and a pipeline of our own.
  const prepare = createPipedriveAdapter(emulator.connection, {
    texts: fitTexts('en'),
    defaultCountry: 'UA',
    timezone: 'Europe/Kyiv',
  });
  await ensureStringField(prepare.client, 'deal', 'Campaign');
  await ensurePipeline(prepare.client, 'Inbound calls');
  dir = mkdtempSync(join(tmpdir(), 'callmatrix-catalog-'));
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

const document = (fieldMap: Record<string, unknown> = {}) => ({
  crm: 'pipedrive',
  project: { defaultCountry: 'UA', timezone: 'Europe/Kyiv', fieldMap },
  employees: [{ id: 'e1', name: 'Olena', crmUserId: '1', extension: '100', topManager: true }],
  connection: emulator.connection,
});

describe('CRM catalog over HTTP (service.md §2, G8, G9): Pipedrive', () => {
  it('service.md §2: …/crm/pipelines lists the account’s pipelines', async () => {
    expect((await call('PUT', '/v1/projects/acme', document())).status).toBe(201);
    const { status, json } = await call('GET', '/v1/projects/acme/crm/pipelines');
    expect(status).toBe(200);
    const names = (json['pipelines'] as Array<{ id: string; name: string }>).map(
      (pipeline) => pipeline.name,
    );
    expect(names).toContain('Inbound calls');
  });

  it('service.md §2 + G8: …/crm/fields?entity=deal names each field with its type; a custom text field is a string field', async () => {
    const { status, json } = await call('GET', '/v1/projects/acme/crm/fields?entity=deal');
    expect(status).toBe(200);
    const fields = json['fields'] as Array<{ name: string; label?: string; type: string }>;
    expect(fields).toContainEqual({ name: 'Campaign', label: 'Campaign', type: 'string' });
    expect(fields).toContainEqual({ name: 'title', label: 'Title', type: 'string' });
    expect(fields).toContainEqual({ name: 'status', label: 'Status', type: 'picklist' });
  });

  it('G8: a map onto a number or missing field is refused when saved; a string target is accepted', async () => {
    const refused = await call(
      'PUT',
      '/v1/projects/acme',
      document({ deal: { utm_source: 'pipeline', utm_medium: 'No such field' } }),
    );
    expect(refused.status).toBe(422);
    expect(refused.json['problems']).toEqual(
      expect.arrayContaining([
        {
          path: 'project.fieldMap.deal.utm_source',
          message:
            '"pipeline" is a number field: only string and picklist fields may receive parameters',
        },
        {
          path: 'project.fieldMap.deal.utm_medium',
          message: 'the CRM has no deal field "No such field"',
        },
      ]),
    );
    expect(
      (await call('PUT', '/v1/projects/acme', document({ deal: { utm_campaign: 'Campaign' } })))
        .status,
    ).toBe(200);
    expect(
      (await call('POST', '/v1/projects/acme/integration/activate', { resend: true })).status,
    ).toBe(200);
  });
});
