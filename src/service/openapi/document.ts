import { z } from 'zod';
import { CRM_IDS } from '../../domain/crm-id.js';
import { EmployeesSchema, MatrixSchema, ProjectSettingsSchema } from '../../domain/project.js';
import { ActivateBodySchema, PARTS } from '../admin/contracts.js';
import { WebhookSchema } from '../admin/document.js';

// The OpenAPI 3.1 document served at GET /v1/openapi.json (service.md intro):
// every path of service.md, the admin API's and the ingest / ops paths alike.
// Request schemas come from the same zod schemas the routes parse with.

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): Json {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
}

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json): Json => ({ content: { 'application/json': { schema } } });
const problem = (description: string): Json => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});
const ok = (description: string, schema: Json = { type: 'object' }): Json => ({
  description,
  ...json(schema),
});
const noContent = { description: 'Done, no body' };

const projectParam = {
  name: 'project',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' },
};
const eventParam = { name: 'eventId', in: 'path', required: true, schema: { type: 'string' } };
const query = (name: string, schema: Json, required = false): Json => ({
  name,
  in: 'query',
  required,
  schema,
});

const ADMIN = [{ apiKey: [] }];
const INGEST = [{ webhookToken: [] }, { standardWebhooks: [] }];
const ROUTING = [{ webhookToken: [] }, { standardWebhooks: [] }, { apiKey: [] }];

const adminErrors = {
  '401': problem('Missing or unknown key'),
  '403': problem('A project key on an operator-only endpoint'),
  '404': problem("Unknown project (or another project's)"),
};

function op(summary: string, security: Json[], responses: Json, extra: Json = {}): Json {
  return {
    summary,
    security,
    responses: {
      ...responses,
      ...(security === ADMIN
        ? adminErrors
        : { '401': problem('Wrong token, bad signature or unknown project') }),
    },
    ...extra,
  };
}

function partPaths(): Json {
  const paths: Json = {};
  for (const part of PARTS) {
    paths[`/v1/projects/{project}/${part}`] = {
      parameters: [projectParam],
      get: op(`The project's ${part}`, ADMIN, { '200': ok(part) }),
      put: op(
        `Replace the project's ${part}, validated as in the document`,
        ADMIN,
        { '200': ok(part), '422': problem('Invalid part') },
        { requestBody: json({}) },
      ),
      ...(part === 'matrix' && {
        delete: op("Reset the matrix to the CRM's default", ADMIN, { '204': noContent }),
      }),
    };
  }
  return paths;
}

