import { fitTexts } from '../src/crm/capabilities.js';
import { performance } from 'node:perf_hooks';
import type { CrmId } from '../src/domain/crm-id.js';
import { ProjectSettingsSchema } from '../src/domain/project.js';
import { MemoryCrm } from '../src/crm/memory/adapter.js';
import { projectContext } from '../src/engine/decide.js';
import { observedPort } from '../src/crm/observed.js';
import type { CrmPort } from '../src/crm/port.js';
import { InMemoryLedger } from '../src/pipeline/memory-ledger.js';
import { runEvent } from '../src/pipeline/run.js';
import { calls, CLIENTS, employees, reseed, seedCrm } from './call-mix.js';

// `npm run bench`: a realistic mix of call lifecycles through lookup → decide →
// execute on the in-memory CRM, one core, and the cost split per event. The split
// is measured from outside the run: CRM lookups and writes through a timed port,
// the rest of the run (decide, the ledger) is what remains.

const CALLS = Number(process.env['BENCH_CALLS'] ?? 40_000);
const crms: CrmId[] = (process.env['BENCH_CRMS']?.split(',') as CrmId[] | undefined) ?? [
  'zoho',
  'retailcrm',
  'pipedrive',
  'salesforce',
];

async function bench(crm: CrmId): Promise<void> {
  const settings = ProjectSettingsSchema.parse({ defaultCountry: 'UA', timezone: 'Europe/Kyiv' });
  const port = new MemoryCrm(crm, seedCrm(), {
    defaultCountry: 'UA',
    texts: fitTexts('en'),
  });
  const project = projectContext(crm, settings, employees);
  const events = [...calls(CALLS)];
  reseed();
  // Warm-up on a separate ledger and CRM so the JIT has seen every path.
  const warm = {
    project,
    ledger: new InMemoryLedger(),
    crm: new MemoryCrm(crm, seedCrm(), {
      defaultCountry: 'UA',
      texts: fitTexts('en'),
    }),
  };
  for (const event of events.slice(0, 5000)) await runEvent(event, warm);
  const crmSeconds = { findClient: 0, apply: 0 };
  const timed: CrmPort = observedPort(port, (method, seconds) => {
    crmSeconds[method] += seconds;
  });
  const deps = { project, ledger: new InMemoryLedger(), crm: timed };
  let runNs = 0n;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let operations = 0;
  for (const event of events) {
    const t0 = process.hrtime.bigint();
    operations += (await runEvent(event, deps)).entry.operations.length;
    runNs += process.hrtime.bigint() - t0;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  // CPU time of this process (user + system): the "one core" figure, steady even when other processes share the machine.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const lookupNs = BigInt(Math.round(crmSeconds.findClient * 1e9));
  const executeNs = BigInt(Math.round(crmSeconds.apply * 1e9));
  const perEvent = (ns: bigint): string => `${(Number(ns) / events.length / 1000).toFixed(2)} µs`;
  console.log(
    [
      crm.padEnd(11),
      `${events.length} events`.padStart(14),
      `${Math.round(events.length / seconds).toLocaleString('en')} events/s wall`.padStart(23),
      `${Math.round(events.length / cpuSeconds).toLocaleString('en')} events/CPU-s`.padStart(22),
      `${operations} CRM operations`.padStart(20),
      `lookup ${perEvent(lookupNs)}`,
      `decide ${perEvent(runNs - lookupNs - executeNs)}`,
      `execute ${perEvent(executeNs)}`,
    ].join('  '),
  );
}

console.log(
  `Callmatrix engine benchmark: ${CALLS} calls over ${CLIENTS} seeded clients (70% existing), one process, Node ${process.version}`,
);
console.log(
  'mix: 15% outgoing, ~20% missed/voicemail, answered with 10% transfers; lookup → decide → execute on the in-memory CRM',
);
for (const crm of crms) await bench(crm);
