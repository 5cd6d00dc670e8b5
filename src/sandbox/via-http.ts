import { z } from 'zod';
import type { JournalEntry } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import type { Snapshot } from '../domain/snapshot.js';
import { fitTexts, type FitTexts, type LinkName } from '../crm/capabilities.js';
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
      result: seededIdsBack(run, seeded, scenario),
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
 * (service.md §7), but what the adapter wrote names them by native ids: the
 * journal's operations, and the "Also concerns: contact 5" line of a text.
 * Those are turned back, so the output speaks the scenario's ids throughout.
 */
export function seededIdsBack(
  run: SimulationResult,
  seeded: SeededIds,
  scenario: Scenario,
): SimulationResult {
  const back = new Map<string, Map<string, string>>();
  for (const [collection, map] of Object.entries(seeded)) {
    back.set(
      collection,
      new Map(Object.entries(map ?? {}).map(([neutral, native]) => [native, neutral])),
    );
  }
  const rename = (collection: string, id: string): string => back.get(collection)?.get(id) ?? id;
  const text = renameIdsInText(fitTexts(scenario.settings.language), rename);
  const state: Snapshot = {
    ...run.crm_state,
    tasks: run.crm_state.tasks.map((task) =>
      task.description === undefined ? task : { ...task, description: text(task.description) },
    ),
    comments: run.crm_state.comments.map((comment) => ({ ...comment, text: text(comment.text) })),
    calls: run.crm_state.calls.map((call) =>
      call.description === undefined || call.description === null
        ? call
        : { ...call, description: text(call.description) },
    ),
  };
  const journal: JournalEntry[] = run.journal.map((entry) => ({
    ...entry,
    operations: entry.operations.map((operation) => ({
      ...operation,
      id: rename(operation.entity, operation.id),
    })),
  }));
  return { crm_state: state, journal };
}

const LINK_COLLECTION: Record<LinkName, SeededCollection> = {
  contactId: 'contacts',
  leadId: 'leads',
  dealId: 'deals',
};

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Renames the record ids the fit texts carry (capabilities.ts): the links named
 * on an "Also concerns" line, in the project's language. Legs name employees by
 * name, so nothing else in a text is read as an id.
 */
export function renameIdsInText(
  texts: Pick<FitTexts, 'alsoConcerns' | 'links'>,
  rename: (collection: SeededCollection, id: string) => string,
): (text: string) => string {
  const kinds = Object.entries(texts.links) as [LinkName, string][];
  const pattern = new RegExp(
    `(${kinds.map(([, label]) => escape(label)).join('|')}) ([^\\s,]+)`,
    'g',
  );
  return (text) =>
    text
      .split('\n')
      .map((line) => {
        if (!line.startsWith(`${texts.alsoConcerns}: `)) return line;
        return line.replace(pattern, (all, label: string, id: string) => {
          const kind = kinds.find(([, name]) => name === label)?.[0];
          return kind ? `${label} ${rename(LINK_COLLECTION[kind], id)}` : all;
        });
      })
      .join('\n');
}
