import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startPipedriveEmulator } from '../emulators/pipedrive/index.js';
import { openStore } from '../src/store/open.js';
import type { NewEvent, Store } from '../src/store/store.js';
import { putProject, serviceSetup, startCli, waitReady } from '../test/crash/spawn.js';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pacedLoad } from './paced-load.js';
import { claimPlan } from './claim-time.js';
import { eventLoopDelay, ingestCommits, sampleSessions, scrape } from './profile.js';

// The realistic shape of issue 10: standalone call.ended events from a pool of
// repeat callers into a Pipedrive project on its emulator (burst limit on, 80
// per 2 s), over a backlog pre-filled to BENCH_BACKLOG pending events in which
// most callers' first event waits for a retry; (a) single events as fast as
// acknowledged, (b) a steady BENCH_RATE/s (latency from when each was due,
// unanswered = no answer within 15 s), (c) batches of 100; and the same shapes
// against a naive fastify + SQLite FULL server (bench/naive-server.ts) in the same run.

const DURATION_SEC = Number(process.env['BENCH_DURATION_SEC'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
const RATE = Number(process.env['BENCH_RATE'] ?? 1000);
const BACKLOG = Number(process.env['BENCH_BACKLOG'] ?? 100_000);
const CALLERS = Number(process.env['BENCH_CALLERS'] ?? 2000);
const PARKED_SHARE = Number(process.env['BENCH_PARKED_SHARE'] ?? 0.9);
const BATCH = 100;
const PHASES = (process.env['BENCH_REALISTIC_PHASES'] ?? 'a,b,c').split(',');
/** (a) and (b) over an empty backlog before the prefill: BENCH_EMPTY_FIRST=1/0; by default on PostgreSQL. */
const WARMUP_SEC = Number(process.env['BENCH_WARMUP_SEC'] ?? 5);
/**
 * (b) measures a steady state: before it, BENCH_STEADY_WARMUP_SEC (2) s of the same load, not
 * counted, for both servers alike — the load's connections opened, the code paths compiled,
 * what (a) left behind absorbed.
 */
const STEADY_WARMUP_SEC = Number(process.env['BENCH_STEADY_WARMUP_SEC'] ?? 2);
const EMPTY_FIRST = (postgres: boolean): boolean =>
  (process.env['BENCH_EMPTY_FIRST'] ?? (postgres ? '1' : '0')) === '1';

export interface ShapeFigures {
  single?: { eventsPerSec: number; p50: number; p99: number };
  steady?: { p50: number; p99: number; unanswered: number; sent: number };
  batch?: { eventsPerSec: number; p99: number };
}

let counter = 0;
const runId = randomBytes(3).toString('hex');

/** Caller n's phone (UA mobile numbers). */
const phoneOf = (n: number): string => `+38050${String(1_000_000 + (n % CALLERS)).slice(-7)}`;

/** A standalone call.ended of one of the repeat callers. */
function callEnded(caller = Math.floor(Math.random() * CALLERS)): Record<string, unknown> {
  counter += 1;
  const callId = `r${runId}-${counter}`;
  return {
    type: 'call.ended',
    eventId: callId,
    callId,
    at: new Date(Date.now() - 60_000).toISOString(),
    direction: 'incoming',
    from: phoneOf(caller),
    to: '+380441234567',
    disposition: 'answered',
    durationSec: 42,
    talkSec: 30,
  };
}

/** Around each phase: starts watching the server, and returns what it saw (a line) when stopped. */
type Watch = () => Promise<() => Promise<string>>;

async function shapes(
  origin: string,
  path: string,
  headers: Record<string, string>,
  label: string,
  lines: string[],
  watch?: Watch,
  phases: readonly string[] = PHASES,
): Promise<ShapeFigures> {
  const figures: ShapeFigures = {};
  const watched = async (phase: string, run: () => Promise<void>): Promise<void> => {
    const stop = await watch?.();
    // The load comes from this process's event loop: a stall here delays requests and counts against the server.
    const own = monitorEventLoopDelay({ resolution: 1 });
    own.enable();
    await run();
    own.disable();
    const mine = `this process's (the load's) event-loop delay p99 ${(own.percentile(99) / 1e6).toFixed(1)} / max ${(own.max / 1e6).toFixed(1)} ms`;
    lines.push(`${label} (${phase}) while measured: ${stop ? `${await stop()}; ` : ''}${mine}`);
  };
  if (phases.includes('a'))
    await watched('a', async () => {
      const result = await autocannon({
        url: `${origin}${path}`,
        method: 'POST',
        connections: CONNECTIONS,
        duration: DURATION_SEC,
        headers,
        requests: [
          { setupRequest: (request) => ({ ...request, body: JSON.stringify(callEnded()) }) },
        ],
      });
      figures.single = {
        eventsPerSec: result['2xx'] / DURATION_SEC,
        p50: result.latency.p50,
        p99: result.latency.p99,
      };
      lines.push(
        `${label} (a) 1 event/request as fast as acknowledged, ${CONNECTIONS} connections, ${DURATION_SEC} s: ${figures.single.eventsPerSec.toFixed(0)} events/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}`,
      );
    });
  if (phases.includes('b') && STEADY_WARMUP_SEC > 0)
    await pacedLoad({
      origin,
      path,
      headers,
      body: () => JSON.stringify(callEnded()),
      rate: RATE,
      durationSec: STEADY_WARMUP_SEC,
      connections: CONNECTIONS,
    });
  if (phases.includes('b'))
    await watched('b', async () => {
      const result = await pacedLoad({
        origin,
        path,
        headers,
        body: () => JSON.stringify(callEnded()),
        rate: RATE,
        durationSec: DURATION_SEC,
        connections: CONNECTIONS,
      });
      figures.steady = {
        p50: result.p50,
        p99: result.p99,
        unanswered: result.unanswered + result.non2xx,
        sent: result.sent,
      };
      lines.push(
        `${label} (b) steady ${RATE}/s, ${DURATION_SEC} s after ${STEADY_WARMUP_SEC} s of the same load not counted (latency from when each was due): ${result.ok} of ${result.sent} answered 2xx, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(1)} ms, unanswered ${result.unanswered}, non-2xx ${result.non2xx}`,
      );
    });
  if (phases.includes('c'))
    await watched('c', async () => {
      const result = await autocannon({
        url: `${origin}${path}`,
        method: 'POST',
        connections: Math.min(CONNECTIONS, 8),
        duration: DURATION_SEC,
        headers,
        requests: [
          {
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify(Array.from({ length: BATCH }, () => callEnded())),
            }),
          },
        ],
      });
      figures.batch = {
        eventsPerSec: (result['2xx'] * BATCH) / DURATION_SEC,
        p99: result.latency.p99,
      };
      lines.push(
        `${label} (c) ${BATCH} events/request, ${Math.min(CONNECTIONS, 8)} connections, ${DURATION_SEC} s: ${figures.batch.eventsPerSec.toFixed(0)} events/s, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}`,
      );
    });
  return figures;
}

