import { z } from 'zod';
import type { Scenario } from '../domain/scenario.js';
import { fitTexts } from '../crm/capabilities.js';
import type { EmulatorAddress, PreparedRun } from './via-http.js';
import { createRetailcrmAdapter } from '../crm/retailcrm/adapter.js';

// `simulate --via http` for retailCRM: the account seeded with crm_state in the
// project's timezone (due times and call dates are local to the account), and
// the adapter on it. Custom fields and order types need no preparation: the
// emulator accepts the codes it is sent.

const IdMapSchema = z.record(z.string(), z.number());
const IdsSchema = z.looseObject({
  users: IdMapSchema,
  customers: IdMapSchema,
  corporates: IdMapSchema.optional(),
  orders: IdMapSchema,
});

const asStrings = (map: Record<string, number>): Record<string, string> =>
  Object.fromEntries(Object.entries(map).map(([neutral, native]) => [neutral, String(native)]));

export async function prepareRetailcrmRun(
  scenario: Scenario,
  emulator: EmulatorAddress,
): Promise<PreparedRun> {
  const { settings } = scenario;
  const put = await fetch(
    `${emulator.baseUrl}/_emulator/state?timezone=${encodeURIComponent(settings.timezone)}`,
    {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(scenario.crmState),
    },
  );
  if (put.status !== 204)
    throw new Error(`PUT /_emulator/state: HTTP ${put.status} ${await put.text()}`);
  const ids = IdsSchema.parse(await (await fetch(`${emulator.baseUrl}/_emulator/ids`)).json());
  const port = createRetailcrmAdapter(emulator.connection, {
    texts: fitTexts(settings.language),
    defaultCountry: settings.defaultCountry,
    timezone: settings.timezone,
    // A simulation replays in milliseconds; the client's pacing (10/s, §3.9) would only slow it down.
    ratePerSec: 100_000,
  });
  // Customers are contacts, corporate customers organizations, orders deals (scenario-format §4).
  return {
    port,
    seeded: {
      users: asStrings(ids.users),
      contacts: asStrings(ids.customers),
      organizations: asStrings(ids.corporates ?? {}),
      deals: asStrings(ids.orders),
    },
  };
}
