import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storeContract } from '../../test/store/contract.js';
import { openStore } from './open.js';
import { CHECKPOINT_EVERY_MS, openSqlite, type Checkpoints } from './sqlite/db.js';

// The store contract against a real SQLite file (WAL, synchronous=FULL): a new file per case.
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

  it('service §1 / D13: a relaxed transaction commits with synchronous=NORMAL; a statement after it commits with FULL again', async () => {
    const db = openSqlite(join(dir, 'modes.db'));
    try {
      const inside = await db.transaction(
        (tx) => tx.get<{ synchronous: number }>('PRAGMA synchronous'),
        { durable: false },
      );
      expect(inside?.synchronous).toBe(1);
      // A recorded operation id is such a statement: it must survive power loss before the next CRM call.
      expect((await db.get<{ synchronous: number }>('PRAGMA synchronous'))?.synchronous).toBe(2);
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
});
