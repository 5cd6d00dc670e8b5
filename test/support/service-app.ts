import type { FastifyInstance } from 'fastify';
import type { ReplayLimits } from '../../src/service/admin/context.js';
import { registerAdminRoutes } from '../../src/service/admin/index.js';
import { ProjectStore } from '../../src/service/admin/project-store.js';
import { buildApp } from '../../src/service/app.js';
import { ensureOperatorKey } from '../../src/service/auth/keys.js';
import { CrmRegistry } from '../../src/service/crm-registry.js';
import { generateSecretKey, SecretBox } from '../../src/service/crypto/secret-box.js';
import type { OAuthApps } from '../../src/service/oauth/apps.js';
import type { Store } from '../../src/store/store.js';
import { openTestStore, type TestStore } from './test-store.js';

// The service app as `serve` wires it — ingest and the admin API, the real CRM
// adapters through the registry — on a test store (test/support/test-store.ts),
// with an operator key. The harnesses add what their tests drive (a worker, a
// listening port).

export interface ServiceAppOptions {
  /** The test store's name prefix (a PostgreSQL schema's, a temp folder's). */
  readonly storePrefix: string;
  readonly operatorKey: string;
  /** The hosts a project's CRM may be reached at (the emulators' loopback). */
  readonly allowCrmHosts: string[];
  readonly now?: () => Date;
  readonly oauth?: OAuthApps;
  readonly replayLimits?: ReplayLimits;
}

export interface ServiceApp {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly opened: TestStore;
  readonly projects: ProjectStore;
  readonly registry: CrmRegistry;
}

export async function serviceApp(options: ServiceAppOptions): Promise<ServiceApp> {
  const opened = await openTestStore(options.storePrefix);
  const { store } = opened;
  await ensureOperatorKey(store, options.operatorKey, new Date());
  const secretBox = SecretBox.fromBase64(generateSecretKey());
  const projects = new ProjectStore(store, secretBox);
  const registry = new CrmRegistry(options.allowCrmHosts);
  const app = await buildApp({
    store,
    settings: { maxBodyBytes: 1024 * 1024, ingestRatePerSec: 0 },
    projects,
    extraRoutes: [
      (scope) =>
        registerAdminRoutes(scope, {
          store,
          secretBox,
          projects,
          allowCrmHosts: options.allowCrmHosts,
          crmPort: (project) => registry.portFor(project),
          ...(options.now && { now: options.now }),
          ...(options.oauth && { oauth: options.oauth }),
          ...(options.replayLimits && { replayLimits: options.replayLimits }),
        }),
    ],
  });
  return { app, store, opened, projects, registry };
}
