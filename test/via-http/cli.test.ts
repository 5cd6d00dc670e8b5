import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CRM_IDS, type CrmId } from '../../src/domain/crm-id.js';
import { SnapshotSchema } from '../../src/domain/snapshot.js';
import { runSimulate } from '../../src/cli/simulate.js';
import { loadScenario } from '../../src/sandbox/simulate.js';

// scenario-format §1: `callmatrix simulate FILE --via http` prints one JSON
// document `{ crm_state, journal }` (a valid neutral snapshot) and exits 0;
// any other `--via` exits 2 with a line on stderr and nothing on stdout.

const scenarios = join(import.meta.dirname, '..', 'scenarios');
const ONE_PER_CRM: Record<CrmId, string> = {
  zoho: join(scenarios, 'zoho', 'ZO-01.json'),
  retailcrm: join(scenarios, 'retailcrm', 'RC-01.json'),
  pipedrive: join(scenarios, 'pipedrive', 'PD-01.json'),
  salesforce: join(scenarios, 'salesforce', 'SF-01.json'),
};

const OutputSchema = z.strictObject({
  crm_state: SnapshotSchema,
  journal: z.array(
    z.looseObject({
      eventId: z.string(),
      outcome: z.enum(['applied', 'skipped', 'failed']),
      conditions: z.array(z.string()),
      operations: z.array(z.unknown()),
    }),
  ),
});

async function run(args: string[]) {
  let stdout = '';
  const stderr: string[] = [];
  const code = await runSimulate(
    args,
    (text) => (stdout += text),
    (line) => stderr.push(line),
  );
  return { code, stdout, stderr };
}

describe('callmatrix simulate --via http', () => {
  for (const crm of CRM_IDS) {
    it(`${crm}: prints { crm_state, journal } read back from the emulator and exits 0`, async () => {
      const file = ONE_PER_CRM[crm];
      const { code, stdout, stderr } = await run([file, '--via', 'http']);
      expect(stderr).toEqual([]);
      expect(code).toBe(0);
      const output = OutputSchema.parse(JSON.parse(stdout));
      expect(Object.keys(output)).toEqual(['crm_state', 'journal']);
      const loaded = await loadScenario(file);
      if (!loaded.ok) throw new Error('the catalogue scenario does not load');
      expect(output.journal).toHaveLength(loaded.scenario.events.length);
      expect(output.journal.every((entry) => entry.outcome !== 'failed')).toBe(true);
      // Seeded users keep the scenario's ids (service.md §7).
      expect(output.crm_state.users.map((user) => user.id)).toEqual(
        loaded.scenario.crmState.users.map((user) => user.id),
      );
    });
  }

  it('--via with any other value exits 2, names the flag, prints nothing on stdout', async () => {
    for (const args of [
      [ONE_PER_CRM.zoho, '--via', 'smtp'],
      [ONE_PER_CRM.zoho, '--via'],
    ]) {
      const { code, stdout, stderr } = await run(args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toHaveLength(1);
      expect(stderr[0]).toContain('--via');
    }
  });

  it('the command line process prints the document, exits 0 and leaves no emulator running', async () => {
    const entry =
      "import { main } from './src/cli/main.ts'; process.exitCode = await main(process.argv.slice(1));";
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        entry,
        'simulate',
        ONE_PER_CRM.pipedrive,
        '--via',
        'http',
      ],
      {
        cwd: join(import.meta.dirname, '..', '..'),
      },
    );
    // execFile rejects on a non-zero exit; a server left open would keep the process (and the test) from ending.
    expect(OutputSchema.parse(JSON.parse(stdout)).crm_state.deals.length).toBeGreaterThan(0);
  });
});
