import { once } from 'node:events';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker as Thread } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { storeContract } from '../../test/store/contract.js';
import { openStore } from './open.js';
import { CHECKPOINT_EVERY_MS, openSqlite, type Checkpoints } from './sqlite/db.js';
import { Database } from './sqlite/driver.js';
import { writeGateFor } from './sqlite/write-gate.js';

const CHECKPOINTS = new URL('./fixtures/background-checkpoints.ts', import.meta.url);

/** A worker thread running a TypeScript file (tsx's loader registered first, as serve's thread does). */
function threadOf(entry: URL, workerData: unknown): Thread {
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Thread(boot, { eval: true, workerData });
}

// The store contract against a real SQLite file (WAL; durable commits wait for the WAL's fdatasync): a new file per case.
describe('store contract: SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'callmatrix-store-'));
  let n = 0;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  storeContract(async () => {
    n += 1;
    const url = `sqlite:${join(dir, `case-${n}.db`)}`;
    return { store: await openStore(url), another: () => openStore(url) };
  });
});

describe('SQLite commit modes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'callmatrix-sync-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A database with a table `notes` whose later WAL syncs are recorded and held until released. */
  async function heldSyncs(name: string) {
    const path = join(dir, name);
    const syncs: Array<{ seenByOthers: number; release: () => void }> = [];
    let holding = false;
    let peek: Database | null = null;
    const db = openSqlite(path, {
      syncWal: () =>
        holding
          ? new Promise<void>((release) => {
              // What another connection sees when the sync starts: the commit came first.
              peek ??= new Database(path, { readonly: true });
              const row = peek.prepare('SELECT count(*) AS n FROM notes').get() as { n: number };
              syncs.push({ seenByOthers: row.n, release });
            })
          : Promise.resolve(),
    });
    await db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY)');
    holding = true;
    const close = async (): Promise<void> => {
      holding = false;
      for (const sync of syncs) sync.release();
      peek?.close();
      await db.close();
    };
    return { db, syncs, close };
  }

  const settled = async (promise: Promise<unknown>): Promise<boolean> => {
    let done = false;
    void promise.then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    return done;
  };

  it('service §1: a durable commit resolves only after an fdatasync of the WAL that began after its COMMIT', async () => {
    const { db, syncs, close } = await heldSyncs('durable.db');
    try {
      const first = db.transaction((tx) => tx.run('INSERT INTO notes (id) VALUES (1)'));
      expect(await settled(first)).toBe(false);
      expect(syncs).toHaveLength(1);
      expect(syncs[0]?.seenByOthers).toBe(1);
      // A commit while that sync runs is not covered by it: it waits for the next one.
      const second = db.run('INSERT INTO notes (id) VALUES (2)');
      const third = db.transaction((tx) => tx.run('INSERT INTO notes (id) VALUES (3)'), {
        urgent: true,
      });
      expect(await settled(second)).toBe(false);
      syncs[0]?.release();
      await first;
      expect(await settled(second)).toBe(false);
      expect(await settled(third)).toBe(false);
      // One sync covers both commits made meanwhile (group commit of the fsync).
      expect(syncs).toHaveLength(2);
      expect(syncs[1]?.seenByOthers).toBe(3);
      syncs[1]?.release();
      await Promise.all([second, third]);
      expect(syncs).toHaveLength(2);
    } finally {
      await close();
    }
  });

  it('D13: a relaxed transaction commits with synchronous=NORMAL and waits for no sync; a read syncs nothing', async () => {
    const { db, syncs, close } = await heldSyncs('relaxed.db');
    try {
      const inside = await db.transaction(
        async (tx) => {
          await tx.run('INSERT INTO notes (id) VALUES (1)');
          return tx.get<{ synchronous: number }>('PRAGMA synchronous');
        },
        { durable: false },
      );
      expect(inside?.synchronous).toBe(1);
      expect(await db.get<{ n: number }>('SELECT count(*) AS n FROM notes')).toEqual({ n: 1 });
      expect(syncs).toHaveLength(0);
    } finally {
      await close();
    }
  });

  it('a failed sync fails the commit it was to make durable', async () => {
    const path = join(dir, 'failing.db');
    const db = openSqlite(path, { syncWal: () => Promise.reject(new Error('EIO')) });
    try {
      await expect(db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY)')).rejects.toThrow('EIO');
    } finally {
      await db.close();
    }
  });

  it('the real fdatasync: a durable commit resolves and the row is in the file', async () => {
    const path = join(dir, 'real.db');
    const db = openSqlite(path);
    try {
      await db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY)');
      await db.transaction((tx) => tx.run('INSERT INTO notes (id) VALUES (7)'), { urgent: true });
      const other = new Database(path, { readonly: true });
      expect(other.prepare('SELECT id FROM notes').all()).toEqual([{ id: 7 }]);
      other.close();
    } finally {
      await db.close();
    }
  });

  it('in memory (no WAL file): durable commits use synchronous=FULL', async () => {
    const db = openSqlite(':memory:');
    try {
      const durable = await db.transaction((tx) =>
        tx.get<{ synchronous: number }>('PRAGMA synchronous'),
      );
      expect(durable?.synchronous).toBe(2);
    } finally {
      await db.close();
    }
  });
});

