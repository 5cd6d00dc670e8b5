import { z } from 'zod';
import { AlertSettingsSchema } from '../../domain/alerts.js';
import { CRM_IDS } from '../../domain/crm-id.js';
import { ACTIONS, CONDITIONS } from '../../domain/matrix.js';
import { EmployeesSchema, PARAMETERS, ProjectSettingsSchema } from '../../domain/project.js';
import { twilio } from '../../sources/twilio/index.js';
import { zadarma } from '../../sources/zadarma/index.js';
import { MemoryConnectionSchema } from '../../crm/memory/index.js';
import { CRMS } from '../../crm/registry.js';
import { WebhookSchema } from '../admin/document.js';
import { allowComments, at, inputJsonSchema, type Json } from './json-schema.js';

// The project document (docs/project.md) as a JSON Schema, generated from the
// zod schemas the service validates with, so an editor completes a project file
// through its "$schema". Served at /v1/schemas/project.json; committed as
// schemas/project.json (npm run docs). Rules that span members (one top
// manager, one field per parameter, allowed hosts) are the service's to check.

export const PROJECT_SCHEMA_ID = 'https://callmatrix.dev/v1/schemas/project.json';

const DocumentInput = z.strictObject({
  $schema: z.string().optional().describe('Where an editor finds this schema.'),
  crm: z.enum(CRM_IDS).describe('The CRM the project writes to (one per project, G7).'),
  project: ProjectSettingsSchema.optional(),
  employees: EmployeesSchema.optional(),
  connection: z
    .union([
      CRMS.zoho.connectionSchema.describe('Zoho CRM'),
      CRMS.retailcrm.connectionSchema.describe('retailCRM'),
      CRMS.salesforce.connectionSchema.describe('Salesforce'),
      CRMS.pipedrive.connectionSchema.describe('Pipedrive'),
      MemoryConnectionSchema.describe('The in-memory CRM, for trying a project out'),
    ])
    .nullable()
    .optional()
    .describe("How to reach the CRM (docs/crm/<crm>.md); secrets are write-only."),
  webhook: WebhookSchema.partial()
    .optional()
    .describe('What the telephony sends to authenticate; generated when left out.'),
  sources: z
    .strictObject({ twilio: twilio.settings.optional(), zadarma: zadarma.settings.optional() })
    .optional()
    .describe('Telephony platforms posting their own formats.'),
  alerts: AlertSettingsSchema.optional().describe(
    'State changes announced to the operator (docs/operations.md, "Alerts and monitoring").',
  ),
});

export function projectJsonSchema(): Json {
  const schema = inputJsonSchema(DocumentInput);
  const settings = at(schema, ['properties', 'project']);
  // zod's records and preprocessed cells lose their key and cell vocabularies: put them back.
  const matrix = (at(settings, ['properties', 'matrix', 'anyOf']) as unknown as Json[]).find(
    (branch) => branch['type'] === 'object',
  );
  if (!matrix) throw new Error('JSON Schema: the matrix is no longer an object');
  const cell = at(matrix, ['additionalProperties', 'items']);
  matrix['propertyNames'] = { enum: [...CONDITIONS] };
  at(matrix, ['additionalProperties'])['items'] = {
    anyOf: [{ type: 'string', enum: [...ACTIONS] }, cell],
  };
  const parameter = {
    anyOf: [{ enum: [...PARAMETERS] }, { type: 'string', pattern: '^form\\..+' }],
  };
  for (const entity of ['lead', 'contact', 'deal'])
    at(settings, ['properties', 'fieldMap', 'properties', entity])['propertyNames'] = parameter;
  at(settings, ['properties', 'pipelineRules', 'items', 'properties'])['param'] = parameter;
  allowComments(schema);
  return {
    $schema: schema['$schema'],
    $id: PROJECT_SCHEMA_ID,
    title: 'Callmatrix project document',
    ...schema,
  };
}
