import { openPostgres } from './postgres/db.js';
import { SqlStore } from './sql-store.js';
import { openSqlite, type Checkpoints } from './sqlite/db.js';
import { adoptWriteGate, writeGateFor } from './sqlite/write-gate.js';
import type { Store } from './store.js';

export interface OpenOptions {
  /** PostgreSQL only: use (and create) this schema instead of `public`; tests give each suite its own. */
  readonly schema?: string;
  /** PostgreSQL only: the pool's size (default 10). */
  readonly poolSize?: number;
  /** SQLite only: where this connection's WAL checkpoints run (sqlite/db.ts; default on-commit). */
  readonly sqliteCheckpoints?: Checkpoints;
}

/** The file a `sqlite:PATH` URL names; null for any other URL. */
export function sqliteFile(url: string): string | null {
  if (!url.startsWith('sqlite:')) return null;
  const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
  if (path === '')
    throw new Error(
      'sqlite: URL names no file: expected sqlite:PATH, e.g. sqlite:./data/callmatrix.db',
    );
  return path;
}

/**
 * The shared memory of this process's write gate for a SQLite store
 * (sqlite/write-gate.ts), for a worker thread to adopt; null for PostgreSQL.
 */
export function writeGateBuffer(url: string): SharedArrayBuffer | null {
  const path = sqliteFile(url);
  return path === null ? null : writeGateFor(path).buffer;
}

/** In a worker thread: write through the gate its parent shares (writeGateBuffer), before opening the store. */
export function shareWriteGate(url: string, buffer: SharedArrayBuffer): void {
  const path = sqliteFile(url);
  if (path !== null) adoptWriteGate(path, buffer);
}

/**
 * Opens and migrates the store named by CALLMATRIX_DATABASE_URL (service §1):
 * `sqlite:PATH` (a file; created with its directory when absent) or
 * `postgres://…` / `postgresql://…`.
 */
export async function openStore(url: string, options: OpenOptions = {}): Promise<Store> {
  const path = sqliteFile(url);
  if (path !== null)
    return SqlStore.open(
      openSqlite(
        path,
        options.sqliteCheckpoints !== undefined ? { checkpoints: options.sqliteCheckpoints } : {},
      ),
    );
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
