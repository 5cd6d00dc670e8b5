import { z } from 'zod';
import type { Scenario } from '../../domain/scenario.js';
import { fitTexts } from '../../cli/simulate.js';
import type { EmulatorAddress, PreparedRun } from '../../cli/via-http.js';
import { createSalesforceAdapter } from './adapter.js';
import { schemaFor } from './equality.js';

// `simulate --via http` for Salesforce: the org seeded with crm_state, given the
// record types of the project's pipelines (G9) and its mapped custom fields (G8)
// as a user sets them up (README, "What the user prepares"), and the adapter on it.

const IdsSchema = z.record(z.string(), z.record(z.string(), z.string()));

async function put(baseUrl: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`PUT ${path}: HTTP ${response.status} ${await response.text()}`);
}

export async function prepareSalesforceRun(
  scenario: Scenario,
  emulator: EmulatorAddress,
): Promise<PreparedRun> {
  await put(emulator.baseUrl, '/_emulator/state', scenario.crmState);
  await put(emulator.baseUrl, '/_emulator/schema', schemaFor(scenario));
  const seeded = IdsSchema.parse(await (await fetch(`${emulator.baseUrl}/_emulator/ids`)).json());
  const { settings } = scenario;
  const port = createSalesforceAdapter(emulator.connection, {
    texts: fitTexts(settings.language),
    defaultCountry: settings.defaultCountry,
    timezone: settings.timezone,
  });
  return { port, seeded };
}
