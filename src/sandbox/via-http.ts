import { z } from 'zod';
import type { CrmId } from '../domain/crm-id.js';
import type { JournalEntry } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import type { Snapshot } from '../domain/snapshot.js';
import type { CrmPort } from '../crm/port.js';
import { startPipedriveEmulator } from '../../emulators/pipedrive/index.js';
import { startRetailcrmEmulator } from '../../emulators/retailcrm/index.js';
import { startSalesforceEmulator } from '../../emulators/salesforce/index.js';
import { startZohoEmulator } from '../../emulators/zoho/index.js';
import { preparePipedriveRun } from './pipedrive.js';
import { prepareRetailcrmRun } from './retailcrm.js';
import { prepareSalesforceRun } from './salesforce.js';
import { prepareZohoRun } from './zoho.js';
import { fitTexts } from '../crm/capabilities.js';
import { simulateWith, type SimulationResult } from './simulate.js';

// `simulate --via http` (scenario-format §1, issue 4 item 5): the scenario runs
// through the CRM's real adapter against its emulator, started in-process on a
// loopback port, and the snapshot is read back from the emulator.

export interface EmulatorAddress {
  readonly baseUrl: string;
  readonly connection: unknown;
}

/** Collections whose seeded records the emulators give native ids (service.md §7). */
export type SeededCollection = 'users' | 'contacts' | 'leads' | 'deals' | 'organizations';
/** Neutral id (as in `crm_state`) → native id, per collection, after `PUT /_emulator/state`. */
export type SeededIds = Partial<Record<SeededCollection, Readonly<Record<string, string>>>>;

/** What a CRM's `via-http.ts` hands back: the emulator seeded and set up as a user would, and the adapter on it. */
export interface PreparedRun {
  readonly port: CrmPort;
  readonly seeded: SeededIds;
}

export type PrepareRun = (scenario: Scenario, emulator: EmulatorAddress) => Promise<PreparedRun>;

interface ViaHttpDriver {
  start(): Promise<EmulatorAddress & { close(): Promise<void> }>;
  prepare: PrepareRun;
}

// The emulators' rate limits have tests of their own; a simulation replays in
// milliseconds what real traffic spreads over minutes, so they are opened wide.
const DRIVERS = {
  zoho: {
    start: () => startZohoEmulator({ maxConcurrent: 1_000, creditsPerDay: 10_000_000 }),
    prepare: prepareZohoRun,
  },
  retailcrm: {
    start: () => startRetailcrmEmulator({ ratePerSec: 100_000, telephonyRatePerSec: 100_000 }),
    prepare: prepareRetailcrmRun,
  },
  pipedrive: {
    start: () => startPipedriveEmulator({ burstPer2s: 100_000 }),
    prepare: preparePipedriveRun,
  },
  salesforce: {
    start: () => startSalesforceEmulator({ dailyLimit: 10_000_000 }),
    prepare: prepareSalesforceRun,
  },
} as const satisfies Record<CrmId, ViaHttpDriver>;

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
  const emulator = await DRIVERS[scenario.crm].start();
  try {
    const { port, seeded } = await DRIVERS[scenario.crm].prepare(scenario, emulator);
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

async function control(baseUrl: string, method: 'GET' | 'DELETE', path: string): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, { method });
  if (!response.ok)
    throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** Employees name their CRM users by `crm_state` ids; in the API those users have native ids. */
function withNativeUsers(scenario: Scenario, seeded: SeededIds): Scenario {
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
 * journal's operations, and texts ("Also concerns: contact 5", "Legs: 7 120s").
 * Those are turned back, so the output speaks the scenario's ids throughout.
 */
function seededIdsBack(
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

const LINK_LABEL: Record<string, SeededCollection> = {
  contact: 'contacts',
  lead: 'leads',
  deal: 'deals',
};

/**
 * Renames the record ids the fit texts carry (capabilities.ts): the links named
 * on an "Also concerns" line and the users of a "Legs" line, in the project's
 * language. Nothing else in a text is read as an id.
 */
export function renameIdsInText(
  texts: { readonly alsoConcerns: string; readonly legs: string },
  rename: (collection: SeededCollection, id: string) => string,
): (text: string) => string {
  return (text) =>
    text
      .split('\n')
      .map((line) => {
        if (line.startsWith(`${texts.alsoConcerns}: `)) {
          return line.replace(
            /\b(contact|lead|deal) ([^\s,]+)/g,
            (all, label: string, id: string) => {
              const collection = LINK_LABEL[label];
              return collection ? `${label} ${rename(collection, id)}` : all;
            },
          );
        }
        if (line.startsWith(`${texts.legs}: `)) {
          const head = `${texts.legs}: `;
          return (
            head +
            line
              .slice(head.length)
              .replace(
                /([^\s,]+) (\d+s)/g,
                (_all, id: string, talk: string) =>
                  `${id === '?' ? id : rename('users', id)} ${talk}`,
              )
          );
        }
        return line;
      })
      .join('\n');
}
