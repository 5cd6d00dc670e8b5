import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, simulate } from '../../src/sandbox/simulate.js';
import { runViaHttp } from '../../src/sandbox/via-http.js';
import { canonicalRun } from './canonical.js';
import { TOLERATED } from './tolerances.js';

// Issue 4 item 5, D12: every scenario of the catalogue, run on its own CRM,
// prints the same snapshot through the real adapter and the emulator
// (`simulate --via http`) as through the in-memory CRM, up to record ids; and
// the journals agree on outcomes, conditions and operations.

const root = join(import.meta.dirname, '..', 'scenarios');
const files = readdirSync(root)
  .sort()
  .flatMap((folder) =>
    readdirSync(join(root, folder))
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => join(root, folder, name)),
  );

describe('issue 4 item 5 / D12: simulate --via http prints what simulate prints, for the whole catalogue', () => {
  it('the catalogue is there (82 scenario files)', () => {
    expect(files.length).toBeGreaterThanOrEqual(82);
  });

  for (const file of files) {
    const id = file.slice(file.lastIndexOf('/') + 1).replace(/\.json$/, '');
    it(`${id}: same snapshot up to record ids, same journal outcomes, conditions and operations`, async () => {
      const loaded = await loadScenario(file);
      if (!loaded.ok)
        throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
      const scenario = loaded.scenario;
      const expected = canonicalRun(await simulate(scenario));
      const { result, requests } = await runViaHttp(scenario);
      const actual = canonicalRun(result);
      for (const tolerance of TOLERATED[scenario.crm]) tolerance.apply(expected, actual);
      expect(actual.journal).toEqual(expected.journal);
      expect(actual.crm_state).toEqual(expected.crm_state);
      // The run really went through the CRM's API.
      expect(requests.total).toBeGreaterThan(0);
    });
  }
});
