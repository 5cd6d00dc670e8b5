import pg from 'pg';

// What the realistic shape's server did while it was measured (issue 10):
// serve's event-loop delay over the phase (prom-client's histogram on
// /metrics, reset at each scrape) and, on PostgreSQL, what its sessions were
// doing (pg_stat_activity sampled every 20 ms: waiting on a lock, on I/O, on
// the client, or running), by statement kind.

const ms = (seconds: string | undefined): string =>
  seconds === undefined ? '?' : (Number(seconds) * 1000).toFixed(1);

/** serve's /metrics text ('' when it does not answer). */
export async function scrape(origin: string): Promise<string> {
  return fetch(`${origin}/metrics`)
    .then((response) => response.text())
    .catch(() => '');
}

/** serve's event-loop delay since the scrape before `text` (prom-client resets it at each): "p50 / p99 / max ms". */
export function eventLoopDelay(text: string): string {
  const metric = (name: string): string | undefined =>
    new RegExp(`^${name} ([0-9.e+-]+)`, 'm').exec(text)?.[1];
  return `p50 ${ms(metric('nodejs_eventloop_lag_p50_seconds'))} / p99 ${ms(metric('nodejs_eventloop_lag_p99_seconds'))} / max ${ms(metric('nodejs_eventloop_lag_max_seconds'))} ms`;
}

/** One part's cumulative bucket counts (by upper bound, +Inf last) in a scrape. */
function buckets(text: string, part: string): Array<[number, number]> {
  const re = new RegExp(
    `^callmatrix_sqlite_ingest_commit_seconds_bucket\\{le="([^"]+)",part="${part}"\\} ([0-9.e+-]+)`,
    'gm',
  );
  return [...text.matchAll(re)].map((m) => [
    m[1] === '+Inf' ? Infinity : Number(m[1]),
    Number(m[2]),
  ]);
}

/** The q-quantile (ms) of the observations between two scrapes, interpolated within its bucket. */
export function quantileBetween(
  before: ReadonlyArray<[number, number]>,
  after: ReadonlyArray<[number, number]>,
  q: number,
): number | undefined {
  const counts = after.map(([le, n], i) => [le, n - (before[i]?.[1] ?? 0)] as const);
  const total = counts.at(-1)?.[1] ?? 0;
  if (total <= 0) return undefined;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const [le, n] of counts) {
    if (n >= rank) {
      const upper = Number.isFinite(le) ? le : lower;
      return (lower + ((upper - lower) * (rank - below)) / Math.max(1, n - below)) * 1000;
    }
    lower = le;
    below = n;
  }
  return undefined;
}

/** SQLite: serve's ingest commits between two scrapes by part (callmatrix_sqlite_ingest_commit_seconds): "part p50/p99/p99.9 ms, …". */
export function ingestCommits(before: string, after: string): string {
  const parts = ['queue', 'gate', 'write', 'commit', 'sync', 'total'].map((part) => {
    const [b, a] = [buckets(before, part), buckets(after, part)];
    const at = (q: number): string => quantileBetween(b, a, q)?.toFixed(1) ?? '?';
    return `${part} ${at(0.5)}/${at(0.99)}/${at(0.999)}`;
  });
  return `ingest commits p50/p99/p99.9 ms (from the histogram's buckets): ${parts.join(', ')}`;
}

/** The kind of a callmatrix statement, from its text. */
function kindOf(query: string): string {
  if (query.includes('callmatrix_claim_ready') || query.includes('WITH picked')) return 'claim';
  if (query.includes('INSERT INTO events')) return 'ingest insert';
  if (/UPDATE events|DELETE FROM events/.test(query)) return 'event update';
  if (query.includes('pg_advisory_xact_lock')) return 'advisory lock';
  if (/^\s*(COMMIT|BEGIN)/i.test(query)) return 'BEGIN/COMMIT';
  // Else its first statement past the transaction's settings, shortened.
  return query
    .replace(/\s+/g, ' ')
    .replace(/^(\s*SET LOCAL [^;]*;)+/i, '')
    .trim()
    .slice(0, 40);
}

/** Starts sampling the database's sessions; the returned function stops and summarises. */
export async function sampleSessions(url: string): Promise<() => Promise<string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts = new Map<string, number>();
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const { rows } = await client.query<{ wait: string | null; query: string }>(
        `SELECT coalesce(wait_event_type || ':' || wait_event, 'running') AS wait, query
         FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'`,
      );
      samples += 1;
      for (const row of rows) {
        const key = `${kindOf(row.query)} ${row.wait ?? 'running'}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    await client.end();
    const top = [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([key, n]) => `${key} ${(n / Math.max(1, samples)).toFixed(2)}`);
    return `active sessions per sample (${samples} samples): ${top.join('; ') || 'none'}`;
  };
}
