import pg from 'pg';

// What the realistic shape's server did while it was measured (issue 10):
// serve's event-loop delay over the phase (prom-client's histogram on
// /metrics, reset at each scrape) and, on PostgreSQL, what its sessions were
// doing (pg_stat_activity sampled every 20 ms: waiting on a lock, on I/O, on
// the client, or running), by statement kind.

const ms = (seconds: string | undefined): string =>
  seconds === undefined ? '?' : (Number(seconds) * 1000).toFixed(1);

/** serve's event-loop delay since the last scrape of its /metrics: "p50 / p99 / max ms". */
export async function eventLoopDelay(origin: string): Promise<string> {
  const text = await fetch(`${origin}/metrics`)
    .then((response) => response.text())
    .catch(() => '');
  const metric = (name: string): string | undefined =>
    new RegExp(`^${name} ([0-9.e+-]+)`, 'm').exec(text)?.[1];
  return `p50 ${ms(metric('nodejs_eventloop_lag_p50_seconds'))} / p99 ${ms(metric('nodejs_eventloop_lag_p99_seconds'))} / max ${ms(metric('nodejs_eventloop_lag_max_seconds'))} ms`;
}

/** SQLite: serve's ingest commits over the last 10 s by part (callmatrix_sqlite_ingest_commit_seconds): "part p50/p99 ms, …". */
export async function ingestCommits(origin: string): Promise<string> {
  const text = await fetch(`${origin}/metrics`)
    .then((response) => response.text())
    .catch(() => '');
  const quantile = (part: string, q: string): string | undefined =>
    new RegExp(
      `^callmatrix_sqlite_ingest_commit_seconds\\{quantile="${q}",part="${part}"\\} ([0-9.e+-]+)`,
      'm',
    ).exec(text)?.[1];
  const parts = ['queue', 'gate', 'write', 'commit', 'sync', 'total'].map(
    (part) =>
      `${part} ${ms(quantile(part, '0.5'))}/${ms(quantile(part, '0.99'))}/${ms(quantile(part, '0.999'))}`,
  );
  return `ingest commits p50/p99/p99.9 ms: ${parts.join(', ')}`;
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