/** Pending events up to `backlog`: each parked caller's first event claimed and set to retry in an hour, the rest behind. */
async function prefill(store: Store, project: string, backlog: number, now: Date): Promise<void> {
  const parked = Math.floor(CALLERS * PARKED_SHARE);
  const asEvent = (caller: number): NewEvent => {
    const event = callEnded(caller);
    return {
      event: event as unknown as NewEvent['event'],
      orderingKey: `client:${phoneOf(caller)}`,
    };
  };
  await store.insertEvents(
    project,
    Array.from({ length: parked }, (_, caller) => asEvent(caller)),
    now,
  );
  const later = new Date(now.getTime() + 3_600_000);
  for (let round = 0; round < 20; round += 1) {
    const claimed = await store.claimEvents('bench-park', 500, 600_000, now);
    if (claimed.length === 0) break;
    for (const item of claimed)
      await store.scheduleRetry(
        'bench-park',
        project,
        item.eventId,
        'HTTP 429 (bench: parked)',
        later,
      );
  }
  for (let done = parked; done < backlog; done += 2000)
    await store.insertEvents(
      project,
      Array.from({ length: Math.min(2000, backlog - done) }, () =>
        asEvent(Math.floor(Math.random() * CALLERS)),
      ),
      now,
    );
}

function startNaive(port: number, file: string): ChildProcess {
  const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
  const entry = fileURLToPath(new URL('./naive-server.ts', import.meta.url));
  return spawn(tsx, [entry, String(port), file], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const ratio = (a: number | undefined, b: number | undefined): string =>
  a !== undefined && b !== undefined && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a';

/** The realistic phase on one backend; lines to print. */
export async function realistic(
  databaseUrl: string,
  label: string,
  dir: string,
): Promise<string[]> {
  const lines: string[] = [];
  // On PostgreSQL a schema of its own, dropped at the end: the projects and backlogs of earlier runs
  // (left active in `public`, their emulators gone) would otherwise be claimed and retried meanwhile.
  const schema = databaseUrl.startsWith('postgres') ? `cm_bench_real_${process.pid}` : null;
  if (schema) await onPostgres(databaseUrl, `CREATE SCHEMA IF NOT EXISTS ${schema}`);
  try {
    return await realisticIn(
      schema ? inSchema(databaseUrl, schema) : databaseUrl,
      label,
      dir,
      lines,
    );
  } finally {
    if (schema) await onPostgres(databaseUrl, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }
}

async function onPostgres(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The URL with the schema as its search path, for every process of the run. */
const inSchema = (url: string, schema: string): string =>
  `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

async function realisticIn(
  databaseUrl: string,
  label: string,
  dir: string,
  lines: string[],
): Promise<string[]> {
  const emu = await startPipedriveEmulator();
  const { port, adminKey, env, base } = serviceSetup(databaseUrl, dir, {
    CALLMATRIX_ALLOW_CRM_HOSTS: '127.0.0.1',
  });
  const postgres = databaseUrl.startsWith('postgres');
  // Issue 10 item 6: on PostgreSQL serve ingests only and two worker processes do the work.
  const serve = startCli(
    ['serve', '--port', String(port), ...(postgres ? ['--no-workers'] : [])],
    env,
  );
  const workers = postgres
    ? // Each worker's /healthz on a free port of its own (two on the default 8081 clash).
      [0, 1].map(() => startCli(['worker'], { ...env, CALLMATRIX_WORKER_PORT: '0' }))
    : [];
  const naivePort = port + 1;
  const naive = startNaive(naivePort, join(dir, `naive-${runId}.db`));
  const store = await openStore(databaseUrl);
  try {
    await waitReady(`${base}/readyz`);
    const project = `real-${runId}`;
    const token = await putProject(base, adminKey, project, emu.connection);
    for (let i = 0; i < 300 && (await store.getIntegration(project))?.state !== 'active'; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 200));
    const path = `/v1/projects/${project}/events`;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    // serve's event-loop delay over the phase; on PostgreSQL what the sessions waited on.
    const watch: Watch = async () => {
      const before = await scrape(base);
      const sessions = postgres ? await sampleSessions(databaseUrl) : null;
      return async () => {
        const after = await scrape(base);
        return `serve's event-loop delay ${eventLoopDelay(after)}${sessions ? `; PostgreSQL ${await sessions()}` : `; ${ingestCommits(before, after)}`}`;
      };
    };
    // Item 6, "a 100k backlog does not slow ingest": (a) and (b) first over an empty backlog,
    // after a warm-up (a just-started process compiles its code paths on first use).
    if (EMPTY_FIRST(postgres))
      await pacedLoad({
        origin: base,
        path,
        headers,
        body: () => JSON.stringify(callEnded()),
        rate: RATE / 4,
        durationSec: WARMUP_SEC,
        connections: CONNECTIONS,
      });
    const empty = EMPTY_FIRST(postgres)
      ? await shapes(
          base,
          path,
          headers,
          `${label} callmatrix serve, empty backlog`,
          lines,
          watch,
          PHASES.filter((phase) => phase !== 'c'),
        )
      : null;
    const started = Date.now();
    await prefill(store, project, BACKLOG, new Date());
    lines.push(
      `${label}: backlog pre-filled to ${await store.countPending(project)} pending events (${CALLERS} callers, ${Math.round(PARKED_SHARE * 100)} % of them with their first event waiting for a retry) in ${((Date.now() - started) / 1000).toFixed(0)} s; Pipedrive emulator with its burst limit (80 per 2 s)${workers.length > 0 ? '; serve --no-workers + 2 worker processes' : ''}`,
    );
    if (postgres) lines.push(...(await claimPlan(databaseUrl, label, undefined, new Date())));
    const ours = await shapes(base, path, headers, `${label} callmatrix serve`, lines, watch);
    if (empty)
      lines.push(
        `${label} ingest over the backlog against an empty one (same serve, same run): (a) ${ratio(ours.single?.eventsPerSec, empty.single?.eventsPerSec)} the events/s (${ours.single?.eventsPerSec.toFixed(0) ?? 'n/a'} vs ${empty.single?.eventsPerSec.toFixed(0) ?? 'n/a'}); (b) p99 ${ours.steady?.p99.toFixed(1) ?? 'n/a'} ms vs ${empty.steady?.p99.toFixed(1) ?? 'n/a'} ms, p50 ${ours.steady?.p50.toFixed(1) ?? 'n/a'} vs ${empty.steady?.p50.toFixed(1) ?? 'n/a'} ms`,
      );
    for (let i = 0; i < 300; i += 1) {
      const up = await fetch(`http://127.0.0.1:${naivePort}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '[]',
      }).catch(() => null);
      if (up?.status === 202) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const theirs = await shapes(
      `http://127.0.0.1:${naivePort}`,
      '/events',
      { 'content-type': 'application/json' },
      `${label} naive fastify + SQLite FULL`,
      lines,
    );
    const requests = await fetch(`${emu.baseUrl}/_emulator/requests`)
      .then((r) => r.json())
      .catch(() => null);
    lines.push(
      `${label} ratios: (a) single events ${ratio(ours.single?.eventsPerSec, theirs.single?.eventsPerSec)} the naive server (target ≥ 1.0×); (b) steady ${RATE}/s p99 ${ours.steady?.p99.toFixed(1) ?? 'n/a'} ms vs ${theirs.steady?.p99.toFixed(1) ?? 'n/a'} ms, unanswered ${ours.steady?.unanswered ?? 'n/a'} (target p99 ≤ 20 ms, 0 unanswered); (c) batches ${ratio(ours.batch?.eventsPerSec, theirs.batch?.eventsPerSec)}; pending at the end ${await store.countPending(project)}; emulator requests ${JSON.stringify(requests)}`,
    );
  } finally {
    await store.close();
    for (const child of [serve, ...workers, naive]) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await emu.close();
  }
  return lines;
}
