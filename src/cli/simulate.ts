import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { formatProblem, type Problem } from '../domain/problems.js';
import { parseScenario, type Scenario } from '../domain/scenario.js';
import type { JournalEntry } from '../domain/plan.js';
import type { Snapshot } from '../domain/snapshot.js';
import { MemoryCrm } from '../crm/memory/adapter.js';
import { projectContext } from '../engine/decide.js';
import { translate } from '../engine/texts.js';
import { runEvent } from '../pipeline/run.js';
import { InMemoryLedger } from '../pipeline/memory-ledger.js';
import type { Language } from '../domain/project.js';
import type { FitTexts } from '../crm/capabilities.js';
import type { CrmPort } from '../crm/port.js';
import { runViaHttp } from './via-http.js';

export interface SimulationResult {
  readonly crm_state: Snapshot;
  readonly journal: JournalEntry[];
}

export function fitTexts(language: Language): FitTexts {
  return {
    recording: translate('Recording', language),
    alsoConcerns: translate('Also concerns', language),
    legs: translate('Legs', language),
  };
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
export async function simulateWith(scenario: Scenario, port: CrmPort): Promise<SimulationResult> {
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

export async function runSimulate(
  args: readonly string[],
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  const files = args.filter(
    (arg, index) =>
      !arg.startsWith('--') && args[index - 1] !== '--format' && args[index - 1] !== '--via',
  );
  const format = valueOf(args, '--format') ?? 'json';
  const via = valueOf(args, '--via');
  if (files.length !== 1) {
    err('usage: callmatrix simulate SCENARIO_FILE [--format json] [--via http]');
    return 2;
  }
  if (format !== 'json') {
    err(`--format: only "json" is supported, got "${format}"`);
    return 2;
  }
  if (args.includes('--via') && via !== 'http') {
    err(
      `--via: only "http" is supported (the CRM's adapter against its emulator), got ${via === undefined ? 'nothing' : `"${via}"`}`,
    );
    return 2;
  }
  const loaded = await loadScenario(files[0] ?? '');
  if (!loaded.ok) {
    for (const problem of loaded.problems) err(formatProblem(problem));
    return 2;
  }
  // --via http: the same scenario through the CRM's real adapter and its emulator (scenario-format §1).
  const result =
    via === 'http' ? (await runViaHttp(loaded.scenario)).result : await simulate(loaded.scenario);
  out(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

function valueOf(args: readonly string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
}
