import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';

// The store a service or admin suite runs on: SQLite in a temp file, or — with
// CALLMATRIX_TEST_BACKEND=postgres and CALLMATRIX_TEST_DATABASE_URL — PostgreSQL
// in a schema of the suite's own, dropped on close (style §2.14). `npm run
// test:integration` runs these suites a second time that way.

export interface TestStore {
  readonly store: Store;
  readonly backend: 'sqlite' | 'postgres';
  /** The SQLite database file (undefined on PostgreSQL). */
  readonly path?: string;
  close(): Promise<void>;
}

let counter = 0;

export async function openTestStore(
  prefix: string,
  postgres?: { url: string; schema: string },
): Promise<TestStore> {
  const url = process.env['CALLMATRIX_TEST_DATABASE_URL'];
  const wanted =
    postgres ??
    (process.env['CALLMATRIX_TEST_BACKEND'] === 'postgres' && url
      ? { url, schema: `${prefix}_${process.pid}_${Date.now().toString(36)}_${++counter}` }
      : null);
  if (wanted) {
    const store = await openStore(wanted.url, { schema: wanted.schema, poolSize: 4 });
    return {
      store,
      backend: 'postgres',
      async close() {
        await store.close();
        const client = new pg.Client({ connectionString: wanted.url });
        await client.connect();
        try {
          await client.query(`DROP SCHEMA IF EXISTS "${wanted.schema}" CASCADE`);
        } finally {
          await client.end();
        }
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), `callmatrix-${prefix}-`));
  const store = await openStore(`sqlite:${join(dir, 'test.db')}`);
  return {
    store,
    backend: 'sqlite',
    path: join(dir, 'test.db'),
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
