import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitTexts } from '../../src/crm/capabilities.js';
import type { CrmPort } from '../../src/crm/port.js';
import { CRMS } from '../../src/crm/registry.js';
import type { CrmId } from '../../src/domain/crm-id.js';
import type { PlanLedger } from '../../src/domain/ledger.js';
import type { Scenario } from '../../src/domain/scenario.js';
import { projectContext } from '../../src/engine/decide.js';
import { InMemoryLedger } from '../../src/pipeline/memory-ledger.js';
import { runEvent } from '../../src/pipeline/run.js';
import { EMULATORS } from '../../src/sandbox/emulators.js';
import { loadScenario } from '../../src/sandbox/simulate.js';
import { prepareRun, withNativeUsers } from '../../src/sandbox/via-http.js';
import { recordCounts } from '../support/snapshot-canon.js';

// D13 across a crash, per CRM against its emulator through the real adapter: every create
// of a morning's events is answered by the CRM and then its id is lost before the ledger
// records it (the ledger drops the record and the run dies, as a kill -9 would leave it).
// The event is run again by a fresh adapter (a new process: no memory of its own), so only
// the ledger's sending mark can tell it the create may have landed. The CRM must end with
// as many records as a run without crashes.

class Crash extends Error {}

/** The ledger of a process that dies right after the CRM answers each create (once per create). */
function crashingLedger(inner: InMemoryLedger, crashed: Set<string>, marks: boolean): PlanLedger {
  return {
    recall: (event) => inner.recall(event),
    savePlan: (...args) => inner.savePlan(...args),
    replacePlan: (...args) => inner.replacePlan(...args),
    sending: (eventId, key) => (marks ? inner.sending(eventId, key) : Promise.resolve()),
    landed: (eventId, key, id) => {
      if (!crashed.has(key) && key.length > 0) {
        crashed.add(key);
        return Promise.reject(new Crash(`killed before recording ${key}`));
      }
      return inner.landed(eventId, key, id);
    },
    recallClient: (key) => inner.recallClient(key),
    finished: (...args) => inner.finished(...args),
  };
}

type Counts = ReturnType<typeof recordCounts>;

async function morning(crm: CrmId): Promise<Scenario> {
  const loaded = await loadScenario(
    join(import.meta.dirname, '..', '..', 'examples', `${crm}-morning.json`),
  );
  if (!loaded.ok) throw new Error(`${crm}-morning does not load`);
  return loaded.scenario;
}

/** Runs the morning on a fresh emulator; `crash`: every create's recorded id is lost once. */
async function run(
  crm: CrmId,
  crash: { marks: boolean } | null,
): Promise<{ counts: Counts; crashes: number }> {
  const scenario = await morning(crm);
  const emulator = await EMULATORS[crm].replay();
  try {
    const { port, seeded } = await prepareRun(scenario, emulator);
    const native = withNativeUsers(scenario, seeded);
    const { settings } = native;
    const project = projectContext(crm, settings, native.employees);
    const freshAdapter = (): CrmPort =>
      CRMS[crm].createAdapter(emulator.connection, {
        texts: fitTexts(settings.language),
        defaultCountry: settings.defaultCountry,
        timezone: settings.timezone,
        ...CRMS[crm].sandbox.replayOptions,
      });
    const inner = new InMemoryLedger();
    const crashed = new Set<string>();
    const ledger = crash ? crashingLedger(inner, crashed, crash.marks) : inner;
    for (const event of native.events) {
      let adapter: CrmPort = port;
      for (let attempt = 0; ; attempt++) {
        expect(attempt).toBeLessThan(50);
        try {
          const done = await runEvent(event, { crm: adapter, project, ledger });
          if (done.failure?.kind === 'crm' && done.failure.error.kind === 'retryable') continue;
          break;
        } catch (error) {
          if (!(error instanceof Crash)) throw error;
          adapter = freshAdapter(); // the restarted process
        }
      }
    }
    const snapshot = await port.snapshot();
    if (!snapshot.ok) throw snapshot.error;
    return { counts: recordCounts(snapshot.value), crashes: crashed.size };
  } finally {
    await emulator.close();
  }
}

describe('D13 across a crash between the CRM answer and the recorded id (each CRM on its emulator)', () => {
  for (const crm of ['pipedrive', 'zoho', 'retailcrm', 'salesforce'] as const) {
    it(`${crm}: every create found by its marker after the crash, none written twice`, async () => {
      const clean = await run(crm, null);
      const crashed = await run(crm, { marks: true });
      expect(crashed.crashes).toBeGreaterThan(10);
      expect(crashed.counts).toEqual(clean.counts);
    }, 60_000);
  }

  it('the test bites: without the sending marks, Pipedrive writes records twice', async () => {
    const clean = await run('pipedrive', null);
    const blind = await run('pipedrive', { marks: false });
    expect(blind.counts.contacts + blind.counts.deals + blind.counts.leads).toBeGreaterThan(
      clean.counts.contacts + clean.counts.deals + clean.counts.leads,
    );
  }, 60_000);
});
