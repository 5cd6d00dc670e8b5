import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import pino from 'pino';

import { parseSettings, type Settings } from '../config/settings.js';
import { formatProblem } from '../domain/problems.js';
import { registerAdminRoutes } from '../service/admin/index.js';
import { oauthAppsFrom } from '../service/oauth/apps.js';
import { ProjectStore } from '../service/admin/project-store.js';
import { buildApp, REDACTED_PATHS } from '../service/app.js';
import { ensureOperatorKey } from '../service/auth/keys.js';
import { RequestTally } from '../crm/http/request-tally.js';
import { CrmRegistry } from '../service/crm-registry.js';
import { loadSecretBox } from '../service/crypto/load-key.js';
import type { SecretBox } from '../service/crypto/secret-box.js';
import { ServiceMetrics } from '../service/ops/metrics.js';
import { registerWebApp } from '../service/web.js';
import { openStore, writeGateBuffer, type OpenOptions } from '../store/open.js';
import type { Store } from '../store/store.js';
import { AlertService } from '../worker/alerts/service.js';
import { IndexSync } from '../worker/index-sync.js';
import { RequestCountFlush } from '../worker/request-counts.js';
import type { WorkerObserver } from '../worker/observer.js';
import { Worker } from '../worker/worker.js';
import { packageRoot } from './package-root.js';
import { WorkerInThread } from './worker-in-thread.js';

// `callmatrix serve` (HTTP API + in-process workers) and `callmatrix worker`
// (workers only, for scale-out on PostgreSQL): wiring, nothing else.

type Err = (text: string) => void;

export interface Runtime {
  readonly settings: Settings;
  readonly store: Store;
  readonly box: SecretBox;
  readonly projects: ProjectStore;
  readonly registry: CrmRegistry;
  readonly logger: pino.Logger;
  /** The CRM requests this process sends, counted per project and hour; stop it before the store closes. */
  readonly requestCounts: RequestCountFlush;
}

export async function openRuntime(
  args: readonly string[],
  err: Err,
  /** ProjectStore's trustMs: serve's HTTP side, where every project change is made, trusts its cache a while. */
  projectTrustMs = 0,
  /** How to open the store, given the settings. */
  storeOptions: OpenOptions | ((settings: Settings) => OpenOptions) = {},
): Promise<Runtime | null> {
  const parsed = parseSettings(process.env, args);
  if (!parsed.ok) {
    for (const problem of parsed.problems) err(formatProblem(problem));
    return null;
  }
  const settings = parsed.value;
  const logger = pino(
    { level: settings.logLevel, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    // Issue 10: a line per request written synchronously cost the HTTP loop a syscall each
    // (5 % of it at 1 000 events/s). Asynchronously, lines that come while one write is under
    // way go out together; pino flushes what is left when the process exits (a kill -9 can
    // lose the last few lines, never an event). A worker thread has no such exit hook: it writes synchronously.
    pino.destination({ dest: 1, sync: !isMainThread }),
  );
  let box: SecretBox;
  try {
    box = await loadSecretBox({
      env: settings.secretKey,
      databaseUrl: settings.databaseUrl,
      keyFile: join(settings.dataDir, 'secret.key'),
    });
  } catch (error) {
    err((error as Error).message);
    return null;
  }
  const store = await openStore(
    settings.databaseUrl,
    typeof storeOptions === 'function' ? storeOptions(settings) : storeOptions,
  );
  const projects = new ProjectStore(store, box, undefined, projectTrustMs);
  const tally = new RequestTally();
  const requestCounts = new RequestCountFlush({
    store,
    tally,
    onError: (message, context) => logger.error(context, message),
  });
  requestCounts.start();
  return {
    settings,
    store,
    box,
    projects,
    registry: new CrmRegistry(settings.allowCrmHosts, undefined, tally),
    logger,
    requestCounts,
  };
}

export function newWorker(rt: Runtime, observer?: WorkerObserver): Worker {
  const { settings, logger } = rt;
  return new Worker({
    store: rt.store,
    projects: rt.projects,
    ports: (project) => rt.registry.portFor(project),
    concurrency: settings.workerConcurrency,
    leaseMs: settings.leaseMs,
    pollMs: settings.pollMs,
    retryScheduleSec: settings.retryScheduleSec,
    endedGraceSec: settings.endedGraceSec,
    observer: observer ?? { error: (message, context) => logger.error(context, message) },
  });
}

/** What serve asks of its workers, in a thread of their own or (an in-memory database) in its own loop. */
type ServeWorker = Pick<Worker, 'notify' | 'wake' | 'stop'>;

/** serve without workers (CALLMATRIX_SERVE_WORKERS=false): `callmatrix worker` processes do the work. */
const NO_WORKERS: ServeWorker = {
  notify: () => undefined,
  wake: () => undefined,
  stop: () => Promise.resolve(),
};

async function startWorkers(
  rt: Runtime,
  args: readonly string[],
  observer: WorkerObserver,
): Promise<ServeWorker> {
  if (!rt.settings.serveWorkers) {
    if (rt.store.backend === 'sqlite')
      rt.logger.warn(
        'serve without workers on SQLite: events are accepted and kept, but none is sent to the CRM until serve runs with its workers again (a `worker` process cannot open SQLite)',
      );
    return NO_WORKERS;
  }
  // An in-memory SQLite database is one connection's: nothing another thread could open.
  if (rt.settings.databaseUrl.includes(':memory:')) {
    const worker = newWorker(rt, observer);
    worker.start();
    return worker;
  }
  // On SQLite the thread writes through this process's write gate (store/sqlite/write-gate.ts).
  const { databaseUrl } = rt.settings;
  const buffer = writeGateBuffer(databaseUrl);
  return WorkerInThread.start(
    { args: [...args], writeGate: buffer && { databaseUrl, buffer } },
    observer,
    rt.logger,
  );
}

/** Resolves on the first SIGTERM or SIGINT. */
export function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
}

