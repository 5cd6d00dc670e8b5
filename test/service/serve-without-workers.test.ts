import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSettings } from '../../src/config/settings.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { killHard, putProject, serviceSetup, startCli, waitReady } from '../crash/spawn.js';

// Issue 10 item 6: scale-out on PostgreSQL runs `serve` for ingest and the API
// only (CALLMATRIX_SERVE_WORKERS=false / --no-workers) and N `worker` processes.
// Such a serve accepts events and processes none; a worker process does.

const PG = process.env['CALLMATRIX_TEST_DATABASE_URL'];
const CLI = fileURLToPath(new URL('../crash/cli.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) await killHard(child);
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The CLI with what it says kept (stderr, and the log on stdout). */
function startWithStderr(args: string[], env: Record<string, string>) {
  const child = spawn(TSX, [CLI, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(child);
  let said = '';
  for (const stream of [child.stdout, child.stderr])
    stream?.on('data', (chunk: Buffer) => (said += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, exited, output: () => said };
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cm-noworkers-'));
  cleanups.push(() => Promise.resolve(rmSync(dir, { recursive: true, force: true })));
  return dir;
}

const callStarted = (n: number) => ({
  type: 'call.started',
  eventId: `nw-${n}`,
  callId: `nw-${n}`,
  at: '2026-03-02T08:00:00Z',
  direction: 'incoming',
  from: `+38050${String(1_000_000 + n).slice(-7)}`,
  to: '+380441234567',
});

/** A project on the in-memory CRM, then `count` events posted to it; answers the project id. */
async function projectWithEvents(base: string, adminKey: string, count: number): Promise<string> {
  const project = `nw-${randomBytes(3).toString('hex')}`;
  const token = await putProject(base, adminKey, project);
  const posted = await fetch(`${base}/v1/projects/${project}/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(Array.from({ length: count }, (_, n) => callStarted(n))),
  });
  expect(posted.status).toBe(202);
  expect(await posted.json()).toMatchObject({ accepted: count });
  return project;
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

describe('the serveWorkers setting', () => {
  it('is on by default, off by CALLMATRIX_SERVE_WORKERS=false or --no-workers', () => {
    const parsed = (env: Record<string, string>, args: string[] = []) => {
      const result = parseSettings(env, args);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.value.serveWorkers;
    };
    expect(parsed({})).toBe(true);
    expect(parsed({ CALLMATRIX_SERVE_WORKERS: 'false' })).toBe(false);
    expect(parsed({ CALLMATRIX_SERVE_WORKERS: 'true' }, ['--no-workers'])).toBe(false);
    const bad = parseSettings({ CALLMATRIX_SERVE_WORKERS: 'perhaps' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]?.path).toBe('CALLMATRIX_SERVE_WORKERS');
  });
});

describe('serve without its workers', () => {
  it('is refused on an in-memory SQLite database, which nothing else could process', async () => {
    const dir = tempDir();
    const { env } = serviceSetup('sqlite::memory:', dir);
    const run = startWithStderr(['serve', '--no-workers', '--port', '0'], env);
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('CALLMATRIX_SERVE_WORKERS');
  }, 60_000);

  it('on a SQLite file: warns, accepts and keeps events, processes none', async () => {
    const dir = tempDir();
    const url = `sqlite:${join(dir, 'nw.db')}`;
    const { port, adminKey, env, base } = serviceSetup(url, dir, { LOG_LEVEL: 'warn' });
    const run = startWithStderr(['serve', '--no-workers', '--port', String(port)], env);
    await waitReady(`${base}/readyz`);
    const project = await projectWithEvents(base, adminKey, 5);
    expect(run.output()).toContain('serve without workers on SQLite');
    // Well past the workers' poll interval (200 ms): with workers these would be applied by now.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const store = await openStore(url);
    cleanups.push(() => store.close());
    expect(await store.countPending(project)).toBe(5);
  }, 60_000);

  it.skipIf(!PG)(
    'on PostgreSQL: accepts events, processes none until a worker process runs',
    async () => {
      if (!PG) return;
      const schema = `noworkers_${process.pid}_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: PG });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      cleanups.push(async () => {
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.end();
      });
      const separator = PG.includes('?') ? '&' : '?';
      const url = `${PG}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      const { port, adminKey, env, base } = serviceSetup(url, tempDir(), { LOG_LEVEL: 'warn' });
      children.push(startCli(['serve', '--no-workers', '--port', String(port)], env));
      await waitReady(`${base}/readyz`);
      const project = await projectWithEvents(base, adminKey, 5);
      const store: Store = await openStore(PG, { schema });
      cleanups.push(() => store.close());
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(await store.countPending(project)).toBe(5);
      // The same environment, so the same secret key and database.
      children.push(startCli(['worker'], { ...env, CALLMATRIX_WORKER_PORT: '0' }));
      expect(await until(async () => (await store.countPending(project)) === 0, 45_000)).toBe(true);
      expect((await store.countEvents(project)).applied).toBe(5);
    },
    90_000,
  );
});
