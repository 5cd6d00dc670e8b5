import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { simulate } from '../../src/sandbox/simulate.js';
import { runViaHttp } from '../../src/sandbox/via-http.js';
import { parseScenario } from '../../src/domain/scenario.js';
import { SnapshotSchema } from '../../src/domain/snapshot.js';
import { openStore } from '../../src/store/open.js';
import { audit } from './audit.js';
import { startCrashCrm, type CrashCrmName } from './crms.js';
import { killHard, serviceSetup, startCli, waitReady } from './spawn.js';

// npm run test:crash — service.md §1: "SIGKILL at any moment loses nothing that
// was acknowledged", D13: no CRM record twice. Under load, `serve` (SQLite) is
// killed with SIGKILL several times and restarted; with
// CALLMATRIX_TEST_DATABASE_URL (PostgreSQL) one of two `worker` processes is
// killed too. Then every acknowledged event must be applied exactly once in
// effect: the CRM's content equals an uncrashed run's (simulate) record for record.
// Each store (SQLite; PostgreSQL when its URL is set) runs with each CRM: the
// in-memory CRM, and the real Pipedrive adapter against the Pipedrive emulator,
// whose snapshot the audit reads for records missing or written twice.
// CRASH_CRMS=memory,pipedrive and CRASH_STORES=sqlite,postgres choose.

const CLIENTS = Number(process.env['CRASH_CLIENTS'] ?? 60);
const CALLS_PER_CLIENT = 2;
const KILLS = Number(process.env['CRASH_KILLS'] ?? 3);
const PG_URL = process.env['CALLMATRIX_TEST_DATABASE_URL'];
const CRMS_RUN = (process.env['CRASH_CRMS'] ?? 'memory,pipedrive').split(',') as CrashCrmName[];
const STORES_RUN = (process.env['CRASH_STORES'] ?? 'sqlite,postgres')
  .split(',')
  .filter((store) => store !== 'postgres' || PG_URL);

const EMPLOYEES = [
  { id: 'e1', name: 'Olena Top', crmUserId: 'u1', extension: '100', topManager: true },
  { id: 'e2', name: 'Petro', crmUserId: 'u2', extension: '101' },
];
const SEED = {
  users: [
    { id: 'u1', name: 'Olena Top' },
    { id: 'u2', name: 'Petro' },
  ],
};
const project = { defaultCountry: 'UA', timezone: 'Europe/Kyiv' };

function callsOf(client: number): Record<string, unknown>[][] {
  const from = `+38050${String(1_000_000 + client).slice(-7)}`;
  return Array.from({ length: CALLS_PER_CLIENT }, (_, n) => {
    const callId = `k${client}-${n}`;
    const at = (s: number): string => new Date(Date.UTC(2026, 2, 2, 8, n * 10, s)).toISOString();
    return [
      {
        type: 'call.started',
        eventId: `${callId}-1`,
        callId,
        at: at(0),
        direction: 'incoming',
        from,
        to: '+380441234567',
      },
      {
        type: 'call.answered',
        eventId: `${callId}-2`,
        callId,
        at: at(5),
        employee: { extension: '101' },
      },
      {
        type: 'call.ended',
        eventId: `${callId}-3`,
        callId,
        at: at(50),
        disposition: 'answered',
        durationSec: 50,
        talkSec: 45,
      },
    ];
  });
}

interface Result {
  readonly label: string;
  readonly lost: number;
  readonly duplicates: number;
  readonly missing: number;
  readonly ok: boolean;
}

