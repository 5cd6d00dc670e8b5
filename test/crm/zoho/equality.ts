import type { Scenario } from '../../../src/domain/scenario.js';
import type { JournalEntry } from '../../../src/domain/plan.js';
import { fitTexts } from '../../../src/crm/capabilities.js';
import { simulate, simulateWith, type SimulationResult } from '../../../src/sandbox/simulate.js';
import { createZohoAdapter } from '../../../src/crm/zoho/adapter.js';
import { onEmulator } from '../../../src/sandbox/emulator-snapshot.js';
import {
  RECORD_COLLECTIONS,
  REFERENCE_COLLECTION,
  type RecordCollection,
} from '../../support/snapshot-canon.js';

// D12's equality goal for Zoho: a scenario run through the adapter against the
// emulator (seeded with its crm_state) prints the same neutral snapshot as
// plain `simulate`, up to record ids. Exported for the catalogue run.

export interface EmulatorHandle {
  readonly baseUrl: string;
  readonly connection: unknown;
}

/**
 * Seeds the emulator with the scenario's crm_state and runs the scenario
 * through the Zoho adapter. Employees' CRM users are the scenario's user ids;
 * in the API they are native Zoho ids (service.md §7), so they are looked up
 * through the emulator's `/_emulator/ids` and the snapshot maps them back.
 */
export async function simulateOnEmulator(
  scenario: Scenario,
  emulator: EmulatorHandle,
): Promise<{ result: SimulationResult; aliases: ReadonlyMap<string, string> }> {
  const put = await fetch(`${emulator.baseUrl}/_emulator/state`, {
    method: 'PUT',
    body: JSON.stringify(scenario.crmState),
    headers: { 'content-type': 'application/json' },
  });
  if (put.status !== 204)
    throw new Error(`PUT /_emulator/state: HTTP ${put.status} ${await put.text()}`);
  const ids = (await (await fetch(`${emulator.baseUrl}/_emulator/ids`)).json()) as Record<
    string,
    Record<string, string> | undefined
  >;
  const users = new Map(Object.entries(ids['users'] ?? {}));
  const translated: Scenario = {
    ...scenario,
    employees: scenario.employees.map((employee) =>
      employee.crmUserId && users.has(employee.crmUserId)
        ? { ...employee, crmUserId: users.get(employee.crmUserId) ?? employee.crmUserId }
        : employee,
    ),
  };
  const { settings } = scenario;
  const adapter = createZohoAdapter(emulator.connection, {
    defaultCountry: settings.defaultCountry,
    timezone: settings.timezone,
    texts: fitTexts(settings.language),
  });
  const result = await simulateWith(
    translated,
    onEmulator(adapter, emulator.baseUrl, settings.timezone),
  );
  // Native id → the crm_state's id, for ids the API showed the adapter (journal, texts such as legs).
  const back = new Map<string, string>();
  for (const map of Object.values(ids))
    for (const [neutral, native] of Object.entries(map ?? {})) back.set(native, neutral);
  return { result, aliases: back };
}

export interface Comparison {
  readonly equal: boolean;
  readonly expected: unknown;
  readonly actual: unknown;
}

/** Runs the scenario both ways and compares the canonical forms. */
export async function compareWithMemory(
  scenario: Scenario,
  emulator: EmulatorHandle,
): Promise<Comparison> {
  const expected = await simulate(scenario);
  const { result, aliases } = await simulateOnEmulator(scenario, emulator);
  const canonicalExpected = canonical(expected, new Map());
  const canonicalActual = canonical(result, aliases);
  const apiUser = scenario.crmState.users[0]?.id;
  if (apiUser !== undefined)
    acceptDefaultOwner(canonicalExpected.crm_state, canonicalActual.crm_state, `users#${apiUser}`);
  return {
    equal: JSON.stringify(canonicalExpected) === JSON.stringify(canonicalActual),
    expected: canonicalExpected,
    actual: canonicalActual,
  };
}

/**
 * The one storage rule of Zoho that the neutral model does not carry: every
 * record has an owner, and one written without an owner belongs to the
 * connection's user (crm-apis.md §1.5; the emulator's first user). Where the
 * in-memory CRM keeps no owner, the Zoho side may show that user and no other.
 */
