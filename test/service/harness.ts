import type { FastifyInstance } from 'fastify';
import { CrmRegistry } from '../../src/service/crm-registry.js';
import { buildApp } from '../../src/service/app.js';
import { SecretBox, generateSecretKey } from '../../src/service/crypto/secret-box.js';
import { ServiceMetrics } from '../../src/service/ops/metrics.js';
import { openTestStore } from '../support/test-store.js';
import type { Store } from '../../src/store/store.js';
import type { CrmPort } from '../../src/crm/port.js';
import { parseDocument } from '../../src/service/admin/document.js';
import { ProjectStore } from '../../src/service/admin/project-store.js';
import type { ProjectView } from '../../src/worker/project.js';
import { Worker } from '../../src/worker/worker.js';
import { registerAdminRoutes } from '../../src/service/admin/index.js';
import { ensureOperatorKey } from '../../src/service/auth/keys.js';

// A service on a temporary SQLite file (or PostgreSQL: test/support/test-store.ts): the app, one in-process worker driven
// step by step, and the in-memory CRM per project.

export const TOKEN = 'tok_0123456789abcdef';
export const SIGNING_SECRET = `whsec_${Buffer.from('a-signing-key-of-32-bytes-length').toString('base64')}`;

export interface Harness {
  readonly store: Store;
  readonly app: FastifyInstance;
  readonly worker: Worker;
  readonly registry: CrmRegistry;
  readonly metrics: ServiceMetrics;
  readonly clock: { now: Date };
  /** Creates a project (active, in-memory CRM) with the webhook token and signing secret above. */
  addProject(id: string, document?: Record<string, unknown>): Promise<void>;
  /** POSTs `body` (one event or a batch) to the project's ingest with the webhook token; asserts the 202. */
  post(projectId: string, body: unknown): Promise<void>;
  /** Runs the worker until nothing more is claimable now. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly ingestRatePerSec?: number;
  readonly maxBodyBytes?: number;
  readonly retryScheduleSec?: readonly number[];
  /** Wraps each project's CRM port (fault injection). */
  readonly wrapPort?: (port: CrmPort, project: ProjectView) => CrmPort;
  /** Wraps the store the app and the worker use (a store that goes down, say). */
  readonly wrapStore?: (store: Store) => Store;
  /** PostgreSQL: the URL and a schema of the suite's own (style §2.14); SQLite on a temp file otherwise. */
  readonly postgres?: { readonly url: string; readonly schema: string };
  /** The admin API too, as `callmatrix serve` has it, with this operator key. */
  readonly operatorKey?: string;
}

export async function harness(options: HarnessOptions = {}): Promise<Harness> {
  const opened = await openTestStore('svc', options.postgres);
  const store = options.wrapStore ? options.wrapStore(opened.store) : opened.store;
  const box = SecretBox.fromBase64(generateSecretKey());
  const projects = new ProjectStore(store, box);
  const registry = new CrmRegistry(['127.0.0.1']);
  const metrics = new ServiceMetrics(store);
  const clock = { now: new Date('2026-03-02T10:00:00Z') };
  const now = (): Date => clock.now;
  const ports = (project: ProjectView): CrmPort => {
    const port = registry.portFor(project);
    return options.wrapPort ? options.wrapPort(port, project) : port;
  };
  const worker = new Worker({
    store,
    projects,
    ports,
    concurrency: 4,
    leaseMs: 30_000,
    pollMs: 20,
    retryScheduleSec: options.retryScheduleSec ?? [5, 30],
    endedGraceSec: 60,
    now,
    observer: metrics.observer(),
  });
  const app = await buildApp({
    store,
    settings: {
      maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
      ingestRatePerSec: options.ingestRatePerSec ?? 0,
    },
    projects,
    metrics,
    now,
    extraRoutes: options.operatorKey
      ? [
          (scope) =>
            registerAdminRoutes(scope, {
              store,
              secretBox: box,
              allowCrmHosts: ['127.0.0.1'],
              crmPort: ports,
              projects,
              now,
            }),
        ]
      : [],
  });
  if (options.operatorKey) await ensureOperatorKey(store, options.operatorKey, clock.now);
  return {
    store,
    app,
    worker,
    registry,
    metrics,
    clock,
    async addProject(id, document = {}) {
      const full = {
        crm: 'pipedrive',
        project: { defaultCountry: 'UA', timezone: 'Europe/Kyiv' },
        employees: [],
        connection: { kind: 'memory' },
        ...document,
        webhook: { token: TOKEN, signingSecret: SIGNING_SECRET },
      };
      const parsed = parseDocument(full);
      if (!parsed.ok) throw new Error(`test project ${id}: ${JSON.stringify(parsed.problems)}`);
      await projects.save(id, parsed.value, clock.now);
      await store.moveIntegration(id, 'active', null, clock.now);
    },
    async post(projectId, body) {
      const response = await app.inject({
        method: 'POST',
        url: `/v1/projects/${projectId}/events`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        payload: JSON.stringify(body),
      });
      if (response.statusCode !== 202)
        throw new Error(`ingest answered ${response.statusCode}: ${response.body}`);
    },
    async drain() {
      while ((await worker.runOnce()).length > 0);
    },
    async close() {
      await app.close();
      await opened.close();
    },
  };
}
