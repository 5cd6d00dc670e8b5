import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { CLAIM_POSTGRES_PLANNER, CLAIM_POSTGRES_SQL } from '../src/store/claim.js';
import { openStore } from '../src/store/open.js';
import { inlineParams } from '../src/store/sql.js';
import type { NewEvent, Store } from '../src/store/store.js';

// Claim time against the depth of the backlog (issue 10 item 1): a fresh
// store, CALLERS clients of which 90 % have their first event waiting for a
// retry, filled to each level of BENCH_CLAIM_LEVELS pending events; at each,
// the median and p99 of 30 claims of 8 (what a claim finds is handed back).

// 1 000 000 pending takes minutes to fill: BENCH_CLAIM_1M=1 adds it (or name the levels).
const LEVELS = (
  process.env['BENCH_CLAIM_LEVELS'] ??
  `0,10000,100000${process.env['BENCH_CLAIM_1M'] === '1' ? ',1000000' : ''}`
)
  .split(',')
  .map(Number);
const CALLERS = 2000;
const T = new Date('2026-03-10T10:00:00Z');

function eventOf(n: number): NewEvent {
  const caller = n % CALLERS;
  return {
    event: {
      type: 'call.ended',
      eventId: `c${n}`,
      callId: `c${n}`,
      at: new Date(T.getTime() - 86_400_000 + n).toISOString(),
      direction: 'incoming',
      from: `+38050${String(1_000_000 + caller).slice(-7)}`,
      to: '+380441234567',
      disposition: 'answered',
    },
    orderingKey: `client:${caller}`,
  };
}

async function timeClaims(
  store: Store,
  project: string,
): Promise<{ median: number; p99: number; found: number }> {
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < 30; i += 1) {
    const start = performance.now();
    const claimed = await store.claimEvents('bench-claim', 8, 60_000, T);
    times.push(performance.now() - start);
    found += claimed.length;
    for (const item of claimed) await store.release('bench-claim', project, item.eventId);
  }
  times.sort((a, b) => a - b);
  return { median: times[15] ?? 0, p99: times[29] ?? 0, found: found / 30 };
}

/**
 * PostgreSQL: VACUUM ANALYZE of the inbox's tables, what autovacuum does on its
 * own within its naptime (a minute) of such a fill. Claims timed right after
 * tens of thousands of inserts in seconds meet the server's background work
 * (statistics not yet gathered, checkpoints, autovacuum starting): 2–30 ms
 * medians that came and went between runs at the same depth.
 */
async function settle(url: string, schema: string | undefined): Promise<void> {
  const client = new pg.Client({
    connectionString: url,
    ...(schema && { options: `-c search_path=${schema}` }),
  });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE) events, ready_keys');
  } finally {
    await client.end();
  }
}

function timing(label: string, { median, p99 }: { median: number; p99: number }): string {
  return `${label} median ${median.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms`;
}

function spreadOf(medians: readonly number[]): number {
  return Math.max(...medians) / Math.max(0.001, Math.min(...medians));
}

/** Lines: claim time at each level, and (PostgreSQL) the claim's plan at the deepest one. */
export async function claimTime(url: string, label: string, schema?: string): Promise<string[]> {
  const postgres = url.startsWith('postgres');
  const store = await openStore(url, schema !== undefined ? { schema } : {});
  const lines: string[] = [];
  // Only levels where a claim finds something: at an empty inbox a claim reads nothing at all.
  const medians: number[] = [];
  const mediansRightAfter: number[] = [];
  try {
    await store.putProject({ id: 'claims', crm: 'pipedrive', document: {}, secrets: '', now: T });
    await store.moveIntegration('claims', 'active', null, T);
    let filled = 0;
    for (const level of LEVELS) {
      const started = performance.now();
      while (filled < level) {
        const size = Math.min(5000, level - filled);
        await store.insertEvents(
          'claims',
          Array.from({ length: size }, (_, i) => eventOf(filled + i)),
          T,
        );
        if (filled === 0) {
          // The first event of 90 % of the callers waits for a retry, an hour ahead.
          const later = new Date(T.getTime() + 3_600_000);
          for (const item of await store.claimEvents('park', CALLERS, 60_000, T))
            if (Number(item.orderingKey.slice('client:'.length)) % 10 !== 0)
              await store.scheduleRetry('park', 'claims', item.eventId, 'parked', later);
            else await store.release('park', 'claims', item.eventId);
        }
        filled += size;
      }
      const fill = ((performance.now() - started) / 1000).toFixed(0);
      const head = `${label} claim time at ${filled} pending (${CALLERS} callers, 90 % parked; filled in ${fill} s):`;
      const rightAfter = await timeClaims(store, 'claims');
      if (!postgres) {
        if (rightAfter.found > 0) medians.push(rightAfter.median);
        lines.push(
          `${head} ${timing('', rightAfter).trim()}, ${rightAfter.found.toFixed(1)} events found per claim of 8`,
        );
        continue;
      }
      await settle(url, schema);
      const settled = await timeClaims(store, 'claims');
      if (settled.found > 0) {
        medians.push(settled.median);
        mediansRightAfter.push(rightAfter.median);
      }
      lines.push(
        `${head} ${timing('settled (after VACUUM ANALYZE, as autovacuum does within a minute)', settled)}; ${timing('right after the fill', rightAfter)}; ${settled.found.toFixed(1)} events found per claim of 8`,
      );
    }
    lines.push(
      `${label} claim time spread across the levels where claims found events: ${spreadOf(medians).toFixed(2)}× (target: flat within 2×)${postgres ? `; right after each fill ${spreadOf(mediansRightAfter).toFixed(2)}×` : ''}`,
    );
    if (postgres) lines.push(...(await claimPlan(url, label, schema, T)));
    if (postgres && schema) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  } finally {
    await store.close();
  }
  return lines;
}

/**
 * The PostgreSQL claim's plan over what the store holds now: EXPLAIN ANALYZE
 * of a claim of 8, run and rolled back under the claim's own planner setting.
 */
export async function claimPlan(
  url: string,
  label: string,
  schema: string | undefined,
  at: Date,
): Promise<string[]> {
  const client = new pg.Client({
    connectionString: url,
    ...(schema && { options: `-c search_path=${schema}` }),
  });
  await client.connect();
  try {
    const now = at.getTime();
    const sql = inlineParams(
      CLAIM_POSTGRES_SQL,
      [now, 8, 8, 'w', now + 60_000, now, now + 60_000],
      (t) => pg.escapeLiteral(t),
    );
    await client.query('BEGIN');
    for (const setting of CLAIM_POSTGRES_PLANNER) await client.query(setting);
    const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
    await client.query('ROLLBACK');
    const pending = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM events WHERE state = 'pending'",
    );
    const text = plan.rows.map((r) => r['QUERY PLAN']);
    const scans = text.filter((line) => /Seq Scan on (events|ready_keys)/.test(line));
    return [
      `${label} claim plan at ${pending.rows[0]?.n ?? '?'} pending (EXPLAIN ANALYZE, rolled back; ${scans.length === 0 ? 'index-driven: no Seq Scan on events or ready_keys' : `NOT index-driven: ${scans.join('; ').trim()}`}):\n${text.map((line) => `    ${line}`).join('\n')}`,
    ];
  } finally {
    await client.end();
  }
}
