import { z } from 'zod';
import { fitTexts } from '../../../src/crm/capabilities.js';
import { simulate, simulateWith } from '../../../src/sandbox/simulate.js';
import type { Scenario } from '../../../src/domain/scenario.js';
import type { Snapshot } from '../../../src/domain/snapshot.js';
import { createRetailcrmAdapter } from '../../../src/crm/retailcrm/adapter.js';
import { onEmulator } from '../../../src/sandbox/emulator-snapshot.js';
import {
  firstAppearanceNames,
  REFERENCE_COLLECTION,
  SNAPSHOT_COLLECTIONS,
} from '../../support/snapshot-canon.js';

// D12's equality goal, reusable for the scenario catalogue: a scenario run
// through this adapter against the emulator prints the same neutral snapshot,
// up to record ids, as `simulate` on the in-memory CRM.

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/**
 * The snapshot with every record id replaced by its order of first appearance
 * (per kind of record), times as UTC instants, and absent ≡ null ≡ {} ≡ [] for optional members
 * (scenario-format §4: optional fields may be absent).
 */
export function canonicalSnapshot(snapshot: Snapshot): Record<string, unknown[]> {
  const rename = firstAppearanceNames();
  const plain = JSON.parse(JSON.stringify(snapshot)) as Record<
    string,
    Array<Record<string, unknown>>
  >;
  const out: Record<string, unknown[]> = {};
  for (const collection of SNAPSHOT_COLLECTIONS) {
    for (const record of plain[collection] ?? []) {
      if (typeof record['id'] === 'string') record['id'] = rename(collection, record['id']);
      for (const key of Object.keys(record).sort()) {
        const namespace = REFERENCE_COLLECTION[key];
        const value = record[key];
        if (namespace && typeof value === 'string') record[key] = rename(namespace, value);
      }
    }
  }
  for (const collection of SNAPSHOT_COLLECTIONS) {
    out[collection] = (plain[collection] ?? []).map((record) => {
      const clean: Record<string, unknown> = {};
      for (const key of Object.keys(record).sort()) {
        let value = record[key];
        if (typeof value === 'string' && ISO_TIME.test(value))
          value = new Date(value).toISOString();
        if (isEmpty(value)) continue;
        clean[key] = value;
      }
      return clean;
    });
  }
  return out;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

const IdMapSchema = z.record(z.string(), z.number());
const IdsSchema = z.looseObject({
  users: IdMapSchema,
  customers: IdMapSchema,
  orders: IdMapSchema,
});

export interface EmulatorHandle {
  readonly baseUrl: string;
  readonly connection: unknown;
}

/**
 * Seeds the emulator with the scenario's `crm_state`, links the employees to
 * the native ids their CRM users were given, runs the scenario through the
 * adapter, and returns the snapshot read back.
 */
export async function runOnEmulator(
  scenario: Scenario,
  emulator: EmulatorHandle,
): Promise<Snapshot> {
  const timezone = scenario.settings.timezone;
  const put = await fetch(
    `${emulator.baseUrl}/_emulator/state?timezone=${encodeURIComponent(timezone)}`,
    {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(scenario.crmState),
    },
  );
  if (put.status !== 204)
    throw new Error(`seeding the emulator failed: ${put.status} ${await put.text()}`);
  const ids = IdsSchema.parse(await (await fetch(`${emulator.baseUrl}/_emulator/ids`)).json());
  const employees = scenario.employees.map((employee) => {
    const native = employee.crmUserId === undefined ? undefined : ids.users[employee.crmUserId];
    return native === undefined ? employee : { ...employee, crmUserId: String(native) };
  });
  const adapter = createRetailcrmAdapter(emulator.connection, {
    texts: fitTexts(scenario.settings.language),
    defaultCountry: scenario.settings.defaultCountry,
    timezone,
    ratePerSec: 10_000,
  });
  const { crm_state } = await simulateWith(
    { ...scenario, employees },
    onEmulator(adapter, emulator.baseUrl, timezone),
  );
  return crm_state;
}

/** Both sides of the comparison, canonical: expect `actual` to equal `expected`. */
export async function compareWithMemory(
  scenario: Scenario,
  emulator: EmulatorHandle,
): Promise<{ expected: Record<string, unknown[]>; actual: Record<string, unknown[]> }> {
  const expected = canonicalSnapshot((await simulate(scenario)).crm_state);
  const actual = canonicalSnapshot(await runOnEmulator(scenario, emulator));
  return { expected, actual };
}
