import { openPostgres } from './postgres/db.js';
import { SqlStore } from './sql-store.js';
import { openSqlite } from './sqlite/db.js';
import type { Store } from './store.js';

export interface OpenOptions {
  /** PostgreSQL only: use (and create) this schema instead of `public`; tests give each suite its own. */
  readonly schema?: string;
  /** PostgreSQL only: the pool's size (default 10). */
  readonly poolSize?: number;
}

/**
 * Opens and migrates the store named by CALLMATRIX_DATABASE_URL (service §1):
 * `sqlite:PATH` (a file; created with its directory when absent) or
 * `postgres://…` / `postgresql://…`.
 */
export async function openStore(url: string, options: OpenOptions = {}): Promise<Store> {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '')
      throw new Error(
        'sqlite: URL names no file: expected sqlite:PATH, e.g. sqlite:./data/callmatrix.db',
      );
    return SqlStore.open(openSqlite(path));
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    return SqlStore.open(
      await openPostgres(url, {
        ...(options.schema !== undefined && { schema: options.schema }),
        ...(options.poolSize !== undefined && { max: options.poolSize }),
      }),
    );
  }
  throw new Error(
    `unsupported database URL "${url.replace(/\/\/[^@/]*@/, '//…@')}": expected sqlite:PATH or postgres://…`,
  );
}
