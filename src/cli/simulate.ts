import { formatProblem } from '../domain/problems.js';
import { loadScenario, simulate } from '../sandbox/simulate.js';
import { runViaHttp } from '../sandbox/via-http.js';

// `callmatrix simulate SCENARIO_FILE [--format json] [--via http]` (scenario-format §1):
// argument parsing only; the run itself is the sandbox's.

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
