import { mappedTargets } from '../../domain/project.js';
import type { Scenario } from '../../domain/scenario.js';
import type { CrmDescriptor } from '../descriptor.js';
import { seededIdsByNeutralName } from '../descriptor.js';
import { salesforce as profile } from '../../engine/defaults/salesforce.js';
import { createSalesforceAdapter } from './adapter.js';
import { capabilities } from './capabilities.js';
import { salesforceOAuth } from './oauth.js';
import { SalesforceConnectionSchema } from './connection.js';

const ENTITY_TYPE = { lead: 'Lead', contact: 'Contact', deal: 'Opportunity' } as const;

/** The org setup a scenario needs: record types for its pipelines (G9) and its mapped fields (G8). */
export function schemaFor(scenario: Scenario): {
  recordTypes: string[];
  customFields: Record<string, string[]>;
} {
  const recordTypes = new Set<string>(scenario.settings.pipelineRules.map((rule) => rule.pipeline));
  for (const deal of scenario.crmState.deals) if (deal.pipeline) recordTypes.add(deal.pipeline);
  const customFields: Record<string, string[]> = {};
  for (const entity of Object.keys(ENTITY_TYPE) as Array<keyof typeof ENTITY_TYPE>) {
    const fields = mappedTargets(scenario.settings, entity);
    if (fields.length > 0) customFields[ENTITY_TYPE[entity]] = fields;
  }
  return { recordTypes: [...recordTypes], customFields };
}

/**
 * Salesforce. Before a replay the org gets the record types of the project's
 * pipelines (G9) and its mapped custom fields (G8), which a user sets up in
 * Setup (README, "What the user prepares").
 */
export const salesforce: CrmDescriptor = {
  id: 'salesforce',
  name: 'Salesforce',
  connectionSchema: SalesforceConnectionSchema,
  oauth: salesforceOAuth,
  domains: ['salesforce.com', 'force.com', 'cloudforce.com', 'salesforce.mil'],
  capabilities,
  profile,
  createAdapter: createSalesforceAdapter,
  sandbox: {
    emulatorSetup: (scenario) => ({ schema: schemaFor(scenario) }),
    seededIds: seededIdsByNeutralName,
  },
};