/** How long serve's HTTP side takes a checked project version as current (ProjectStore trustMs). */
const SERVE_PROJECT_TRUST_MS = 1_000;
/** How often serve looks for state changes to announce and alerts to send. */
const ALERT_INTERVAL_MS = 5_000;

export async function runServe(args: readonly string[], err: Err): Promise<number> {
  // Issue 10: no WAL checkpoint in an ingest commit on the HTTP event loop; the worker thread runs
  // them, or (no workers) a timer of this process, between requests.
  const rt = await openRuntime(args, err, SERVE_PROJECT_TRUST_MS, (settings) => ({
    sqliteCheckpoints: settings.serveWorkers ? 'elsewhere' : 'background',
  }));
  if (!rt) return 2;
  const { settings, store, logger } = rt;
  // An in-memory database is this process's alone: without serve's workers nothing would ever process it.
  if (!settings.serveWorkers && settings.databaseUrl.includes(':memory:')) {
    err(
      'CALLMATRIX_SERVE_WORKERS: serve without workers needs a store other processes can open (PostgreSQL); an in-memory SQLite database would never be processed',
    );
    await rt.requestCounts.stop();
    await store.close();
    return 2;
  }
  const created = await ensureOperatorKey(store, settings.adminKey, new Date());
  // Printed once, outside the structured log (service.md §1); only its hash is stored.
  if (created) err(`callmatrix: created the operator key (shown only now, keep it): ${created}`);
  const metrics = new ServiceMetrics(store, { processMetrics: true });
  // Issue 10: the workers run off this event loop, which answers HTTP (worker-thread.ts).
  const worker = await startWorkers(rt, args, {
    ...metrics.observer(),
    error: (message, context) => logger.error(context, message),
  });
  // G13: the phone index loaded on activation and polled for what people changed in the CRM.
  const indexSync = new IndexSync({
    store,
    projects: rt.projects,
    ports: (project) => rt.registry.portFor(project),
    intervalSec: settings.indexSyncSec,
    onError: (message, context) => logger.error(context, message),
  });
  // Issue 11 item 6: state changes logged at warn and sent to the project's alert webhook.
  const alerts = new AlertService({
    store,
    projects: rt.projects,
    ports: (project) => rt.registry.portFor(project),
    allowHosts: settings.allowCrmHosts,
    retryScheduleSec: settings.retryScheduleSec,
    intervalMs: ALERT_INTERVAL_MS,
    warn: (message, context) => logger.warn(context, message),
    onError: (message, context) => logger.error(context, message),
  });
  const integrationActivated = (projectId: string): void => {
    worker.wake();
    indexSync.activated(projectId);
    alerts.nudge();
  };
  const app = await buildApp({
    store,
    settings,
    projects: rt.projects,
    metrics,
    onAccepted: () => worker.notify(),
    logger: { level: settings.logLevel, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    extraRoutes: [
      (scope) =>
        registerAdminRoutes(scope, {
          store,
          secretBox: rt.box,
          allowCrmHosts: settings.allowCrmHosts,
          crmPort: (project) => rt.registry.portFor(project),
          projects: rt.projects,
          hooks: { integrationActivated },
          oauth: oauthAppsFrom(settings),
        }),
      // The admin web app at / (web/, built by `npm run build` into dist/web).
      (scope) => registerWebApp(scope, join(packageRoot(), 'dist', 'web')),
    ],
  });
  let address: string;
  try {
    address = await app.listen({ port: settings.port, host: settings.host });
  } catch (error) {
    // A taken port: main.ts says so in one line; nothing may keep the process alive meanwhile.
    await app.close();
    await worker.stop();
    await rt.requestCounts.stop();
    await store.close();
    throw error;
  }
  indexSync.start();
  alerts.start();
  logger.info({ address, store: store.backend }, 'callmatrix serve listening');
  const signal = await untilSignal();
  logger.info({ signal }, 'draining');
  // Stop accepting first, then finish or hand back claimed work (service.md §1).
  await app.close();
  await indexSync.stop();
  await alerts.stop();
  await worker.stop();
  await rt.requestCounts.stop();
  await store.close();
  return 0;
}
