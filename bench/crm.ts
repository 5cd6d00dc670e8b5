import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CRM_IDS, type CrmId } from '../src/domain/crm-id.js';
import type { Scenario } from '../src/domain/scenario.js';
import { loadScenario } from '../src/sandbox/simulate.js';
import { runViaHttp, type RequestCounts } from '../src/sandbox/via-http.js';
import { DAY_MIX, dayScenario } from './crm-day.js';

// `npm run bench:crm` (issue 4 item 6): CRM API requests per scenario of the
// catalogue, through each CRM's real adapter against its emulator (in-process,
// loopback), and for a working day of calls. Counts come from the emulator's
// `GET /_emulator/requests` (service.md §7: API calls, metadata included; OAuth
// token requests not). The CRM's preparation (seed, custom fields, pipelines)
// is not counted: a user does it once per account.

const DAY_CALLS = Number(process.env['BENCH_DAY_CALLS'] ?? 1_000);
const DAY_CLIENTS = Number(process.env['BENCH_DAY_CLIENTS'] ?? 500);
const crms = (process.env['BENCH_CRMS']?.split(',') as CrmId[] | undefined) ?? [...CRM_IDS];
const root = join(import.meta.dirname, '..', 'test', 'scenarios');

const topRoutes = (requests: RequestCounts, n: number): string =>
  Object.entries(requests.byRoute)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, n)
    .map(([route, count]) => `${count}× ${route}`)
    .join(', ');

async function catalogue(): Promise<Map<CrmId, Array<{ id: string; scenario: Scenario }>>> {
  const byCrm = new Map<CrmId, Array<{ id: string; scenario: Scenario }>>(
    CRM_IDS.map((crm) => [crm, []]),
  );
  for (const folder of readdirSync(root).sort()) {
    for (const file of readdirSync(join(root, folder))
      .filter((name) => name.endsWith('.json'))
      .sort()) {
      const loaded = await loadScenario(join(root, folder, file));
      if (!loaded.ok) throw new Error(`${folder}/${file} does not load`);
      byCrm
        .get(loaded.scenario.crm)
        ?.push({ id: file.replace(/\.json$/, ''), scenario: loaded.scenario });
    }
  }
  return byCrm;
}

console.log(
  `Callmatrix CRM request economy: each CRM's adapter against its emulator (in-process, loopback), Node ${process.version}`,
);
console.log(
  'Counted: CRM API requests while the events run; not the seed, the preparation, nor OAuth token requests.\n',
);

const byCrm = await catalogue();
for (const crm of crms) {
  const scenarios = byCrm.get(crm) ?? [];
  console.log(
    `${crm}: ${scenarios.length} catalogue scenarios (a fresh adapter each, so its once-per-process metadata reads count in each)`,
  );
  console.log(
    `${'scenario'.padEnd(28)}${'events'.padStart(7)}${'requests'.padStart(10)}${'/event'.padStart(8)}  top routes`,
  );
  let events = 0;
  let total = 0;
  for (const { id, scenario } of scenarios) {
    const { requests } = await runViaHttp(scenario);
    events += scenario.events.length;
    total += requests.total;
    const perEvent =
      scenario.events.length > 0 ? (requests.total / scenario.events.length).toFixed(1) : '-';
    console.log(
      `${id.padEnd(28)}${String(scenario.events.length).padStart(7)}${String(requests.total).padStart(10)}${perEvent.padStart(8)}  ${topRoutes(requests, 3)}`,
    );
  }
  console.log(
    `${'all'.padEnd(28)}${String(events).padStart(7)}${String(total).padStart(10)}${(total / Math.max(events, 1)).toFixed(1).padStart(8)}\n`,
  );
}

console.log(
  `A day of ${DAY_CALLS} calls, ${DAY_CLIENTS} existing clients seeded (two in three with a deal), 20 managers and a top manager, default matrices.`,
);
console.log(
  `Mix (as bench/engine.ts): ${DAY_MIX}. One adapter for the whole day, as a worker keeps it.`,
);
console.log(
  `${'crm'.padEnd(12)}${'events'.padStart(8)}${'requests'.padStart(10)}${'/call'.padStart(7)}${'/event'.padStart(8)}${'failed'.padStart(8)}  top routes`,
);
for (const crm of crms) {
  const day = dayScenario(crm, DAY_CALLS, DAY_CLIENTS);
  const { result, requests } = await runViaHttp(day);
  const failed = result.journal.filter((entry) => entry.outcome === 'failed').length;
  console.log(
    `${crm.padEnd(12)}${String(day.events.length).padStart(8)}${String(requests.total).padStart(10)}${(requests.total / DAY_CALLS).toFixed(1).padStart(7)}` +
      `${(requests.total / day.events.length).toFixed(2).padStart(8)}${String(failed).padStart(8)}  ${topRoutes(requests, 4)}`,
  );
}
