import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { answeredCall, CRM_STATE, EMPLOYEES } from './events.js';
import { harness, TOKEN, type Harness } from './harness.js';

// Ingest and workers on PostgreSQL (CALLMATRIX_TEST_DATABASE_URL; `eval "$(.ci/postgres.sh)"`).
// Each case in a schema of its own, dropped at the end (style §2.14).
const url = process.env['CALLMATRIX_TEST_DATABASE_URL'];
const BEARER = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` };

if (url === undefined || url === '') {
  describe('service on PostgreSQL', () => {
    it.skip('needs CALLMATRIX_TEST_DATABASE_URL (run: eval "$(.ci/postgres.sh)")', () => undefined);
  });
} else {
  describe('service on PostgreSQL', () => {
    const prefix = `cm_svc_${process.pid}_${Date.now().toString(36)}`;
    const schemas: string[] = [];
    let h: Harness;
    const open = async (): Promise<Harness> => {
      const schema = `${prefix}_${schemas.length + 1}`;
      schemas.push(schema);
      h = await harness({ postgres: { url, schema } });
      await h.addProject('acme', {
        employees: EMPLOYEES,
        connection: { kind: 'memory', state: CRM_STATE },
      });
      return h;
    };
    afterEach(async () => h.close());
    afterAll(async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    });
    const ingest = (events: unknown) =>
      h.app.inject({
        method: 'POST',
        url: '/v1/projects/acme/events',
        headers: BEARER,
        payload: JSON.stringify(events),
      });

    it('service.md §4: 202 after the commit, duplicates counted, all-or-nothing', async () => {
      await open();
      expect((await ingest(answeredCall('a', '+380501112233'))).json()).toEqual({
        accepted: 3,
        duplicates: 0,
      });
      expect((await ingest(answeredCall('a', '+380501112233'))).json()).toEqual({
        accepted: 0,
        duplicates: 3,
      });
      const bad = [...answeredCall('b', '+380501112244'), { type: 'call.paused' }];
      expect((await ingest(bad)).statusCode).toBe(422);
      expect((await h.store.countEvents('acme')).pending).toBe(3);
    });

    it('D7, D13: events land in the CRM once, per client in order; the per-client key is found across requests', async () => {
      await open();
      const [started, ...rest] = answeredCall('a', '+380501112233');
      await ingest(started);
      await ingest(rest);
      await ingest(answeredCall('b', '+380501112244'));
      while ((await h.worker.runOnce()).length > 0);
      expect(await h.store.countEvents('acme')).toMatchObject({ applied: 6, pending: 0 });
      expect((await h.store.getEvent('acme', 'a-3'))?.event.orderingKey).toBe(
        'client:+380501112233',
      );
      const crm = await h.registry.memoryOf('acme')?.snapshot();
      expect(crm?.ok && crm.value.deals).toHaveLength(2);
    });
  });
}
