import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startSalesforceEmulator } from '../../../emulators/salesforce/index.js';
import { loadScenario } from '../../../src/sandbox/simulate.js';
import { compareWithMemory } from './equality.js';

// D12 over the whole scenario catalogue: every scenario, run with the
// Salesforce profile, ends in the same neutral snapshot through the adapter
// and the emulator as on the in-memory CRM.

const ROOT = 'test/scenarios';
const files = existsSync(ROOT)
  ? readdirSync(ROOT).flatMap((dir) =>
      readdirSync(`${ROOT}/${dir}`)
        .filter((f) => f.endsWith('.json'))
        .map((f) => `${ROOT}/${dir}/${f}`),
    )
  : [];

describe('D12 equality over the catalogue (Salesforce profile)', () => {
  for (const file of files) {
    it(`D12: ${file}`, async () => {
      const loaded = await loadScenario(file);
      if (!loaded.ok) return; // malformed-scenario fixtures belong to simulate's own tests
      const { expected, actual } = await compareWithMemory(
        { ...loaded.scenario, crm: 'salesforce' },
        () => startSalesforceEmulator(),
      );
      expect(actual).toEqual(expected);
    });
  }
});
