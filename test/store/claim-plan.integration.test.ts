import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { CLAIM_POSTGRES_PLANNER, CLAIM_POSTGRES_SQL } from '../../src/store/claim.js';
import { openStore } from '../../src/store/open.js';
import { inlineParams } from '../../src/store/sql.js';
import type { NewEvent } from '../../src/store/store.js';
import { activeProject, recording, T0 } from './contract.js';

// Issue 10 item 6: on PostgreSQL the claim stays index-driven over a backlog
// whose clients' first events wait for a retry: its plan reads ready_keys by
// ready_keys_due in order, events by primary key and marks ready_keys by its primary key:
// never a sequential scan of events or ready_keys (EXPLAINed under the claim's
// own planner setting, CLAIM_POSTGRES_PLANNER).
const url = process.env['CALLMATRIX_TEST_DATABASE_URL'];

describe.skipIf(url === undefined || url === '')('claim plan on PostgreSQL', () => {
  const schema = `cm_plan_${process.pid}_${Date.now().toString(36)}`;
  afterAll(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  it('uses ready_keys_due and the primary keys of events and ready_keys; no Seq Scan on either (10 000 pending, 1 000 clients parked)', async () => {
    const store = await openStore(url ?? '', { schema, poolSize: 2 });
    const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
    await client.connect();
    try {
      const project = await activeProject(store);
      const clients = 1_000;
      const eventOf = (n: number): NewEvent => ({
        event: recording(
          `e${n}`,
          `call-${n}`,
          new Date(T0.getTime() - 3_600_000 + n).toISOString(),
        ),
        orderingKey: `client:+38050${String(1_000_000 + (n % clients))}`,
      });
      await store.insertEvents(
        project,
        Array.from({ length: clients }, (_, n) => eventOf(n)),
        T0,
      );
      for (let claimed = await store.claimEvents('park', 500, 60_000, T0); claimed.length > 0;) {
        for (const item of claimed)
          await store.scheduleRetry(
            'park',
            project,
            item.eventId,
            'CRM 429',
            new Date(T0.getTime() + 3_600_000),
          );
        claimed = await store.claimEvents('park', 500, 60_000, T0);
      }
      for (let start = clients; start < 10_000; start += 1_000)
        await store.insertEvents(
          project,
          Array.from({ length: 1_000 }, (_, i) => eventOf(start + i)),
          T0,
        );
      const now = T0.getTime();
      const sql = inlineParams(
        CLAIM_POSTGRES_SQL,
        [now, 8, 8, 'w', now + 60_000, now, now + 60_000],
        (text) => pg.escapeLiteral(text),
      );
      const claimPlan = async (): Promise<string> => {
        await client.query('BEGIN');
        for (const setting of CLAIM_POSTGRES_PLANNER) await client.query(setting);
        const plan = (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`)).rows
          .map((row) => row['QUERY PLAN'])
          .join('\n');
        await client.query('ROLLBACK');
        return plan;
      };
      // Before the tables were ever analysed (a new database, a new schema) and after.
      const plans = [await claimPlan()];
      await client.query('ANALYZE');
      plans.push(await claimPlan());
      for (const plan of plans) {
        // An ordered index scan that stops at the claim's limit. A bitmap scan reads every due entry
        // of the project, dead ones too (it never marks them dead), and sorts them: without analysed
        // tables the planner chose one, and claims slowed as the workers' updates piled up.
        expect(plan).toContain('Index Scan using ready_keys_due');
        expect(plan).not.toContain('Bitmap');
        expect(plan).toContain('Index Scan using ready_keys_pkey');
        expect(plan).not.toMatch(/Seq Scan on (events|ready_keys)/);
        // Seq scans priced out must not price the claim into JIT compiling (seconds per claim).
        expect(plan).not.toContain('JIT');
      }
      expect(await store.claimEvents('w', 8, 60_000, T0)).toEqual([]);
      expect(await store.countPending(project)).toBe(10_000);
    } finally {
      await client.end();
      await store.close();
    }
  }, 120_000);
});