function acceptDefaultOwner(expected: unknown, actual: unknown, apiUser: string): void {
  const lists = (state: unknown): Record<string, Array<Record<string, unknown>>> =>
    state as Record<string, Array<Record<string, unknown>>>;
  for (const [collection, records] of Object.entries(lists(actual))) {
    const before = lists(expected)[collection] ?? [];
    records.forEach((record, index) => {
      const expectedRecord = before[index];
      if (!expectedRecord) return;
      for (const field of ['ownerId', 'userId', 'assigneeId']) {
        if (record[field] === apiUser && expectedRecord[field] === undefined) delete record[field];
      }
    });
  }
}

type Collection = RecordCollection;

/**
 * The comparable form of a run: record ids replaced by `collection#n` in order
 * of first appearance (in the snapshot lists, and wherever they recur: links,
 * texts, journal), `null` and empty objects dropped (absent and empty say the
 * same), and a call's `startedAt` compared as an instant.
 */
export function canonical(
  run: SimulationResult,
  aliases: ReadonlyMap<string, string>,
): { crm_state: unknown; journal: unknown } {
  const snapshot = run.crm_state;
  const names = new Map<string, string>();
  for (const user of snapshot.users) names.set(`users:${user.id}`, `users#${user.id}`);
  for (const collection of RECORD_COLLECTIONS) {
    snapshot[collection].forEach((record, index) =>
      names.set(`${collection}:${record.id}`, `${collection}#${index + 1}`),
    );
  }
  const byId = new Map<string, string>();
  for (const [key, name] of names) byId.set(key.slice(key.indexOf(':') + 1), name);
  for (const [native, neutral] of aliases) {
    const name = byId.get(neutral);
    if (name) byId.set(native, name);
  }
  const ref = (collection: Collection | 'users', id: string): string => {
    const resolved = aliases.get(id) ?? id;
    return names.get(`${collection}:${resolved}`) ?? `${collection}?${resolved}`;
  };
  const pattern =
    byId.size > 0
      ? new RegExp(
          `\\b(${[...byId.keys()]
            .sort((a, b) => b.length - a.length)
            .map(escapeRegExp)
            .join('|')})\\b`,
          'g',
        )
      : null;
  const inText = (text: string): string =>
    pattern ? text.replace(pattern, (id) => byId.get(id) ?? id) : text;

  const clean = (value: unknown, key: string, collection: Collection | 'users'): unknown => {
    if (value === null || value === undefined) return undefined;
    if (Array.isArray(value)) return value.map((item) => clean(item, '', collection));
    if (typeof value === 'object') {
      const out: Record<string, unknown> = {};
      // Keys sorted: the order fields are written in is no content.
      for (const [k, v] of Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) {
        const cleaned = clean(v, k, collection);
        if (cleaned !== undefined) out[k] = cleaned;
      }
      return Object.keys(out).length > 0 || key === '' ? out : undefined;
    }
    if (typeof value !== 'string') return value;
    if (key === 'id') return ref(collection, value);
    const target = REFERENCE_COLLECTION[key];
    if (target) return ref(target, value);
    if (key === 'startedAt') return new Date(value).toISOString();
    return inText(value);
  };
  const state: Record<string, unknown> = {
    users: snapshot.users.map((user) => ({ id: `users#${user.id}`, name: user.name })),
  };
  for (const collection of RECORD_COLLECTIONS)
    state[collection] = snapshot[collection].map((record) => clean(record, '', collection));
  state['notifications'] = snapshot.notifications.map((record) => clean(record, '', 'users'));
  const journal = run.journal.map((entry: JournalEntry) => ({
    eventId: entry.eventId,
    outcome: entry.outcome,
    conditions: entry.conditions,
    ...(entry.outcome !== 'failed' && entry.reason !== undefined && { reason: entry.reason }),
    operations: entry.operations.map((operation) => ({
      op: operation.op,
      entity: operation.entity,
      id: operation.entity === 'notifications' ? 'n' : ref(operation.entity, operation.id),
    })),
    ...(entry.skipped && { skipped: entry.skipped }),
  }));
  return { crm_state: state, journal };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
