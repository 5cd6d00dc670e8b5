import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { storeContract } from './contract.js';
import { openStore } from './open.js';

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
