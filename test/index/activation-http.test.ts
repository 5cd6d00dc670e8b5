import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAdminRoutes } from '../../src/service/admin/index.js';
import { ProjectStore } from '../../src/service/admin/project-store.js';
import { ensureOperatorKey } from '../../src/service/auth/keys.js';
import { CrmRegistry } from '../../src/service/crm-registry.js';
import { generateSecretKey, SecretBox } from '../../src/service/crypto/secret-box.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { IndexSync } from '../../src/worker/index-sync.js';
import { adminCaller } from './admin-http.js';

// G13 over real HTTP, wired as `callmatrix serve` wires it: the first PUT with a
// connection and `…/integration/activate` call the hook that loads the phone index;
// `…/status` reports it; `…/route` answers from it.

const KEY = 'cmo_activation-operator-key-0123456789abcdef';
let app: FastifyInstance;
let store: Store;
let sync: IndexSync;
let base = '';
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'callmatrix-activation-'));
  store = await openStore(`sqlite:${join(dir, 'db.sqlite')}`);
  await ensureOperatorKey(store, KEY, new Date());
  const box = SecretBox.fromBase64(generateSecretKey());
  const projects = new ProjectStore(store, box);
  const registry = new CrmRegistry(['127.0.0.1']);
  sync = new IndexSync({
    store,
    projects: { get: async (id) => (await projects.load(id))?.view ?? null },
    ports: (view) => registry.portFor(view),
    intervalSec: 300,
  });
  app = Fastify({ logger: false });
  registerAdminRoutes(app, {
    store,
    secretBox: box,
    projects,
    allowCrmHosts: ['127.0.0.1'],
    crmPort: (project) => registry.portFor(project),
    hooks: { integrationActivated: (projectId) => sync.activated(projectId) },
  });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app.close();
  await sync.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = adminCaller(() => base, KEY);

const STATE = {
  users: [
    { id: 'u1', name: 'Olena Top' },
    { id: 'u2', name: 'Petro' },
  ],
  contacts: [
    { id: 'c1', name: 'Ivan', phones: ['067 123 4567'], ownerId: 'u1' },
    { id: 'c2', name: 'Maria', phones: ['+380931112233', '+380501112233'], ownerId: 'u2' },
  ],
  deals: [{ id: 'd1', contactId: 'c1', ownerId: 'u2', status: 'open' }],
};
const document = {
  crm: 'pipedrive',
  project: { defaultCountry: 'UA', timezone: 'Europe/Kyiv' },
  employees: [
    { id: 'e1', name: 'Olena Top', crmUserId: 'u1', extension: '100', topManager: true },
    { id: 'e2', name: 'Petro', crmUserId: 'u2', extension: '101' },
  ],
  connection: { kind: 'memory', state: STATE },
};

describe('phone index on activation, over HTTP (G13, service.md §5, §6)', () => {
  it('G13: the first PUT with a connection loads the index; status counts its phones; route answers from it', async () => {
    expect((await call('PUT', '/v1/projects/acme', document)).status).toBe(201);
    await sync.idle('acme');
    const status = await call('GET', '/v1/projects/acme/status');
    expect(status.json).toMatchObject({
      integration: { state: 'active' },
      index: { state: 'ready', phones: 3 },
    });
    const route = await call(
      'GET',
      `/v1/projects/acme/route?caller=${encodeURIComponent('+380671234567')}`,
    );
    expect(route.json).toMatchObject({
      match: true,
      employee: { id: 'e2' },
      record: { entity: 'deals', id: 'd1' },
    });
  });

  it('G13: deactivate, then activate: the index is loaded again and ready', async () => {
    expect((await call('POST', '/v1/projects/acme/integration/deactivate', {})).status).toBe(200);
    const activated = await call('POST', '/v1/projects/acme/integration/activate', {
      resend: true,
    });
    expect(activated.status).toBe(200);
    // The activation answers before the load is done: the status it returns says loading or ready, never wrong.
    expect(['loading', 'ready']).toContain((activated.json['index'] as { state: string }).state);
    await sync.idle('acme');
    expect((await call('GET', '/v1/projects/acme/status')).json).toMatchObject({
      integration: { state: 'active' },
      index: { state: 'ready', phones: 3 },
    });
  });
});