export function openApiDocument(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Callmatrix',
      version: '0.1.0',
      description:
        'Telephony and call tracking to a CRM through a testable integration matrix (service.md).',
    },
    paths: {
      '/healthz': {
        get: {
          summary: 'The process runs',
          security: [],
          responses: { '200': { description: 'Alive' } },
        },
      },
      '/readyz': {
        get: {
          summary: 'The store is migrated and reachable',
          security: [],
          responses: { '200': { description: 'Ready' }, '503': { description: 'Not ready' } },
        },
      },
      '/metrics': {
        get: {
          summary: 'Prometheus text',
          security: [],
          responses: { '200': { description: 'Metrics', content: { 'text/plain': {} } } },
        },
      },
      '/v1/openapi.json': {
        get: { summary: 'This document', security: [], responses: { '200': ok('OpenAPI 3.1') } },
      },
      '/v1/schemas/project.json': {
        get: {
          summary: 'JSON Schema of the project document, for editors ("$schema")',
          security: [],
          responses: { '200': ok('JSON Schema draft 2020-12') },
        },
      },
      '/v1/schemas/events.json': {
        get: {
          summary: 'JSON Schema of the ingest body: one event or an array of events',
          security: [],
          responses: { '200': ok('JSON Schema draft 2020-12') },
        },
      },
      '/v1/projects/{project}': {
        parameters: [projectParam],
        put: op(
          'Create or replace the project document (operator)',
          ADMIN,
          {
            '200': ok('Replaced', ref('ProjectDocument')),
            '201': ok('Created', ref('ProjectDocument')),
            '409': problem('Changed meanwhile'),
            '422': problem('Invalid document, nothing stored'),
          },
          { requestBody: json(ref('ProjectDocument')) },
        ),
        get: op('The project document, secrets redacted', ADMIN, {
          '200': ok('Document', ref('ProjectDocument')),
        }),
        delete: op('Delete the project and all its data (operator)', ADMIN, { '204': noContent }),
      },
      ...partPaths(),
      '/v1/crms/{crm}/default-matrix': {
        get: op(
          "That CRM's default matrix",
          ADMIN,
          { '200': ok('Matrix', ref('Matrix')) },
          {
            parameters: [
              { name: 'crm', in: 'path', required: true, schema: { enum: [...CRM_IDS] } },
            ],
          },
        ),
      },
      '/v1/projects/{project}/crm/users': {
        parameters: [projectParam],
        get: op('Users of the connected CRM', ADMIN, {
          '200': ok('Users'),
          '502': problem('The CRM did not answer'),
        }),
      },
      '/v1/projects/{project}/crm/pipelines': {
        parameters: [projectParam],
        get: op('Pipelines of the connected CRM', ADMIN, {
          '200': ok('Pipelines'),
          '501': problem('Not offered by this adapter yet'),
          '502': problem('The CRM did not answer'),
        }),
      },
      '/v1/projects/{project}/crm/fields': {
        parameters: [projectParam, query('entity', { enum: ['lead', 'contact', 'deal'] }, true)],
        get: op('Fields of one entity of the connected CRM', ADMIN, {
          '200': ok('Fields'),
          '501': problem('Not offered by this adapter yet'),
          '502': problem('The CRM did not answer'),
        }),
      },
      '/v1/projects/{project}/keys': {
        parameters: [projectParam],
        post: op('Create a project key (operator)', ADMIN, {
          '201': ok('The key, shown once', {
            type: 'object',
            properties: { key: { type: 'string' }, id: { type: 'string' } },
            required: ['key', 'id'],
          }),
        }),
      },
      '/v1/projects/{project}/keys/{keyId}': {
        parameters: [
          projectParam,
          { name: 'keyId', in: 'path', required: true, schema: { type: 'string' } },
        ],
        delete: op('Revoke a project key (operator)', ADMIN, { '204': noContent }),
      },
      '/v1/projects/{project}/status': {
        parameters: [projectParam],
        get: op('Integration state, event counts, phone index', ADMIN, {
          '200': ok('Status', ref('Status')),
        }),
      },
      '/v1/projects/{project}/journal': {
        parameters: [
          projectParam,
          query('callId', { type: 'string' }),
          query('phone', { type: 'string' }),
          query('outcome', { enum: ['applied', 'skipped', 'failed'] }),
          query('from', { type: 'string', format: 'date-time' }),
          query('to', { type: 'string', format: 'date-time' }),
          query('limit', { type: 'integer', minimum: 1, maximum: 1000 }),
          query('cursor', { type: 'string' }),
        ],
        get: op('The journal, filtered and paged', ADMIN, {
          '200': ok('Entries', {
            type: 'object',
            properties: { entries: { type: 'array' }, next: { type: ['string', 'null'] } },
          }),
          '400': problem('Bad query'),
        }),
      },
      '/v1/projects/{project}/events/{eventId}': {
        parameters: [projectParam, eventParam],
        get: op('One event: state, attempts, last error, journal entry', ADMIN, {
          '200': ok('Event'),
        }),
      },
      '/v1/projects/{project}/events/{eventId}/retry': {
        parameters: [projectParam, eventParam],
        post: op('Put a failed event back to pending', ADMIN, {
          '200': ok('Event'),
          '409': problem('The event is not failed'),
        }),
      },
      '/v1/projects/{project}/integration/deactivate': {
        parameters: [projectParam],
        post: op('Stop sending; events are still accepted and held', ADMIN, {
          '200': ok('Status', ref('Status')),
        }),
      },
      '/v1/projects/{project}/integration/activate': {
        parameters: [projectParam],
        post: op(
          'Check the CRM, resolve held events (G10), start sending',
          ADMIN,
          {
            '200': ok('Status', ref('Status')),
            '409': problem('Refused by the CRM; nothing changed'),
          },
          { requestBody: { required: false, ...json(jsonSchema(ActivateBodySchema)) } },
        ),
      },
      '/v1/projects/{project}/dry-run': {
        parameters: [projectParam],
        post: op(
          'What the events would do; reads the CRM, writes nothing',
          ADMIN,
          { '200': ok('Journal'), '422': problem('Invalid events') },
          { requestBody: json(ref('Events')) },
        ),
      },
      '/v1/projects/{project}/route': {
        parameters: [projectParam, query('caller', { type: 'string' }, true)],
        get: op(
          "Smart call forwarding (G13): the owner of the caller's record, from the local index",
          ROUTING,
          {
            '200': ok('Match or no match', ref('Route')),
            '400': problem('No caller'),
            '404': problem('Unknown project (API keys only)'),
          },
        ),
      },
      '/v1/projects/{project}/events': {
        parameters: [projectParam],
        post: op(
          'Ingest events (202 once durably stored)',
          INGEST,
          {
            '202': ok('Accepted', {
              type: 'object',
              properties: { accepted: { type: 'integer' }, duplicates: { type: 'integer' } },
            }),
            '400': problem('Not JSON'),
            '413': problem('Too large'),
            '415': problem('Not JSON content'),
            '422': problem('Invalid events'),
            '429': problem('Over the rate limit'),
            '503': problem('Store unavailable'),
          },
          { requestBody: json(ref('Events')) },
        ),
      },
      '/v1/projects/{project}/sources/twilio': {
        parameters: [projectParam],
        post: {
          summary: 'Twilio voice status and recording callbacks (X-Twilio-Signature)',
          security: [],
          requestBody: { content: { 'application/x-www-form-urlencoded': {} } },
          responses: { '200': { description: 'Empty TwiML' }, '401': problem('Bad signature') },
        },
      },
      '/v1/projects/{project}/sources/zadarma': {
        parameters: [projectParam],
        get: {
          summary: 'Zadarma URL check: answers zd_echo',
          security: [],
          parameters: [query('zd_echo', { type: 'string' })],
          responses: { '200': { description: 'The echo', content: { 'text/plain': {} } } },
        },
        post: {
          summary: 'Zadarma NOTIFY_* (Signature header)',
          security: [],
          requestBody: { content: { 'application/x-www-form-urlencoded': {} } },
          responses: { '200': { description: 'Accepted' }, '401': problem('Bad signature') },
        },
      },
    },
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'Operator key or project key' },
        webhookToken: {
          type: 'http',
          scheme: 'bearer',
          description: "The project's webhook.token",
        },
        standardWebhooks: {
          type: 'apiKey',
          in: 'header',
          name: 'webhook-signature',
          description:
            'Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature (v1, HMAC-SHA256 with webhook.signingSecret)',
        },
      },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            problems: {
              type: 'array',
              items: {
                type: 'object',
                properties: { path: { type: 'string' }, message: { type: 'string' } },
              },
            },
          },
        },
        ProjectDocument: {
          type: 'object',
          required: ['crm'],
          additionalProperties: false,
          properties: {
            crm: { enum: [...CRM_IDS] },
            project: jsonSchema(ProjectSettingsSchema),
            employees: jsonSchema(EmployeesSchema),
            connection: {
              type: ['object', 'null'],
              description: 'Per CRM, service.md §2; secrets in credentials are write-only',
            },
            webhook: jsonSchema(WebhookSchema.partial()),
            sources: { type: 'object' },
          },
        },
        Matrix: jsonSchema(MatrixSchema),
        Events: {
          oneOf: [{ type: 'object' }, { type: 'array', maxItems: 1000, items: { type: 'object' } }],
          description: 'scenario-format.md §3',
        },
        Status: {
          type: 'object',
          properties: {
            integration: {
              type: 'object',
              properties: {
                state: { enum: ['active', 'broken', 'inactive'] },
                since: { type: 'string' },
                reason: { type: ['string', 'null'] },
              },
            },
            events: {
              type: 'object',
              properties: Object.fromEntries(
                ['pending', 'applied', 'skipped', 'failed', 'expired'].map((s) => [
                  s,
                  { type: 'integer' },
                ]),
              ),
            },
            index: {
              type: 'object',
              properties: { state: { enum: ['loading', 'ready'] }, phones: { type: 'integer' } },
            },
          },
        },
        Route: {
          oneOf: [
            {
              type: 'object',
              properties: {
                match: { const: true },
                employee: { type: 'object' },
                record: { type: 'object' },
              },
            },
            { type: 'object', properties: { match: { const: false } } },
          ],
        },
      },
    },
  };
}
