import { z } from 'zod';
import type { Scenario } from '../../../src/domain/scenario.js';
import type { JournalEntry } from '../../../src/domain/plan.js';
import type { Snapshot } from '../../../src/domain/snapshot.js';
import { fitTexts } from '../../../src/crm/capabilities.js';
import { simulate, simulateWith } from '../../../src/sandbox/simulate.js';
import {
  startPipedriveEmulator,
  type PipedriveEmulator,
} from '../../../emulators/pipedrive/index.js';
import { ensurePipeline, ensureStringField } from '../../../src/crm/pipedrive/admin.js';
import {
  createPipedriveAdapter,
  type PipedriveAdapter,
} from '../../../src/crm/pipedrive/adapter.js';
import { onEmulator } from '../../../src/sandbox/emulator-snapshot.js';
import {
  firstAppearanceNames,
  REFERENCE_COLLECTION,
  SNAPSHOT_COLLECTIONS,
  TIME_FIELDS,
} from '../../support/snapshot-canon.js';

// D12: a scenario run through the Pipedrive adapter against the emulator must
// print the same neutral snapshot, up to record ids, as `simulate` on the
// in-memory CRM. Reusable for the whole catalogue.

/**
 * The snapshot with ids replaced by their first-appearance order (per
 * collection), absent / null / empty values dropped, and times as UTC instants
 * to the second (both sides print the same instant; the in-memory CRM keeps
 * an event's own spelling of it).
 */
export function canonicalSnapshot(snapshot: Snapshot): Record<string, unknown[]> {
  const alias = firstAppearanceNames();
  const clean = (value: unknown, collection: string, field: string | null): unknown => {
    if (value === null || value === undefined) return undefined;
    if (typeof value === 'string') {
      if (field === 'id') return alias(collection, value);
      const target = field ? REFERENCE_COLLECTION[field] : undefined;
      if (target) return alias(target, value);
      if (field && TIME_FIELDS.has(field))
        return new Date(Math.floor(Date.parse(value) / 1000) * 1000).toISOString();
      return value;
    }
    if (Array.isArray(value)) {
      const items = value
        .map((item) => clean(item, collection, field))
        .filter((item) => item !== undefined);
      return items.length > 0 ? items : undefined;
    }
    if (typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) {
        const cleaned = clean(item, collection, key);
        if (cleaned !== undefined) out[key] = cleaned;
      }
      return Object.keys(out).length > 0 ? out : undefined;
    }
    return value;
  };
  const out: Record<string, unknown[]> = {};
  // Records first in list order (ids take their numbers there), references after.
  for (const collection of SNAPSHOT_COLLECTIONS)
    for (const record of snapshot[collection]) if ('id' in record) alias(collection, record.id);
  for (const collection of SNAPSHOT_COLLECTIONS) {
    out[collection] = (snapshot[collection] as unknown[]).map(
      (record) => clean(record, collection, null) ?? {},
    );
  }
  return out;
}

/** The journal without record ids (an adapter's ids are its own). */
export function canonicalJournal(journal: readonly JournalEntry[]): unknown[] {
  return journal.map((entry) => ({
    ...entry,
    operations: entry.operations.map(({ op, entity }) => ({ op, entity })),
  }));
}

const IdsSchema = z.record(z.string(), z.record(z.string(), z.string()));

export interface EqualityRun {
  readonly memory: { readonly crm_state: Snapshot; readonly journal: JournalEntry[] };
  readonly pipedrive: { readonly crm_state: Snapshot; readonly journal: JournalEntry[] };
}

/**
 * Runs the scenario both ways. The emulator is seeded with `crm_state`; the
 * employees' CRM user ids are translated to the emulator's native ids, and the
 * project's mapped fields and routed pipelines are created first, as a user
 * prepares them in a real account (README).
 */
export async function runBothWays(
  scenario: Scenario,
  emulator?: PipedriveEmulator,
): Promise<EqualityRun> {
  // The burst limit has its own test; here it would only slow the run down.
  const emu = emulator ?? (await startPipedriveEmulator({ burstPer2s: 100_000 }));
  try {
    await seed(emu, scenario.crmState);
    // User ids reach texts (a call log's legs line), so both runs use Pipedrive's integer user ids.
    const users =
      IdsSchema.parse(await (await fetch(`${emu.baseUrl}/_emulator/ids`)).json())['users'] ?? {};
    const native = withUserIds(scenario, users);
    await seed(emu, native.crmState);
    const { settings } = native;
    const adapter: PipedriveAdapter = createPipedriveAdapter(emu.connection, {
      texts: fitTexts(settings.language),
      defaultCountry: settings.defaultCountry,
      timezone: settings.timezone,
    });
    for (const [entity, map] of Object.entries(settings.fieldMap) as Array<
      ['lead' | 'contact' | 'deal', Record<string, string> | undefined]
    >) {
      for (const name of new Set(Object.values(map ?? {})))
        await ensureStringField(adapter.client, entity, name);
    }
    for (const rule of settings.pipelineRules) await ensurePipeline(adapter.client, rule.pipeline);
    const memory = await simulate(native);
    const pipedrive = await simulateWith(
      native,
      onEmulator(adapter, emu.baseUrl, settings.timezone),
    );
    return { memory, pipedrive };
  } finally {
    if (!emulator) await emu.close();
  }
}

async function seed(emu: PipedriveEmulator, state: Snapshot): Promise<void> {
  const put = await fetch(`${emu.baseUrl}/_emulator/state`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(state),
  });
  if (put.status !== 204)
    throw new Error(`seeding the emulator failed: HTTP ${put.status} ${await put.text()}`);
}

/** The scenario with every CRM user id (users, owners, assignees, employees) replaced as `users` maps it. */
export function withUserIds(scenario: Scenario, users: Readonly<Record<string, string>>): Scenario {
  const map = (id: string | null | undefined): string | null | undefined =>
    id ? (users[id] ?? id) : id;
  const s = scenario.crmState;
  const crmState: Snapshot = {
    ...s,
    users: s.users.map((u) => ({ ...u, id: map(u.id) ?? u.id })),
    contacts: s.contacts.map((r) => ({ ...r, ownerId: map(r.ownerId) })),
    leads: s.leads.map((r) => ({ ...r, ownerId: map(r.ownerId) })),
    deals: s.deals.map((r) => ({ ...r, ownerId: map(r.ownerId) })),
    organizations: s.organizations.map((r) => ({ ...r, ownerId: map(r.ownerId) })),
    tasks: s.tasks.map((r) => ({ ...r, assigneeId: map(r.assigneeId) })),
    calls: s.calls.map((r) => ({
      ...r,
      userId: map(r.userId),
      ...(r.legs && { legs: r.legs.map((leg) => ({ ...leg, userId: map(leg.userId) ?? null })) }),
    })),
    notifications: s.notifications.map((n) => ({ ...n, userId: map(n.userId) ?? n.userId })),
  };
  const employees = scenario.employees.map((e) =>
    e.crmUserId ? { ...e, crmUserId: map(e.crmUserId) ?? e.crmUserId } : e,
  );
  return { ...scenario, crmState, employees };
}
