import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { openPostgres } from '../postgres/db.js';
import type { Db } from '../sql.js';
import { openSqlite } from '../sqlite/db.js';
import { MIGRATIONS } from './index.js';

// Migration 14 on a database that has plans under way: their recorded ids stay, and an
// operation row without an id (a sending mark) can be written afterwards.

async function upgrade(db: Db): Promise<void> {
  await migrate(
    db,
    MIGRATIONS.filter((migration) => migration.version < 14),
  );
  await db.run(
    "INSERT INTO plan_operations (project_id, event_id, operation_key, crm_id) VALUES ('p', 'e1', 'e1#0', 'person-1')",
  );
  expect(await migrate(db)).toContain(14);
  await db.run(
    "INSERT INTO plan_operations (project_id, event_id, operation_key, crm_id) VALUES ('p', 'e1', 'e1#1', NULL)",
  );
  const rows = await db.all(
    'SELECT operation_key, crm_id FROM plan_operations ORDER BY operation_key',
  );
  expect(rows.map((row) => [row['operation_key'], row['crm_id']])).toEqual([
    ['e1#0', 'person-1'],
    ['e1#1', null],
  ]);
}

describe('migration 14: sending marks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'callmatrix-m14-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('SQLite: plan_operations rebuilt with a nullable crm_id, its rows kept', async () => {
    const db = openSqlite(join(dir, 'm14.db'));
    try {
      await upgrade(db);
    } finally {
      await db.close();
    }
  });

  const url = process.env['CALLMATRIX_TEST_DATABASE_URL'];
  it.skipIf(url === undefined || url === '')(
    'PostgreSQL: crm_id loses its NOT NULL, the rows kept',
    async () => {
      const schema = `cm_m14_${process.pid}_${Date.now().toString(36)}`;
      const db = await openPostgres(url ?? '', { schema });
      try {
        await upgrade(db);
      } finally {
        await db.run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await db.close();
      }
    },
  );
});
