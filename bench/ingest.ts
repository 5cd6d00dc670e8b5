import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/open.js';
import { putProject, serviceSetup, startCli, waitReady } from '../test/crash/spawn.js';
import { claimTime } from './claim-time.js';
import { pacedLoad } from './paced-load.js';
import { realistic } from './realistic.js';

// npm run bench:ingest — the ingest path under load from a second process on
// loopback (autocannon): accepted events/s and p50/p99 acknowledgement
// latency, then the end-to-end rate of those events into the in-memory CRM.
// First at a steady rate (BENCH_RATE requests/s of one event, default 1 000,
// open loop: bench/paced-load.ts), then as fast as acknowledged (autocannon)
// with 1 and 50 events per request.
// SQLite always; PostgreSQL too when CALLMATRIX_TEST_DATABASE_URL is set
// (BENCH_BACKENDS=sqlite or =postgres runs one of them).

const DURATION_SEC = Number(process.env['BENCH_DURATION_SEC'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 32);
const BATCHES = [1, 50];
// A steady load the workers should keep up with (service §4 target: ack p99 ≤ 20 ms on SQLite at 1 000 events/s).
const FIXED_RATE = Number(process.env['BENCH_RATE'] ?? 1000);
const WARMUP_SEC = Number(process.env['BENCH_WARMUP_SEC'] ?? 15);

interface Phase {
  readonly batch: number;
  /** Requests per second across all connections (autocannon overallRate); absent = as fast as acknowledged. */
  readonly rate?: number;
}
const PHASES: readonly Phase[] = [
  { batch: 1, rate: FIXED_RATE },
  ...BATCHES.map((batch) => ({ batch })),
];

let counter = 0;
function event(): Record<string, unknown> {
  counter += 1;
  const callId = `b${counter}`;
  return {
    type: 'call.started',
    eventId: callId,
    callId,
    at: '2026-03-02T08:00:00Z',
    direction: 'incoming',
    from: `+38050${String(1_000_000 + (counter % 9_000_000)).slice(-7)}`,
    to: '+380441234567',
  };
}

async function run(databaseUrl: string, label: string, dir: string): Promise<string[]> {
  const concurrency = process.env['CALLMATRIX_WORKER_CONCURRENCY'];
  const { port, adminKey, env, base } = serviceSetup(
    databaseUrl,
    dir,
    concurrency !== undefined ? { CALLMATRIX_WORKER_CONCURRENCY: concurrency } : {},
  );
  const serve = startCli(['serve', '--port', String(port)], env);
  const lines: string[] = [];
  try {
    await waitReady(`${base}/readyz`);
    const project = `bench-${randomBytes(3).toString('hex')}`;
    const token = await putProject(base, adminKey, project);
    const store = await openStore(databaseUrl);
    const path = `/v1/projects/${project}/events`;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const steady = (durationSec: number) =>
      pacedLoad({
        origin: base,
        path,
        headers,
        body: () => JSON.stringify(event()),
        rate: FIXED_RATE,
        durationSec,
        connections: CONNECTIONS,
      });
    // Warm-up, not measured: a just-started process compiles its code paths on first use.
    await steady(WARMUP_SEC);
    while ((await store.countPending(project)) > 0)
      await new Promise((resolve) => setTimeout(resolve, 200));
    for (const { batch, rate } of PHASES) {
      const before = (await store.countEvents(project)).applied;
      const started = Date.now();
      if (rate !== undefined) {
        const result = await steady(DURATION_SEC);
        lines.push(
          `${label}, 1 event/request at a steady ${rate} requests/s (open loop, latency from when each was due), ${DURATION_SEC} s: ${result.ok} accepted (${result.achievedRate.toFixed(0)} req/s sent), ` +
            `ack latency p50 ${result.p50.toFixed(1)} ms, p90 ${result.p90.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(1)} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
        );
      } else {
        const result = await autocannon({
          url: `${base}${path}`,
          method: 'POST',
          connections: CONNECTIONS,
          duration: DURATION_SEC,
          headers,
          requests: [
            {
              setupRequest: (request) => ({
                ...request,
                body: JSON.stringify(Array.from({ length: batch }, event)),
              }),
            },
          ],
        });
        const accepted = result['2xx'] * batch;
        lines.push(
          `${label}, ${batch} event(s)/request as fast as acknowledged, ${CONNECTIONS} connections, ${DURATION_SEC} s: ${(accepted / DURATION_SEC).toFixed(0)} accepted events/s ` +
            `(${result.requests.average.toFixed(0)} req/s), ack latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}`,
        );
      }
      // End to end: until every accepted event is applied in the in-memory CRM.
      const loadEnded = Date.now();
      for (;;) {
        if ((await store.countPending(project)) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const applied = (await store.countEvents(project)).applied - before;
      const seconds = (Date.now() - started) / 1000;
      const lag = ((Date.now() - loadEnded) / 1000).toFixed(1);
      lines.push(
        `${label}, ${batch} event(s)/request${rate === undefined ? '' : ` at ${rate}/s`}: end to end ${applied} events into the in-memory CRM in ${seconds.toFixed(1)} s = ${(applied / seconds).toFixed(0)} events/s (last applied ${lag} s after the load stopped)`,
      );
    }
    await store.close();
  } finally {
    serve.kill('SIGTERM');
    await new Promise((resolve) => serve.once('exit', resolve));
  }
  return lines;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'callmatrix-bench-'));
  const lines = [
    `setup: Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), serve from source (tsx) with its workers in a worker thread, load from this process over loopback; load average at start ${loadavg()[0]?.toFixed(1) ?? '?'} (the machine may be shared)`,
  ];
  // BENCH_BACKENDS=sqlite,postgres (default both) runs only the named ones; BENCH_SHAPES=old,realistic,claims
  // (default all) the shapes: the ones above, bench/realistic.ts (issue 10) and bench/claim-time.ts.
  const backends = (process.env['BENCH_BACKENDS'] ?? 'sqlite,postgres').split(',');
  const shapes = (process.env['BENCH_SHAPES'] ?? 'old,realistic,claims').split(',');
  const pg = process.env['CALLMATRIX_TEST_DATABASE_URL'];
  const targets: Array<[string, string]> = [];
  if (backends.includes('sqlite'))
    targets.push([`sqlite:${join(dir, 'bench.db')}`, 'SQLite (WAL, fdatasync before each 202)']);
  if (!backends.includes('postgres')) lines.push('PostgreSQL: skipped (BENCH_BACKENDS)');
  else if (pg) targets.push([pg, 'PostgreSQL']);
  else lines.push('PostgreSQL: skipped (set CALLMATRIX_TEST_DATABASE_URL)');
  for (const [url, label] of targets) {
    if (shapes.includes('old')) lines.push(...(await run(url, label, dir)));
    if (shapes.includes('realistic'))
      lines.push(...(await realistic(url.replace('bench.db', 'realistic.db'), label, dir)));
    // On PostgreSQL the realistic shape (issue 10 item 6) brings the claim times with it.
    if (shapes.includes('claims') || (shapes.includes('realistic') && !url.startsWith('sqlite')))
      lines.push(
        ...(url.startsWith('sqlite')
          ? await claimTime(`sqlite:${join(dir, 'claims.db')}`, label)
          : await claimTime(url, label, `cm_bench_claims_${process.pid}`)),
      );
    process.stderr.write(`${lines.join('\n')}\n`);
  }
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