async function crashRun(storeName: string, crmName: CrashCrmName): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'callmatrix-crash-'));
  const PG = storeName === 'postgres' ? PG_URL : undefined;
  const databaseUrl = PG ?? `sqlite:${join(dir, 'crash.db')}`;
  const crm = await startCrashCrm(crmName, SnapshotSchema.parse(SEED));
  const employees = EMPLOYEES.map((employee) => ({
    ...employee,
    crmUserId: crm.userIds[employee.crmUserId] ?? employee.crmUserId,
  }));
  const { port, adminKey, env, base } = serviceSetup(databaseUrl, dir, {
    CALLMATRIX_ALLOW_CRM_HOSTS: '127.0.0.1',
    CALLMATRIX_RETRY_SCHEDULE: '1,1,1,1,1',
    CALLMATRIX_LEASE_MS: '3000',
    CALLMATRIX_POLL_MS: '50',
  });
  let serve: ChildProcess = startCli(['serve', '--port', String(port)], env);
  // Each worker serves /healthz on a port of its own: 0 takes any free one (two on 8081 clash).
  const workerEnv = { ...env, CALLMATRIX_WORKER_PORT: '0' };
  const workers: ChildProcess[] = PG
    ? [startCli(['worker'], workerEnv), startCli(['worker'], workerEnv)]
    : [];
  await waitReady(`${base}/readyz`);

  const token = `tok_${randomBytes(16).toString('hex')}`;
  // A project of its own: a PostgreSQL database may hold earlier runs.
  const projectId = `crash-${randomBytes(4).toString('hex')}`;
  const put = await fetch(`${base}/v1/projects/${projectId}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      crm: 'pipedrive',
      project,
      employees,
      connection: crm.connection,
      webhook: { token },
    }),
  });
  if (!put.ok) throw new Error(`PUT project: ${put.status} ${await put.text()}`);

  // Load: each client's calls in order, one event per request (the ordering key
  // of call.answered / call.ended is found from the stored call.started), clients in parallel.
  const acknowledged = new Set<string>();
  let refused = 0;
  const send = async (event: Record<string, unknown>): Promise<void> => {
    for (;;) {
      try {
        const res = await fetch(`${base}/v1/projects/${projectId}/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(event),
        });
        if (res.status === 202) {
          acknowledged.add(String(event['eventId']));
          return;
        }
        refused += 1;
      } catch {
        refused += 1; // the server was killed mid-request: not acknowledged, so send again
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const load = (async () => {
    const queue = Array.from({ length: CLIENTS }, (_, c) => c);
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let c = queue.shift(); c !== undefined; c = queue.shift())
          for (const call of callsOf(c)) for (const event of call) await send(event);
      }),
    );
  })();

  let kills = 0;
  let workerKills = 0;
  const killer = (async () => {
    for (let i = 0; i < KILLS; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 700 + Math.random() * 800));
      await killHard(serve);
      kills += 1;
      if (PG && i === 0 && workers[0]) {
        await killHard(workers[0]);
        workerKills += 1;
      }
      serve = startCli(['serve', '--port', String(port)], env);
      await waitReady(`${base}/readyz`);
    }
  })();
  await Promise.all([load, killer]);

  // Let the workers finish; then stop everything gracefully and read the store.
  const store = await openStore(databaseUrl);
  for (let waited = 0; waited < 120_000; waited += 250) {
    const counts = await store.countEvents(projectId);
    if (counts.pending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  for (const child of [serve, ...workers.slice(1)]) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 1500));

  let lost = 0;
  for (const eventId of acknowledged) {
    const detail = await store.getEvent(projectId, eventId);
    if (!detail || (detail.event.state !== 'applied' && detail.event.state !== 'skipped'))
      lost += 1;
  }
  const counts = await store.countEvents(projectId);
  await store.close();

  // The reference: the same events through the pipeline once, with no crash.
  const scenario = parseScenario({
    crm: 'pipedrive',
    project,
    employees: EMPLOYEES,
    crm_state: SEED,
    events: Array.from({ length: CLIENTS }, (_, c) => callsOf(c).flat()).flat(),
  });
  if (!scenario.ok) throw new Error('reference scenario invalid');
  // Pipedrive: the same adapter against a fresh emulator, uncrashed (the sandbox's run via HTTP).
  const reference =
    crm.name === 'pipedrive'
      ? (await runViaHttp(scenario.value)).result.crm_state
      : (await simulate(scenario.value)).crm_state;
  const { duplicates, missing, lines } = audit(await crm.snapshot(), reference);
  const label = `${PG ? 'PostgreSQL' : 'SQLite'} + ${crm.name === 'pipedrive' ? 'Pipedrive adapter → Pipedrive emulator' : 'in-memory CRM'}`;

  const total = CLIENTS * CALLS_PER_CLIENT * 3;
  process.stdout.write(
    [
      `crash test: ${PG ? 'PostgreSQL, serve + 2 workers' : 'SQLite, serve with in-process workers'}; CRM: ${crm.name === 'pipedrive' ? 'the Pipedrive adapter against the Pipedrive emulator' : 'in-memory CRM'} over loopback HTTP in the driver process`,
      `events sent ${total}, acknowledged ${acknowledged.size}, refused or cut off (re-sent) ${refused}`,
      `serve killed with SIGKILL ${kills} times${PG ? `, worker killed ${workerKills} time(s)` : ''}`,
      `inbox: ${JSON.stringify(counts)}`,
      `CRM records (crashed run / uncrashed reference): ${lines}`,
      await crm.notes(),
      `lost ${lost}, duplicate CRM records ${duplicates}, missing CRM records ${missing}`,
    ].join('\n') + '\n',
  );
  await crm.close();
  rmSync(dir, { recursive: true, force: true });
  const ok = lost === 0 && duplicates === 0 && missing === 0 && acknowledged.size === total;
  return { label, lost, duplicates, missing, ok };
}

async function main(): Promise<number> {
  const results: Result[] = [];
  for (const store of STORES_RUN)
    for (const crm of CRMS_RUN) {
      process.stdout.write(`\n── ${store} × ${crm} ──\n`);
      results.push(await crashRun(store, crm));
    }
  process.stdout.write('\nsummary (per store and CRM): lost / duplicated / missing\n');
  for (const r of results)
    process.stdout.write(
      `  ${r.label}: lost ${r.lost}, duplicated ${r.duplicates}, missing ${r.missing} ${r.ok ? 'OK' : 'FAILED'}\n`,
    );
  if (!PG_URL) process.stdout.write('  PostgreSQL: not run (set CALLMATRIX_TEST_DATABASE_URL)\n');
  return results.every((r) => r.ok) ? 0 : 1;
}

process.exitCode = await main();
