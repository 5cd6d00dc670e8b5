import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { JournalEntry } from '../../src/domain/plan.js';
import { parseScenario, type Scenario } from '../../src/domain/scenario.js';
import { emulatorSnapshot } from '../../src/sandbox/emulator-snapshot.js';
import { EMULATORS } from '../../src/sandbox/emulators.js';
import { simulate, type SimulationResult } from '../../src/sandbox/simulate.js';
import { prepareRun, seededIdsBack } from '../../src/sandbox/via-http.js';
import { canonicalRun } from '../via-http/canonical.js';
import { TOLERATED } from '../via-http/tolerances.js';
import { harness } from './harness.js';

// A scenario of test/scenarios run through the service as a user has it: the
// scenario's project document saved in the store (SQLite, or PostgreSQL with
// CALLMATRIX_TEST_BACKEND=postgres), its CRM the CRM's emulator seeded with the
// scenario's crm_state and spoken to by the real adapter, each event posted to
// the ingest endpoint over HTTP and worked off by the worker. What lands in the
// emulator and the store's journal are then compared with what `simulate`
// prints for the same file.

const ROOT = join(import.meta.dirname, '..', 'scenarios');

export interface ServiceRun {
  readonly scenario: Scenario;
  /** The emulator's content and the store's journal, in the scenario's ids where it has them. */
  readonly result: SimulationResult;
  /** What `simulate` prints for the scenario. */
  readonly expected: SimulationResult;
  /** The scenario file's own `expect` member. */
  readonly expectation: ScenarioExpectation;
  /** The CRM's own ids of the scenario's users (crm_state id → CRM id). */
  readonly nativeUsers: Readonly<Record<string, string>>;
}

/** A scenario's `expect` (test/scenarios.test.ts): objects matched partially, arrays whole. */
export interface ScenarioExpectation {
  readonly crm_state?: Record<string, unknown>;
  readonly journal?: unknown[];
  readonly contains?: Record<string, string[]>;
}

/** Runs `test/scenarios/<name>.json` through the service; `name` as `rules/D04-working-hours-zoho`. */
export async function runThroughService(name: string): Promise<ServiceRun> {
  const json = JSON.parse(readFileSync(join(ROOT, `${name}.json`), 'utf8')) as {
    project?: unknown;
    employees?: Array<Record<string, unknown>>;
    events: unknown[];
    expect?: ScenarioExpectation;
  };
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.problems)}`);
  const scenario = parsed.value;
  const emulator = await EMULATORS[scenario.crm].replay();
  const h = await harness({ retryScheduleSec: [5] });
  try {
    // The account as a user prepares it (custom fields, pipelines, key fields); the service
    // then builds its own adapter from the project's connection.
    const { seeded } = await prepareRun(scenario, emulator);
    const users = seeded.users ?? {};
    await h.addProject('acme', {
      crm: scenario.crm,
      ...(json.project !== undefined && { project: json.project }),
      employees: (json.employees ?? []).map((employee) => {
        const user = employee['crmUserId'];
        return typeof user === 'string' && users[user]
          ? { ...employee, crmUserId: users[user] }
          : employee;
      }),
      connection: emulator.connection,
    });
    for (const event of json.events) {
      await h.post('acme', event);
      // Past the grace a lone call.ended waits for its call.started (D11), as simulate does not wait.
      h.clock.now = new Date(h.clock.now.getTime() + 61_000);
      await h.drain();
    }
    const snapshot = await emulatorSnapshot(emulator.baseUrl, scenario.settings.timezone);
    if (!snapshot.ok) throw snapshot.error;
    const page = await h.store.listJournal('acme', { limit: 1000 });
    const journal: JournalEntry[] = page.entries.map(
      ({ at: _at, caller: _caller, ...entry }) => entry,
    );
    return {
      scenario,
      result: seededIdsBack({ crm_state: snapshot.value, journal }, seeded),
      expected: await simulate(scenario),
      expectation: json.expect ?? {},
      nativeUsers: users,
    };
  } finally {
    await h.close();
    await emulator.close();
  }
}

/** The service's run equals simulate's up to record ids (and what the CRM's storage adds). */
export function expectSameAsSimulate(run: ServiceRun): void {
  const expected = canonicalRun(run.expected);
  const actual = canonicalRun(run.result);
  for (const tolerance of TOLERATED[run.scenario.crm]) tolerance.apply(expected, actual);
  expect(actual.crm_state).toEqual(expected.crm_state);
  expect(actual.journal).toEqual(expected.journal);
}

/**
 * The scenario's own `expect` holds for what the service wrote too; for scenarios
 * whose expectations name no record the run creates (its ids are the CRM's).
 */
export function expectScenarioExpectations(run: ServiceRun): void {
  const { crm_state: state, journal, contains } = run.expectation;
  if (state) expect(run.result.crm_state).toMatchObject(state);
  if (journal) expect(run.result.journal).toMatchObject(journal);
  for (const [path, texts] of Object.entries(contains ?? {})) {
    const text = path.split(/\.|(?=\[)/).reduce<unknown>((node, part) => {
      const index = /^\[(\d+)\]$/.exec(part);
      if (index) return (node as unknown[] | undefined)?.[Number(index[1])];
      return (node as Record<string, unknown> | undefined)?.[part];
    }, run.result);
    expect(typeof text, `${path} is a text`).toBe('string');
    for (const part of texts) expect(text as string).toContain(part);
  }
}
