import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEvents } from '../src/domain/events.js';
import { parseDocument } from '../src/service/admin/document.js';
import { ProjectStore } from '../src/service/admin/project-store.js';
import { CrmRegistry } from '../src/service/crm-registry.js';
import { SecretBox, generateSecretKey } from '../src/service/crypto/secret-box.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import { clientKey } from '../src/worker/ordering.js';
import { Worker } from '../src/worker/worker.js';

// npm run bench:workers — the workers alone, no HTTP: a backlog of
// BENCH_EVENTS call.started events (each of its own client) stored first,
// then one Worker (concurrency CALLMATRIX_WORKER_CONCURRENCY, default 8)
// works it off into the in-memory CRM. Prints events/s and the time per
// store call as the worker saw it (queueing included). SQLite always;
// PostgreSQL too when CALLMATRIX_TEST_DATABASE_URL is set.

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 30_000);
const CONCURRENCY = Number(process.env['CALLMATRIX_WORKER_CONCURRENCY'] ?? 8);

/** The store with every call timed. */
function timed(store: Store, times: Map<string, { calls: number; ms: number }>): Store {
  return new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const started = performance.now();
        const out = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (!(out instanceof Promise)) return out;
        return out.finally(() => {
          const seen = times.get(String(name)) ?? { calls: 0, ms: 0 };
          seen.calls += 1;
          seen.ms += performance.now() - started;
          times.set(String(name), seen);
        });
      };
    },
  });
}

async function run(url: string, label: string): Promise<string[]> {
  const raw = await openStore(
    url,
    url.startsWith('postgres') ? { schema: `bench_workers_${process.pid}` } : {},
  );
  const times = new Map<string, { calls: number; ms: number }>();
  const store = timed(raw, times);
  const projects = new ProjectStore(store, SecretBox.fromBase64(generateSecretKey()));
  const project = `bench-${Date.now()}`;
  const document = parseDocument({
    crm: 'pipedrive',
    project: { defaultCountry: 'UA', timezone: 'Europe/Kyiv' },
    connection: { kind: 'memory' },
    webhook: {
      token: 'tok_bench_workers_0001',
      signingSecret: `whsec_${Buffer.from('a-signing-key-of-32-bytes-length').toString('base64')}`,
    },
  });
  if (!document.ok) throw new Error(JSON.stringify(document.problems));
  const now = new Date();
  await projects.save(project, document.value, now);
  await raw.moveIntegration(project, 'active', null, now);
  const events = parseEvents(
    Array.from({ length: EVENTS }, (_, i) => ({
      type: 'call.started',
      eventId: `e${i}`,
      callId: `c${i}`,
      at: '2026-03-02T08:00:00Z',
      direction: 'incoming',
      from: `+38050${String(1_000_000 + i).slice(-7)}`,
      to: '+380441234567',
    })),
  );
  if (!events.ok) throw new Error(JSON.stringify(events.problems));
  for (let i = 0; i < EVENTS; i += 500) {
    await raw.insertEvents(
      project,
      events.value.slice(i, i + 500).map((event) => ({
        event,
        orderingKey: clientKey(event, 'UA') ?? `event:${event.eventId}`,
      })),
      now,
    );
  }
  times.clear();
  const registry = new CrmRegistry(['127.0.0.1']);
  const worker = new Worker({
    store,
    projects,
    ports: (view) => registry.portFor(view),
    concurrency: CONCURRENCY,
    leaseMs: 60_000,
    pollMs: 50,
    retryScheduleSec: [5],
    endedGraceSec: 60,
  });
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  worker.start();
  while ((await raw.countPending(project)) > 0)
    await new Promise((resolve) => setTimeout(resolve, 500));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await worker.stop();
  await raw.deleteProject(project);
  await raw.close();
  const lines = [
    `${label}: ${EVENTS} events (a backlog, each of its own client) worked off in ${seconds.toFixed(1)} s = ${(EVENTS / seconds).toFixed(0)} events/s, ` +
      `concurrency ${CONCURRENCY}, this process used ${((cpu.user + cpu.system) / 1e6 / seconds).toFixed(2)} CPU cores`,
  ];
  for (const [name, seen] of [...times].sort((a, b) => b[1].ms - a[1].ms)) {
    lines.push(
      `  ${name.padEnd(14)} ${String(seen.calls).padStart(7)} calls, ${(seen.ms / seen.calls).toFixed(2)} ms each as the worker waited`,
    );
  }
  return lines;
}

const dir = mkdtempSync(join(tmpdir(), 'callmatrix-bench-workers-'));
const lines = [...(await run(`sqlite:${join(dir, 'bench.db')}`, 'SQLite (WAL)'))];
const pg = process.env['CALLMATRIX_TEST_DATABASE_URL'];
lines.push(
  ...(pg
    ? await run(pg, 'PostgreSQL')
    : ['PostgreSQL: skipped (set CALLMATRIX_TEST_DATABASE_URL)']),
);
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${lines.join('\n')}\n`);