describe('SQLite checkpoints (issue 10: none in an ingest commit of serve)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'callmatrix-ckpt-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;

  /** Commits ~6 MB (past SQLite's 1 000-page autocheckpoint) in one transaction; the database file's size after it and later. */
  async function fileSizes(checkpoints: Checkpoints): Promise<{ now: number; later: number }> {
    n += 1;
    const path = join(dir, `ckpt-${n}.db`);
    const db = openSqlite(path, { checkpoints });
    try {
      await db.exec('CREATE TABLE blobs (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
      await db.transaction(async (tx) => {
        for (let i = 0; i < 1500; i += 1)
          await tx.run('INSERT INTO blobs (body) VALUES (?)', ['x'.repeat(4000)]);
      });
      const now = statSync(path).size;
      await new Promise((resolve) => setTimeout(resolve, 3 * CHECKPOINT_EVERY_MS));
      return { now, later: statSync(path).size };
    } finally {
      await db.close();
    }
  }

  it('on-commit (the default): the commit that passes 1 000 pages copies the WAL into the file', async () => {
    expect((await fileSizes('on-commit')).now).toBeGreaterThan(5_000_000);
  });

  it('elsewhere: no commit of the connection checkpoints', async () => {
    const { now, later } = await fileSizes('elsewhere');
    expect(now).toBeLessThan(1_000_000);
    expect(later).toBeLessThan(1_000_000);
  });

  it('background: the timer checkpoints after the commit, not in it', async () => {
    const { now, later } = await fileSizes('background');
    expect(now).toBeLessThan(1_000_000);
    expect(later).toBeGreaterThan(5_000_000);
  });

  it('background, under steady writes from another thread: the WAL starts over instead of growing without end', async () => {
    n += 1;
    const path = join(dir, `steady-${n}.db`);
    // serve's HTTP side: writes, never checkpoints; its worker thread checkpoints on a timer.
    const db = openSqlite(path, { checkpoints: 'elsewhere' });
    const body = 'x'.repeat(16_000);
    let written = 0;
    let largest: number;
    try {
      await db.exec('CREATE TABLE blobs (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
      const thread = threadOf(CHECKPOINTS, { path, buffer: writeGateFor(path).buffer });
      await once(thread, 'message');
      try {
        for (const until = Date.now() + 3000; Date.now() < until;) {
          await db.transaction((tx) => tx.run('INSERT INTO blobs (body) VALUES (?)', [body]), {
            durable: false,
          });
          await db.get('SELECT max(id) AS id FROM blobs');
          written += body.length;
          // About a thousand commits a second, as a busy serve makes.
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
        largest = statSync(`${path}-wal`).size;
      } finally {
        thread.postMessage('stop');
        await once(thread, 'exit');
      }
    } finally {
      await db.close();
    }
    // Without the RESTART checkpoint the WAL grew to about everything written (4 → 329 MB in 10 s in the bench).
    expect(written).toBeGreaterThan(10_000_000);
    expect(largest).toBeLessThan(written / 3);
  });
});
