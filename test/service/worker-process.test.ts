import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { killHard, startCli, waitReady } from '../crash/spawn.js';
import type { ChildProcess } from 'node:child_process';

// Issue 11 item 8: a `callmatrix worker` process serves /healthz, /readyz and
// /metrics on a port of its own (CALLMATRIX_WORKER_PORT), with the default
// process metrics (heap, event loop lag, GC). Workers need PostgreSQL.

const URL = process.env['CALLMATRIX_TEST_DATABASE_URL'];
let child: ChildProcess | null = null;
let schema: string | null = null;
afterEach(async () => {
  if (child) await killHard(child);
  child = null;
  if (URL && schema) {
    const client = new pg.Client({ connectionString: URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
});

describe('the worker process watched (issue 11 item 8)', () => {
  it.skipIf(!URL)('serves /healthz, /readyz and /metrics with process metrics', async () => {
    if (!URL) return;
    schema = `wproc_${process.pid}_${Date.now().toString(36)}`;
    const client = new pg.Client({ connectionString: URL });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.end();
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const separator = URL.includes('?') ? '&' : '?';
    child = startCli(['worker'], {
      CALLMATRIX_DATABASE_URL: `${URL}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
      CALLMATRIX_SECRET_KEY: randomBytes(32).toString('base64'),
      CALLMATRIX_WORKER_PORT: String(port),
      LOG_LEVEL: 'warn',
    });
    const base = `http://127.0.0.1:${port}`;
    await waitReady(`${base}/healthz`);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', store: 'postgres' });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('callmatrix_queue_depth');
    expect(metrics).toMatch(/^nodejs_heap_size_used_bytes /m);
    expect(metrics).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(metrics).toContain('nodejs_gc_duration_seconds');
    expect((await fetch(`${base}/v1/projects/x/events`)).status).toBe(404);
  });
});
