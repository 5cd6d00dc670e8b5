import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { MemoryCrm } from '../../src/crm/memory/adapter.js';
import { fitTexts } from '../../src/crm/capabilities.js';
import { SnapshotSchema } from '../../src/domain/snapshot.js';
import { buildApp } from '../../src/service/app.js';
import type { AdminDeps } from '../../src/service/admin/context.js';
import { registerAdminRoutes } from '../../src/service/admin/index.js';
import { ProjectStore } from '../../src/service/admin/project-store.js';
import { ensureOperatorKey } from '../../src/service/auth/keys.js';
import { generateSecretKey, SecretBox } from '../../src/service/crypto/secret-box.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';

// The service every fuzz test runs against: ingest and the admin API of the
// real app on a temp SQLite store, the in-memory CRM behind every project,
// and project acme put by the operator.

export const OPERATOR = 'cmo_fuzz-operator-key-0123456789abcdef';
export const NOW = new Date('2026-05-04T12:00:00Z');

export interface FuzzApp {
  readonly app: FastifyInstance;
  readonly store: Store;
  /** Closes the app and the store, and deletes the temp folder. */
  readonly close: () => Promise<void>;
}

/** `document` is acme's project document; `oauth`, the Connect apps (none: Connect answers 501). */
export async function openFuzzApp(
  document: object,
  options: { readonly tempPrefix: string; readonly oauth?: AdminDeps['oauth'] },
): Promise<FuzzApp> {
  const dir = mkdtempSync(join(tmpdir(), options.tempPrefix));
  const store: Store = await openStore(`sqlite:${join(dir, 'db.sqlite')}`);
  await ensureOperatorKey(store, OPERATOR, NOW);
  const box = new SecretBox(Buffer.from(generateSecretKey(), 'base64'));
  const projects = new ProjectStore(store, box);
  const app = await buildApp({
    store,
    settings: { maxBodyBytes: 64 * 1024, ingestRatePerSec: 0 },
    projects,
    now: () => NOW,
    extraRoutes: [
      (root) =>
        registerAdminRoutes(root, {
          store,
          secretBox: box,
          projects,
          allowCrmHosts: ['127.0.0.1'],
          crmPort: (p) =>
            new MemoryCrm(p.crm, SnapshotSchema.parse({ users: [{ id: 'u1', name: 'Top' }] }), {
              defaultCountry: p.settings.defaultCountry,
              texts: fitTexts(p.settings.language),
            }),
          now: () => NOW,
          ...(options.oauth ? { oauth: options.oauth } : {}),
        }),
    ],
  });
  await app.ready();
  const put = await app.inject({
    method: 'PUT',
    url: '/v1/projects/acme',
    headers: { authorization: `Bearer ${OPERATOR}` },
    payload: document,
  });
  expect(put.statusCode).toBe(201);
  return {
    app,
    store,
    close: async () => {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
