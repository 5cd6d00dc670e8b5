import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker as Thread } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from './db.js';
import { WriteGate, writeGateFor } from './write-gate.js';

const FIXTURE = new URL('../fixtures/hold-write-lock.ts', import.meta.url);

/** A worker thread running a TypeScript file (tsx's loader registered first, as serve's thread does). */
function threadOf(entry: URL, workerData: unknown): Thread {
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Thread(boot, { eval: true, workerData });
}

describe('write gate (issue 10: ingest is not frozen by the worker thread’s commits)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'callmatrix-gate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lets one holder in at a time, and a waiting urgent writer before a waiting background one', async () => {
    const gate = new WriteGate();
    expect(await gate.enter(false)).toBe(true);
    const order: string[] = [];
    const background = gate.enter(false).then(() => {
      order.push('background');
      gate.leave();
    });
    const urgent = gate.enter(true).then(() => {
      order.push('urgent');
      gate.leave();
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(order).toEqual([]);
    expect(gate.urgentWaiting).toBe(1);
    gate.leave();
    await Promise.all([background, urgent]);
    expect(order).toEqual(['urgent', 'background']);
    expect(gate.urgentWaiting).toBe(0);
  });

  it('an urgent commit waits for another thread’s write transaction with its event loop running, then commits after it', async () => {
    const path = join(dir, 'gate.db');
    const db = openSqlite(path);
    try {
      await db.exec('CREATE TABLE marks (seq INTEGER PRIMARY KEY, who TEXT NOT NULL)');
      const thread = threadOf(FIXTURE, {
        path,
        buffer: writeGateFor(path).buffer,
        holdMs: 400,
      });
      const [first] = (await once(thread, 'message')) as [string];
      expect(first).toBe('holding');
      // Without the gate this thread would sleep in SQLite's busy handler: no timer would fire.
      let ticks = 0;
      const timer = setInterval(() => (ticks += 1), 10);
      await db.transaction((tx) => tx.run('INSERT INTO marks (who) VALUES (?)', ['ingest']), {
        urgent: true,
      });
      clearInterval(timer);
      expect(ticks).toBeGreaterThanOrEqual(3);
      const rows = await db.all<{ who: string }>('SELECT who FROM marks ORDER BY seq');
      expect(rows.map((row) => row.who)).toEqual(['thread', 'ingest']);
      await once(thread, 'exit');
    } finally {
      await db.close();
    }
  });
});
