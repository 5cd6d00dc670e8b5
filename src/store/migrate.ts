import { MIGRATIONS, type Migration } from './migrations/index.js';
import { num, type Db } from './sql.js';

// An arbitrary constant: the advisory lock that lets one of several starting
// processes (serve + workers) migrate a PostgreSQL database at a time.
const MIGRATION_LOCK = 7_320_451;

/** Applies the migrations not yet recorded in schema_migrations; returns the versions applied. */
export async function migrate(
  db: Db,
  migrations: readonly Migration[] = MIGRATIONS,
  now = new Date(),
): Promise<number[]> {
  return db.transaction(async (tx) => {
    if (tx.dialect === 'postgres')
      await tx.run('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
    );
    const done = new Set(
      (await tx.all('SELECT version FROM schema_migrations')).map((row) => num(row['version'])),
    );
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql(tx.dialect));
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        now.getTime(),
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}

/** The highest version recorded, 0 for a fresh database. */
export async function schemaVersion(db: Db): Promise<number> {
  const row = await db.get('SELECT MAX(version) AS version FROM schema_migrations');
  return row?.['version'] == null ? 0 : num(row['version']);
}
