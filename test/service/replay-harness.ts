import type { FastifyInstance } from 'fastify';
import { EMULATORS, type RunningEmulator } from '../../src/sandbox/emulators.js';
import type { ReplayLimits } from '../../src/service/admin/context.js';
import { registerAdminRoutes } from '../../src/service/admin/index.js';
import { ProjectStore } from '../../src/service/admin/project-store.js';
import { buildApp } from '../../src/service/app.js';
import { ensureOperatorKey } from '../../src/service/auth/keys.js';
import { CrmRegistry } from '../../src/service/crm-registry.js';
import { generateSecretKey, SecretBox } from '../../src/service/crypto/secret-box.js';
import type { Store } from '../../src/store/store.js';
import { Worker } from '../../src/worker/worker.js';
import { openTestStore } from '../support/test-store.js';

// The service as `serve` wires it (ingest, admin API, a worker driven step by
// step) on a real store — SQLite in a temp file, or PostgreSQL with
// CALLMATRIX_TEST_BACKEND=postgres — and the Pipedrive emulator as its CRM,
// spoken to over HTTP through the real adapter.

export const OPERATOR_KEY = 'cmo_replay-operator-key-0123456789abcdef';
export const TOKEN = 'tok_replay0123456789ab';

export interface ReplayHarness {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly worker: Worker;
  readonly emulator: RunningEmulator;
  /** Worker steps until the inbox has nothing it can take. */
  drain(): Promise<void>;
  /** The emulator's own request count (service.md §7 `GET /_emulator/requests`). */
  crmRequests(): Promise<number>;
  /** The emulator's content as a neutral snapshot. */
  crmSnapshot(): Promise<unknown>;
  close(): Promise<void>;
}

export async function replayHarness(replayLimits?: ReplayLimits): Promise<ReplayHarness> {
  const emulator = await EMULATORS.pipedrive.replay();
  const opened = await openTestStore('replay');
  const { store } = opened;
  await ensureOperatorKey(store, OPERATOR_KEY, new Date());
  const box = SecretBox.fromBase64(generateSecretKey());
  const projects = new ProjectStore(store, box);
  const registry = new CrmRegistry();
  const worker = new Worker({
    store,
    projects,
    ports: (project) => registry.portFor(project),
    concurrency: 4,
    leaseMs: 30_000,
    pollMs: 20,
    retryScheduleSec: [5],
    endedGraceSec: 0,
  });
  const app = await buildApp({
    store,
    settings: { maxBodyBytes: 1024 * 1024, ingestRatePerSec: 0 },
    projects,
    extraRoutes: [
      (scope) =>
        registerAdminRoutes(scope, {
          store,
          secretBox: box,
          allowCrmHosts: ['127.0.0.1', 'localhost'],
          crmPort: (project) => registry.portFor(project),
          projects,
          ...(replayLimits && { replayLimits }),
        }),
    ],
  });
  await app.ready();
  const emulatorJson = async (path: string): Promise<unknown> =>
    (await fetch(`${emulator.baseUrl}${path}`)).json();
  return {
    app,
    store,
    worker,
    emulator,
    async drain() {
      while ((await worker.runOnce()).length > 0);
    },
    async crmRequests() {
      return ((await emulatorJson('/_emulator/requests')) as { total: number }).total;
    },
    crmSnapshot: () => emulatorJson('/_emulator/snapshot'),
    async close() {
      await app.close();
      await opened.close();
      await emulator.close();
    },
  };
}
