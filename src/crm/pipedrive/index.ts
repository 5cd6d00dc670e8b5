import { mappedTargets } from '../../domain/project.js';
import type { CrmDescriptor } from '../descriptor.js';
import { seededIdsByNeutralName } from '../descriptor.js';
import { pipedrive as profile } from '../../engine/defaults/pipedrive.js';
import { ensurePipeline, ensureStringField } from './admin.js';
import { createPipedriveAdapter, PipedriveAdapter } from './adapter.js';
import { capabilities } from './capabilities.js';
import { ensureKeyFields } from './record-key.js';
import { pipedriveOAuth } from './oauth.js';
import { PipedriveConnectionSchema } from './connection.js';

/**
 * Pipedrive. Before a replay the account gets the text fields the project's
 * field map names (G8), the pipelines its rules route to (G9) and the
 * "Callmatrix key" fields (D13), as a user prepares them (README).
 */
export const pipedrive: CrmDescriptor = {
  id: 'pipedrive',
  name: 'Pipedrive',
  connectionSchema: PipedriveConnectionSchema,
  oauth: pipedriveOAuth,
  domains: ['pipedrive.com'],
  capabilities,
  profile,
  createAdapter: createPipedriveAdapter,
  sandbox: {
    seededIds: seededIdsByNeutralName,
    async prepareAccount(adapter, scenario) {
      if (!(adapter instanceof PipedriveAdapter)) throw new Error('expected the Pipedrive adapter');
      const { settings } = scenario;
      for (const entity of ['lead', 'contact', 'deal'] as const) {
        for (const name of mappedTargets(settings, entity))
          await ensureStringField(adapter.client, entity, name);
      }
      for (const rule of settings.pipelineRules)
        await ensurePipeline(adapter.client, rule.pipeline);
      await ensureKeyFields(adapter.client);
    },
  },
};
