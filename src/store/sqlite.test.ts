import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storeContract } from '../../test/store/contract.js';
import { openStore } from './open.js';
import { openSqlite } from './sqlite/db.js';

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
