import { z } from 'zod';
import type { JournalEntry } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import { fitTexts } from '../crm/capabilities.js';
import type { CrmAdapter, SeededCollection, SeededIds } from '../crm/descriptor.js';
import type { Snapshotting } from '../crm/snapshotting.js';
import { CRMS } from '../crm/registry.js';
import { onEmulator } from './emulator-snapshot.js';
import { EMULATORS } from './emulators.js';
import { simulateWith, type SimulationResult } from './simulate.js';

// `simulate --via http` (scenario-format §1, issue 4 item 5): the scenario runs
// through the CRM's real adapter against its emulator, started in-process on a
// loopback port, and the snapshot is read back from the emulator. What differs
// per CRM is in its descriptor's `sandbox` (src/crm/<crm>/index.ts).

export type { SeededCollection, SeededIds };

export interface EmulatorAddress {
  readonly baseUrl: string;
  readonly connection: unknown;
}

/** The emulator seeded and set up as a user would, and the adapter on it (its content read from the emulator). */
export interface PreparedRun {
  readonly port: CrmAdapter & Snapshotting;
  readonly seeded: SeededIds;
}

/** Seeds the emulator with the scenario's crm_state, prepares the account, and builds the adapter on it. */
export async function prepareRun(
  scenario: Scenario,
  emulator: EmulatorAddress,
): Promise<PreparedRun> {
  const crm = CRMS[scenario.crm];
  const { sandbox } = crm;
  const { settings } = scenario;
  const query = new URLSearchParams(sandbox.seedQuery?.(scenario) ?? {}).toString();
  await control(
    emulator.baseUrl,
    'PUT',
    `/_emulator/state${query ? `?${query}` : ''}`,
    scenario.crmState,
  );
  for (const [path, body] of Object.entries(sandbox.emulatorSetup?.(scenario) ?? {}))
    await control(emulator.baseUrl, 'PUT', `/_emulator/${path}`, body);
  const seeded = sandbox.seededIds(await control(emulator.baseUrl, 'GET', '/_emulator/ids'));
  const adapter = crm.createAdapter(emulator.connection, {
    texts: fitTexts(settings.language),
    defaultCountry: settings.defaultCountry,
    timezone: settings.timezone,
    ...sandbox.replayOptions,
  });
  await sandbox.prepareAccount?.(adapter, scenario);
  const port = onEmulator(adapter, emulator.baseUrl, settings.timezone);
  return { port, seeded };
}

export interface RequestCounts {
  readonly total: number;
  /** `METHOD /route/pattern` → requests, as the emulator counts them. */
  readonly byRoute: Record<string, number>;
}

export interface ViaHttpRun {
  readonly result: SimulationResult;
  /** CRM API requests made while the events ran (the preparation, done once per account, not included). */
  readonly requests: RequestCounts;
}

const RequestCountsSchema = z.looseObject({
  total: z.number().int().nonnegative(),
  byRoute: z.record(z.string(), z.number().int().nonnegative()),
});

/** Runs the scenario through its own CRM's adapter against a fresh in-process emulator. */
export async function runViaHttp(scenario: Scenario): Promise<ViaHttpRun> {
  const emulator = await EMULATORS[scenario.crm].replay();
  try {
    const { port, seeded } = await prepareRun(scenario, emulator);
    await control(emulator.baseUrl, 'DELETE', '/_emulator/requests');
    const run = await simulateWith(withNativeUsers(scenario, seeded), port);
    const requests = RequestCountsSchema.parse(
      await control(emulator.baseUrl, 'GET', '/_emulator/requests'),
    );
    return {
      result: seededIdsBack(run, seeded),
      requests: { total: requests.total, byRoute: requests.byRoute },
    };
  } finally {
    await emulator.close();
  }
}

async function control(
  baseUrl: string,
  method: 'GET' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    ...(body !== undefined && {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** Employees name their CRM users by `crm_state` ids; in the API those users have native ids. */
export function withNativeUsers(scenario: Scenario, seeded: SeededIds): Scenario {
  const users = seeded.users ?? {};
  return {
    ...scenario,
    employees: scenario.employees.map((employee) => {
      const native = employee.crmUserId === undefined ? undefined : users[employee.crmUserId];
      return native === undefined ? employee : { ...employee, crmUserId: native };
    }),
  };
}

/**
 * The emulator's snapshot shows seeded records by their `crm_state` ids
 * (service.md §7), but the journal's operations name them by the native ids
 * the adapter wrote: those are turned back, so the output speaks the
 * scenario's ids throughout. (Texts name no record by id: capabilities.ts.)
 */
export function seededIdsBack(run: SimulationResult, seeded: SeededIds): SimulationResult {
  const back = new Map<string, Map<string, string>>();
  for (const [collection, map] of Object.entries(seeded)) {
    back.set(
      collection,
      new Map(Object.entries(map ?? {}).map(([neutral, native]) => [native, neutral])),
    );
  }
  const rename = (collection: string, id: string): string => back.get(collection)?.get(id) ?? id;
  const journal: JournalEntry[] = run.journal.map((entry) => ({
    ...entry,
    operations: entry.operations.map((operation) => ({
      ...operation,
      id: rename(operation.entity, operation.id),
    })),
  }));
  return { crm_state: run.crm_state, journal };
}
