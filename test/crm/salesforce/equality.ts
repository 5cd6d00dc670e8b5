import { simulate, simulateWith, type SimulationResult } from '../../../src/sandbox/simulate.js';
import { fitTexts } from '../../../src/crm/capabilities.js';
import type { Scenario } from '../../../src/domain/scenario.js';
import type { Snapshot } from '../../../src/domain/snapshot.js';
import { createSalesforceAdapter } from '../../../src/crm/salesforce/adapter.js';
import { schemaFor } from '../../../src/crm/salesforce/index.js';
import { onEmulator } from '../../../src/sandbox/emulator-snapshot.js';
import {
  firstAppearanceNames,
  REFERENCE_COLLECTION,
  SNAPSHOT_COLLECTIONS,
  TIME_FIELDS,
} from '../../support/snapshot-canon.js';

// D12's equality goal: a scenario run through the adapter against the
// emulator prints the same neutral snapshot, up to record ids, as the
// in-memory CRM. Reusable for the whole catalogue.

export interface EmulatorHandle {
  readonly baseUrl: string;
  readonly connection: unknown;
  close(): Promise<void>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The snapshot with every record id replaced by its first-appearance order
 * within its collection, null / absent / empty-object fields made the same
 * (a CRM stores no empty containers), and times as UTC instants.
 */
export function normaliseSnapshot(snapshot: Snapshot): Record<string, Json> {
  const name = firstAppearanceNames();
  const walk = (
    value: unknown,
    collection: string | null,
    key: string | null,
  ): Json | undefined => {
    if (value === null || value === undefined) return undefined;
    if (typeof value === 'string') {
      if (key === 'id' && collection) return name(collection, value);
      const target = key ? REFERENCE_COLLECTION[key] : undefined;
      if (target) return name(target, value);
      if (key && TIME_FIELDS.has(key) && !Number.isNaN(Date.parse(value)))
        return new Date(Date.parse(value)).toISOString();
      return value;
    }
    if (typeof value === 'number' || typeof value === 'boolean') return value;
    if (Array.isArray(value)) return value.map((item) => walk(item, collection, null) ?? null);
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const inner = walk(v, collection, k);
      if (inner === undefined) continue;
      if (
        typeof inner === 'object' &&
        inner !== null &&
        !Array.isArray(inner) &&
        Object.keys(inner).length === 0
      )
        continue;
      out[k] = inner;
    }
    return out;
  };
  const out: Record<string, Json> = {};
  for (const collection of SNAPSHOT_COLLECTIONS) {
    out[collection] = (snapshot[collection] as unknown[]).map(
      (record) => walk(record, collection, null) ?? null,
    );
  }
  return out;
}

async function call(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/**
 * Seeds a running emulator for the scenario, and returns the scenario with
 * its employees' CRM users spelled as the emulator's native user ids.
 */
export async function prepareEmulator(baseUrl: string, scenario: Scenario): Promise<Scenario> {
  await call(baseUrl, 'PUT', '/_emulator/state', scenario.crmState);
  await call(baseUrl, 'PUT', '/_emulator/schema', schemaFor(scenario));
  const ids = (await call(baseUrl, 'GET', '/_emulator/ids')) as Record<
    string,
    Record<string, string> | undefined
  >;
  const users = ids['users'] ?? {};
  return {
    ...scenario,
    employees: scenario.employees.map((e) =>
      e.crmUserId && users[e.crmUserId] ? { ...e, crmUserId: users[e.crmUserId] } : e,
    ),
  };
}

export interface Comparison {
  readonly expected: Record<string, Json>;
  readonly actual: Record<string, Json>;
  readonly memory: SimulationResult;
  readonly viaAdapter: SimulationResult;
}

/** Runs the scenario both ways and returns both snapshots normalised. */
export async function compareWithMemory(
  scenario: Scenario,
  start: () => Promise<EmulatorHandle>,
): Promise<Comparison> {
  const memory = await simulate(scenario);
  const emulator = await start();
  try {
    const prepared = await prepareEmulator(emulator.baseUrl, scenario);
    const adapter = createSalesforceAdapter(emulator.connection, {
      texts: fitTexts(scenario.settings.language),
      defaultCountry: scenario.settings.defaultCountry,
      timezone: scenario.settings.timezone,
    });
    const viaAdapter = await simulateWith(
      prepared,
      onEmulator(adapter, emulator.baseUrl, scenario.settings.timezone),
    );
    return {
      expected: normaliseSnapshot(memory.crm_state),
      actual: normaliseSnapshot(viaAdapter.crm_state),
      memory,
      viaAdapter,
    };
  } finally {
    await emulator.close();
  }
}
