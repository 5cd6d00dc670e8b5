import { fitTexts } from '../src/crm/capabilities.js';
import { performance } from 'node:perf_hooks';
import type { CrmId } from '../src/domain/crm-id.js';
import type { Event } from '../src/domain/events.js';
import { EmployeesSchema, ProjectSettingsSchema } from '../src/domain/project.js';
import { SnapshotSchema, type Snapshot } from '../src/domain/snapshot.js';
import { MemoryCrm } from '../src/crm/memory/adapter.js';
import { projectContext } from '../src/engine/decide.js';
import { observedPort } from '../src/crm/observed.js';
import type { CrmPort } from '../src/crm/port.js';
import { InMemoryLedger } from '../src/pipeline/memory-ledger.js';
import { runEvent } from '../src/pipeline/run.js';

// `npm run bench`: a realistic mix of call lifecycles through lookup → decide →
// execute on the in-memory CRM, one core, and the cost split per event. The split
// is measured from outside the run: CRM lookups and writes through a timed port,
// the rest of the run (decide, the ledger) is what remains.

const CLIENTS = 10_000;
const CALLS = Number(process.env['BENCH_CALLS'] ?? 40_000);
const crms: CrmId[] = (process.env['BENCH_CRMS']?.split(',') as CrmId[] | undefined) ?? [
  'zoho',
  'retailcrm',
  'pipedrive',
  'salesforce',
];

// A deterministic generator, so runs compare.
let seed = 42;
const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const employees = EmployeesSchema.parse([
  { id: 'e0', name: 'Top', crmUserId: 'u0', extension: '100', topManager: true },
  ...Array.from({ length: 20 }, (_, i) => ({
    id: `e${i + 1}`,
    name: `Manager ${i + 1}`,
    crmUserId: `u${i + 1}`,
    extension: String(101 + i),
  })),
]);
const extensions = employees.map((employee) => employee.extension ?? '100');
const phone = (n: number): string => `+38067${String(1_000_000 + n).slice(-7)}`;
const formats = [
  (p: string) => p,
  (p: string) => `0${p.slice(4, 6)} ${p.slice(6, 9)} ${p.slice(9)}`,
  (p: string) => p.slice(1),
];

function seedCrm(): Snapshot {
  const contacts = [];
  const deals = [];
  for (let i = 0; i < CLIENTS; i++) {
    const owner = `u${1 + (i % 20)}`;
    contacts.push({
      id: `c${i}`,
      name: `Client ${i}`,
      phones: [pick(formats)(phone(i))],
      ownerId: owner,
    });
    if (i % 3 !== 0)
      deals.push({
        id: `d${i}`,
        contactId: `c${i}`,
        ownerId: owner,
        status: i % 7 === 0 ? 'won' : 'open',
      });
  }
  return SnapshotSchema.parse({
    users: employees.map((e) => ({ id: e.crmUserId, name: e.name })),
    contacts,
    deals,
  });
}

function* calls(): Generator<Event> {
  const at = (call: number, sec: number): string =>
    new Date(Date.UTC(2026, 10, 20, 6) + call * 2000 + sec * 1000).toISOString();
  for (let n = 0; n < CALLS; n++) {
    const callId = `k${n}`;
    const existing = random() < 0.7;
    const client = existing ? phone(Math.floor(random() * CLIENTS)) : phone(CLIENTS + n);
    const kind = random();
    const base = { callId, to: '+380441234567' };
    if (kind < 0.15 && existing) {
      yield {
        type: 'call.started',
        eventId: `${callId}-1`,
        at: at(n, 0),
        direction: 'outgoing',
        ...base,
        from: '+380441234567',
        to: client,
        employee: { extension: pick(extensions) },
      };
      yield {
        type: 'call.ended',
        eventId: `${callId}-3`,
        callId,
        at: at(n, 60),
        disposition: random() < 0.7 ? 'answered' : 'missed',
        recordingUrl: `https://r/${callId}`,
      };
      continue;
    }
    yield {
      type: 'call.started',
      eventId: `${callId}-1`,
      at: at(n, 0),
      direction: 'incoming',
      from: client,
      ...base,
      tracking: { utm: { source: 'google' }, pool: 'Ads' },
    };
    if (kind < 0.35) {
      yield {
        type: 'call.ended',
        eventId: `${callId}-3`,
        callId,
        at: at(n, 30),
        disposition: random() < 0.8 ? 'missed' : 'voicemail',
      };
      continue;
    }
    yield {
      type: 'call.answered',
      eventId: `${callId}-2`,
      callId,
      at: at(n, 5),
      employee: { extension: pick(extensions) },
    };
    if (kind > 0.9)
      yield {
        type: 'call.transferred',
        eventId: `${callId}-t`,
        callId,
        at: at(n, 40),
        employee: { extension: pick(extensions) },
      };
    yield {
      type: 'call.ended',
      eventId: `${callId}-3`,
      callId,
      at: at(n, 120),
      disposition: 'answered',
      talkSec: 110,
      recordingUrl: `https://r/${callId}`,
    };
  }
}

async function bench(crm: CrmId): Promise<void> {
  const settings = ProjectSettingsSchema.parse({ defaultCountry: 'UA', timezone: 'Europe/Kyiv' });
  const port = new MemoryCrm(crm, seedCrm(), {
    defaultCountry: 'UA',
    texts: fitTexts('en'),
  });
  const project = projectContext(crm, settings, employees);
  const events = [...calls()];
  seed = 42;
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
