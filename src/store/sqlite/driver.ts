import type BetterSqlite3 from 'better-sqlite3';
import { createRequire } from 'node:module';

/**
 * The SQLite driver for the Node that runs us. better-sqlite3 12 (a raw
 * node::ObjectWrap addon) aborts Node 24 at teardown — its Statement
 * destructor runs after the environment is gone — and 13 (Node-API, prebuilt
 * in its package) segfaults on Node 20. Both are installed; each Node loads
 * the one that works on it, with the same API and types.
 */
const require = createRequire(import.meta.url);
const nodeMajor = Number(process.versions.node.split('.')[0]);

export const sqliteDriverPackage = nodeMajor >= 22 ? 'better-sqlite3-napi' : 'better-sqlite3';

function load(): typeof BetterSqlite3 {
  try {
    return require(sqliteDriverPackage) as typeof BetterSqlite3;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `the SQLite driver ${sqliteDriverPackage} for Node ${process.versions.node} cannot be loaded ` +
        `(${reason}); reinstall the package's dependencies with this Node`,
      { cause: error },
    );
  }
}

/** better-sqlite3's Database class, from the driver this Node can run. */
export const Database = load();
export type Database = BetterSqlite3.Database;
export type SqliteStatement = BetterSqlite3.Statement;
