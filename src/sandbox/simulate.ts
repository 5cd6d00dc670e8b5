import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { Problem } from '../domain/problems.js';
import { parseScenario, type Scenario } from '../domain/scenario.js';
import type { JournalEntry } from '../domain/plan.js';
import type { Snapshot } from '../domain/snapshot.js';
import { MemoryCrm } from '../crm/memory/adapter.js';
import { projectContext } from '../engine/decide.js';
import { runEvent } from '../pipeline/run.js';
import { InMemoryLedger } from '../pipeline/memory-ledger.js';
import { fitTexts } from '../crm/capabilities.js';
import type { SandboxCrm } from '../crm/snapshotting.js';

// The sandbox: a scenario run through the real pipeline against the in-memory
// CRM (`simulate`), or against a CRM's emulator through its real adapter
// (via-http.ts). Application logic the CLI, the tests and the benchmarks share.

export interface SimulationResult {
  readonly crm_state: Snapshot;
  readonly journal: JournalEntry[];
}

/** Runs a parsed scenario through the real pipeline against the in-memory CRM. */
export function simulate(scenario: Scenario): Promise<SimulationResult> {
  const { crm, settings } = scenario;
  const port = new MemoryCrm(crm, scenario.crmState, {
    defaultCountry: settings.defaultCountry,
    texts: fitTexts(settings.language),
  });
  return simulateWith(scenario, port);
}

/**
 * Runs a scenario's events through the pipeline against any CRM port already
 * seeded with the scenario's `crm_state` (an adapter talking to an emulator, say),
 * and reads the neutral snapshot back through the port.
 */
export async function simulateWith(
  scenario: Scenario,
  port: SandboxCrm,
): Promise<SimulationResult> {
  const { crm, settings, employees } = scenario;
  const project = projectContext(crm, settings, employees);
  const ledger = new InMemoryLedger();
  const journal: JournalEntry[] = [];
  for (const event of scenario.events) {
    const { entry } = await runEvent(event, { crm: port, project, ledger });
    journal.push(entry);
  }
  const snapshot = await port.snapshot();
  if (!snapshot.ok) throw snapshot.error;
  return { crm_state: snapshot.value, journal };
}

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

export async function loadScenario(file: string): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return {
      ok: false,
      problems: [{ path: '', message: `cannot read ${file}: ${(error as Error).message}` }],
    };
  }
  let json: unknown;
  const yaml = /\.ya?ml$/i.test(file);
  try {
    json = yaml ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [
        {
          path: '',
          message: `${file} is not ${yaml ? 'YAML' : 'JSON'}: ${(error as Error).message}`,
        },
      ],
    };
  }
  const parsed = parseScenario(json);
  return parsed.ok
    ? { ok: true, scenario: parsed.value }
    : { ok: false, problems: parsed.problems };
}
