import { z } from 'zod';
import type { Scenario } from '../domain/scenario.js';
import { fitTexts } from '../crm/capabilities.js';
import type { EmulatorAddress, PreparedRun } from './via-http.js';
import { createZohoAdapter } from '../crm/zoho/adapter.js';

// `simulate --via http` for Zoho: the emulator seeded with crm_state, and the
// adapter on it. Zoho needs nothing prepared beyond the seed: the emulator
// keeps a mapped field it has no metadata for as a custom text field, and adds
// a pipeline a deal names (README, UNVERIFIED choices).

const IdsSchema = z.record(z.string(), z.record(z.string(), z.string()));

export async function prepareZohoRun(
  scenario: Scenario,
  emulator: EmulatorAddress,
): Promise<PreparedRun> {
  const put = await fetch(`${emulator.baseUrl}/_emulator/state`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(scenario.crmState),
  });
  if (put.status !== 204)
    throw new Error(`PUT /_emulator/state: HTTP ${put.status} ${await put.text()}`);
  const seeded = IdsSchema.parse(await (await fetch(`${emulator.baseUrl}/_emulator/ids`)).json());
  const { settings } = scenario;
  const port = createZohoAdapter(emulator.connection, {
    defaultCountry: settings.defaultCountry,
    timezone: settings.timezone,
    texts: fitTexts(settings.language),
  });
  return { port, seeded };
}
