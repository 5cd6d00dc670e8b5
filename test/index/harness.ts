import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CrmId } from '../../src/domain/crm-id.js';
import { parseEvents } from '../../src/domain/events.js';
import { CrmRegistry } from '../../src/service/crm-registry.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { parseDocument } from '../../src/service/admin/document.js';
import { ProjectStore } from '../../src/service/admin/project-store.js';
import { SecretBox, generateSecretKey } from '../../src/service/crypto/secret-box.js';
import { SIGNING_SECRET, TOKEN } from '../service/harness.js';
import type { ProjectView } from '../../src/worker/project.js';
import { Worker } from '../../src/worker/worker.js';

// A store on a temporary SQLite file, one worker driven step by step and the
// in-memory CRM per project: enough to watch the phone index follow the writes (G13).

export interface IndexHarness {
  readonly store: Store;
  readonly worker: Worker;
  readonly registry: CrmRegistry;
  readonly clock: { now: Date };
  view(id: string): Promise<ProjectView>;
  addProject(id: string, crm: CrmId, document: Record<string, unknown>): Promise<void>;
  ingest(projectId: string, events: readonly Record<string, unknown>[]): Promise<void>;
  /** Runs the worker until nothing more is claimable now. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export async function indexHarness(): Promise<IndexHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'callmatrix-index-'));
  const store = await openStore(`sqlite:${join(dir, 'test.db')}`);
  const registry = new CrmRegistry(['127.0.0.1']);
  const clock = { now: new Date('2026-03-02T10:00:00Z') };
  const projects = new ProjectStore(store, SecretBox.fromBase64(generateSecretKey()));
  const view = async (id: string): Promise<ProjectView> => {
    const found = await projects.get(id);
    if (!found) throw new Error(`no project ${id}`);
    return found;
  };
  const worker = new Worker({
    store,
    projects,
    ports: (project) => registry.portFor(project),
    concurrency: 2,
    leaseMs: 30_000,
    pollMs: 20,
    retryScheduleSec: [5],
    endedGraceSec: 60,
    now: () => clock.now,
  });
  return {
    store,
    worker,
    registry,
    clock,
    view,
    async addProject(id, crm, document) {
      const parsed = parseDocument({
        webhook: { token: TOKEN, signingSecret: SIGNING_SECRET },
        ...document,
        crm,
      });
      if (!parsed.ok) throw new Error(`test project ${id}: ${JSON.stringify(parsed.problems)}`);
      await projects.save(id, parsed.value, clock.now);
      await store.moveIntegration(id, 'active', null, clock.now);
    },
    async ingest(projectId, events) {
      const parsed = parseEvents(events);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      await store.insertEvents(
        projectId,
        parsed.value.map((event) => ({ event, orderingKey: 'client:one' })),
        clock.now,
      );
    },
    async drain() {
      while ((await worker.runOnce()).length > 0);
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
