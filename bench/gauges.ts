import pg from 'pg';
// Issue 11 item 6 (`npm run bench:gauges`): what the per-project gauges and the
// alert watcher cost on PostgreSQL with a 100 000-event backlog: the plan of
// the figures query (EXPLAIN ANALYZE) and its time, printed.

import { openStore } from '../src/store/open.js';
const url = process.env['CALLMATRIX_TEST_DATABASE_URL'];
if (!url) throw new Error('set CALLMATRIX_TEST_DATABASE_URL (a PostgreSQL server)');
const schema = `bench_gauges_${Date.now()}`;
const store = await openStore(url, { schema, poolSize: 2 });
const client = new pg.Client({ connectionString: url });
await client.connect();
await client.query(`SET search_path TO "${schema}"`);
const now = Date.now();
await client.query(`INSERT INTO projects (id, crm, document, secrets, version, created_at, updated_at, integration_state, integration_since, index_state)
  SELECT 'p' || g, 'pipedrive', '{}', '', 1, ${now}, ${now}, 'active', ${now}, 'ready' FROM generate_series(1, 20) g`);
// 100 000 pending in p1, 20 000 failed in p2, 200 000 applied history spread over the others.
await client.query(`INSERT INTO events (project_id, event_id, ordering_key, body, at_ms, state, received_at)
  SELECT 'p1', 'e' || g, 'call:' || (g % 5000), '{}', ${now} - g, 'pending', ${now} - g FROM generate_series(1, 100000) g`);
await client.query(`INSERT INTO events (project_id, event_id, ordering_key, body, at_ms, state, received_at)
  SELECT 'p2', 'f' || g, 'call:' || g, '{}', ${now} - g, 'failed', ${now} - g FROM generate_series(1, 20000) g`);
await client.query(`INSERT INTO events (project_id, event_id, ordering_key, body, at_ms, state, received_at)
  SELECT 'p' || (3 + g % 18), 'a' || g, 'call:' || g, '{}', ${now} - g, 'applied', ${now} - g FROM generate_series(1, 200000) g`);
await client.query('VACUUM ANALYZE events');
const { rows } =
  await client.query(`EXPLAIN (ANALYZE, BUFFERS) SELECT p.id, p.integration_state, p.integration_since, p.integration_reason, p.index_state, p.index_error,
  (SELECT COUNT(*) FROM events e WHERE e.project_id = p.id AND e.state = 'pending') AS pending,
  (SELECT COUNT(*) FROM events e WHERE e.project_id = p.id AND e.state = 'failed') AS failed,
  (SELECT e.received_at FROM events e WHERE e.project_id = p.id AND e.state >= 'pending' AND e.state <= 'pending'
    ORDER BY e.state, e.seq LIMIT 1) AS oldest_pending
FROM projects p ORDER BY p.id`);
console.log(rows.map((r: Record<string, unknown>) => String(r['QUERY PLAN'])).join('\n'));
const times: number[] = [];
for (let i = 0; i < 10; i++) {
  const t = performance.now();
  await store.projectFigures();
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(
  `store.projectFigures() over 20 projects, 100 000 pending + 20 000 failed + 200 000 applied: median ${times[5]?.toFixed(1)} ms, max ${times[9]?.toFixed(1)} ms (10 runs)`,
);
await store.close();
await client.query(`DROP SCHEMA "${schema}" CASCADE`);
await client.end();
