import { z } from 'zod';
import type { Scenario } from '../domain/scenario.js';
import { fitTexts } from '../crm/capabilities.js';
import type { EmulatorAddress, PreparedRun } from './via-http.js';
import { createSalesforceAdapter } from '../crm/salesforce/adapter.js';

// `simulate --via http` for Salesforce: the org seeded with crm_state, given the
// record types of the project's pipelines (G9) and its mapped custom fields (G8)
// as a user sets them up (README, "What the user prepares"), and the adapter on it.

const IdsSchema = z.record(z.string(), z.record(z.string(), z.string()));

const ENTITY_TYPE = { lead: 'Lead', contact: 'Contact', deal: 'Opportunity' } as const;

/** The org setup a scenario needs: record types for its pipelines (G9) and its mapped fields (G8). */
export function schemaFor(scenario: Scenario): {
  recordTypes: string[];
  customFields: Record<string, string[]>;
} {
  const recordTypes = new Set<string>(scenario.settings.pipelineRules.map((rule) => rule.pipeline));
  for (const deal of scenario.crmState.deals) if (deal.pipeline) recordTypes.add(deal.pipeline);
  const customFields: Record<string, string[]> = {};
  for (const [entity, map] of Object.entries(scenario.settings.fieldMap) as Array<
    [keyof typeof ENTITY_TYPE, Record<string, string> | undefined]
  >) {
    customFields[ENTITY_TYPE[entity]] = Object.values(map ?? {});
  }
  return { recordTypes: [...recordTypes], customFields };
}

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
