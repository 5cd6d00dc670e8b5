import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fitTexts } from '../src/crm/capabilities.js';
import { MemoryCrm } from '../src/crm/memory/adapter.js';
import { memoryKey } from '../src/domain/memory.js';
import { MatrixSchema, ProjectSettingsSchema } from '../src/domain/project.js';
import { projectContext } from '../src/engine/decide.js';
import { PROFILES } from '../src/engine/defaults/index.js';
import { InMemoryLedger } from '../src/pipeline/memory-ledger.js';
import { runEvent } from '../src/pipeline/run.js';
import { replayLines } from '../src/service/admin/replay-run.js';
import { openStore } from '../src/store/open.js';
import { calls, employees, seedCrm } from './call-mix.js';

// `npm run bench` (second part): events replayed per second (POST …/replay's
// work without HTTP). The engine benchmark's call mix is run once on the
// in-memory CRM and journalled, decision contexts included, in a SQLite file
// as a worker would; then the whole range is replayed from the store, with
// the stored matrix (nothing differs) and with a changed one (tasks differ).

const CALLS = Number(process.env['BENCH_REPLAY_CALLS'] ?? 10_000);
const CRM = 'pipedrive';
const PROJECT = 'bench';

const dir = mkdtempSync(join(tmpdir(), 'cm-bench-replay-'));
const store = await openStore(`sqlite:${join(dir, 'bench.db')}`);
try {
  const settings = ProjectSettingsSchema.parse({ defaultCountry: 'UA', timezone: 'Europe/Kyiv' });
  const project = projectContext(CRM, settings, employees);
  const now = new Date('2026-11-21T00:00:00Z');
  await store.putProject({ id: PROJECT, crm: CRM, document: {}, secrets: '', now });
  await store.moveIntegration(PROJECT, 'active', null, now);

  // The journal a worker leaves: each event run, then completed with what it was decided on.
  const events = [...calls(CALLS)];
  await store.insertEvents(
    PROJECT,
    events.map((event) => ({ event, orderingKey: memoryKey(event) ?? `event:${event.eventId}` })),
    now,
  );
  const crm = new MemoryCrm(CRM, seedCrm(), {
    defaultCountry: 'UA',
    texts: fitTexts('en'),
  });
  const deps = { project, crm, ledger: new InMemoryLedger() };
  for (;;) {
    const claimed = await store.claimEvents('bench', 500, 600_000, now);
    if (claimed.length === 0) break;
    for (const item of claimed) {
      const run = await runEvent(item.event, deps);
      await store.complete('bench', PROJECT, item.eventId, {
        outcome: run.entry.outcome === 'failed' ? 'skipped' : run.entry.outcome,
        journal: {
          entry: run.entry,
          at: item.at,
          callId: 'callId' in item.event ? item.event.callId : null,
          phones: [],
          decided: run.decided,
        },
      });
    }
  }
  const range = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-30T00:00:00Z') };
  const count = await store.countDecided(PROJECT, range);

  const changed = projectContext(
    CRM,
    {
      ...settings,
      matrix: MatrixSchema.parse({
        ...PROFILES[CRM].matrix,
        'incoming.answered_by_responsible': [],
        'incoming.missed': [
          'create_contact',
          'create_deal',
          { action: 'task_responsible', title: 'Call the client back today' },
        ],
      }),
    },
    employees,
  );
  console.log(
    `Callmatrix replay benchmark: ${count.events} journalled events of ${CALLS} calls (${CRM}), SQLite, one process, Node ${process.version}`,
  );
  for (const [name, candidate] of [
    ['stored matrix', project],
    ['changed matrix', changed],
  ] as const) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    let totals = null;
    for await (const line of replayLines(store, PROJECT, range, candidate))
      if (line.kind === 'totals') totals = line;
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const replayed = totals?.events ?? 0;
    console.log(
      [
        name.padEnd(15),
        `${replayed} events replayed`.padStart(22),
        `${Math.round(replayed / seconds).toLocaleString('en')} events/s wall`.padStart(23),
        `${Math.round(replayed / cpuSeconds).toLocaleString('en')} events/CPU-s`.padStart(22),
        `${totals?.callsDiffering ?? 0} calls differ`,
        `(+${totals?.added ?? 0} -${totals?.removed ?? 0} ~${totals?.changed ?? 0})`,
      ].join('  '),
    );
  }
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
