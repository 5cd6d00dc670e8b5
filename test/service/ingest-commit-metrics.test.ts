import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { quantileBetween } from '../../bench/profile.js';
import { ServiceMetrics } from '../../src/service/ops/metrics.js';
import { openStore } from '../../src/store/open.js';
import { observeUrgentWrites } from '../../src/store/sqlite/write-timing.js';
import type { Store } from '../../src/store/store.js';
import { callStarted, inbox } from '../admin/events.js';

// Issue 10: serve's /metrics says where its SQLite ingest commits spend their
// time (queue, gate, write, commit, sync), so a slow acknowledgement can be traced
// to the part that made it slow. Only urgent writes (ingest) are counted.

const T0 = new Date('2026-12-06T10:00:00Z');
let dir: string | null = null;
let store: Store | null = null;

afterEach(async () => {
  observeUrgentWrites(undefined);
  await store?.close();
  store = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

const count = (text: string, part: string): number =>
  Number(
    new RegExp(
      `^callmatrix_sqlite_ingest_commit_seconds_count\\{part="${part}"\\} (\\d+)`,
      'm',
    ).exec(text)?.[1] ?? 'NaN',
  );

describe('ingest commit timings on /metrics (issue 10)', () => {
  it('counts each ingest commit once per part, and no background write', async () => {
    dir = mkdtempSync(join(tmpdir(), 'callmatrix-commit-metrics-'));
    store = await openStore(`sqlite:${join(dir, 'store.db')}`);
    const metrics = new ServiceMetrics(store, { processMetrics: true });
    // A background write (not urgent): not an ingest commit.
    await store.putProject({ id: 'acme', crm: 'zoho', document: {}, secrets: '', now: T0 });
    await store.insertEvents('acme', [inbox(callStarted('e1', 'c1', T0.toISOString()))], T0);
    await store.insertEvents('acme', [inbox(callStarted('e2', 'c2', T0.toISOString()))], T0);
    const text = await metrics.registry.metrics();
    for (const part of ['queue', 'gate', 'write', 'commit', 'sync', 'total'])
      expect(count(text, part), part).toBe(2);
    // Buckets, so quantiles over any window can be read from two scrapes (bench/profile.ts).
    expect(text).toMatch(
      /^callmatrix_sqlite_ingest_commit_seconds_bucket\{le="\+Inf",part="sync"\} 2$/m,
    );
  });

  it('quantiles between two scrapes come from the buckets observed in between', () => {
    const before: Array<[number, number]> = [
      [0.001, 10],
      [0.01, 10],
      [Infinity, 10],
    ];
    // Since then: 90 under 1 ms, 10 between 1 and 10 ms.
    const after: Array<[number, number]> = [
      [0.001, 100],
      [0.01, 110],
      [Infinity, 110],
    ];
    expect(quantileBetween(before, after, 0.5)).toBeCloseTo(0.5556, 3);
    expect(quantileBetween(before, after, 0.99)).toBeCloseTo(9.1, 1);
    expect(quantileBetween(before, before, 0.5)).toBeUndefined();
  });
});
