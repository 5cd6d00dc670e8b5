import { z } from 'zod';
import type { Scenario } from '../domain/scenario.js';
import { fitTexts } from '../crm/capabilities.js';
import type { EmulatorAddress, PreparedRun } from './via-http.js';
import { ensurePipeline, ensureStringField } from '../crm/pipedrive/admin.js';
import { createPipedriveAdapter } from '../crm/pipedrive/adapter.js';

// `simulate --via http` for Pipedrive: the account seeded with crm_state, given
// the text fields the project's field map names (G8) and the pipelines its
// rules route to (G9), as a user prepares them (README), and the adapter on it.

const IdsSchema = z.record(z.string(), z.record(z.string(), z.string()));

export async function preparePipedriveRun(
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
  const port = createPipedriveAdapter(emulator.connection, {
    texts: fitTexts(settings.language),
    defaultCountry: settings.defaultCountry,
    timezone: settings.timezone,
  });
  for (const [entity, map] of Object.entries(settings.fieldMap) as Array<
    ['lead' | 'contact' | 'deal', Record<string, string> | undefined]
  >) {
    for (const name of new Set(Object.values(map ?? {})))
      await ensureStringField(port.client, entity, name);
  }
  for (const rule of settings.pipelineRules) await ensurePipeline(port.client, rule.pipeline);
  return { port, seeded };
}
