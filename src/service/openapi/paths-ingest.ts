import type { Json } from './components.js';
import { EXAMPLES } from './examples.js';
import { jsonBody, ok, operation, problem, projectParam, query, ref } from './operations.js';

// Ingest and the telephony sources (service.md §4), the ops endpoints (§1)
// and the documentation itself.

const form = (...schemas: string[]): Json => ({
  required: true,
  content: {
    'application/x-www-form-urlencoded': {
      schema: schemas.length === 1 ? ref(schemas[0] ?? '') : { oneOf: schemas.map(ref) },
    },
  },
});

const text = (description: string, type = 'text/plain'): Json => ({
  description,
  content: { [type]: { schema: { type: 'string' } } },
});

const sourceErrors = {
  '401': problem("Bad signature, or a project without this platform's settings"),
  '422': problem("The platform's fields are not valid"),
  '429': problem('Over the project ingest rate (Retry-After)'),
  '503': problem('The store cannot commit; nothing was accepted (Retry-After)'),
};

export function ingestPaths(): Json {
  return {
    '/v1/projects/{project}/events': {
      parameters: [projectParam],
      post: operation({
        id: 'ingestEvents',
        tag: 'Ingest',
        summary: 'Ingest events; 202 once durably stored',
        description:
          'An array is accepted whole or not at all. A re-delivered eventId is a duplicate: counted, not stored again. Checks run in this order: 413, 415, 401, 400, 422.',
        audience: 'ingest',
        requestBody: jsonBody(ref('Events'), EXAMPLES.events),
        responses: {
          '202': ok('Stored', ref('Accepted'), EXAMPLES.accepted),
          '400': problem('The body is not JSON'),
          '413': problem('The body is over the limit'),
          '415': problem('Not JSON content'),
          '422': {
            ...problem('Not valid events; each problem names its field'),
            content: {
              'application/problem+json': {
                schema: ref('Problem'),
                example: EXAMPLES.invalidEvents,
              },
            },
          },
          '429': problem('Over the project ingest rate (Retry-After)'),
          '503': problem('The store cannot commit; nothing was accepted (Retry-After)'),
        },
      }),
    },
    '/v1/projects/{project}/sources/twilio': {
      parameters: [projectParam],
      post: operation({
        id: 'twilioCallback',
        tag: 'Sources',
        summary: 'Twilio voice status, dial action and recording callbacks',
        description:
          'Signed with X-Twilio-Signature over the URL Twilio called: sources.twilio.publicUrl + the path and query, or the request URL when unset.',
        audience: 'source',
        security: [{ twilioSignature: [] }],
        requestBody: form('TwilioStatusCallback', 'TwilioDialAction', 'TwilioRecordingCallback'),
        responses: { '200': text('Empty TwiML', 'text/xml'), ...sourceErrors },
      }),
    },
    '/v1/projects/{project}/sources/zadarma': {
      parameters: [projectParam],
      get: operation({
        id: 'zadarmaEcho',
        tag: 'Sources',
        summary: "Zadarma's URL check: answers the zd_echo value",
        audience: 'source',
        parameters: [query('zd_echo', { type: 'string' }, 'The value to answer', true)],
        responses: { '200': text('The echo'), '400': problem('No zd_echo') },
      }),
      post: operation({
        id: 'zadarmaNotify',
        tag: 'Sources',
        summary: 'Zadarma NOTIFY_* notifications',
        audience: 'source',
        security: [{ zadarmaSignature: [] }],
        requestBody: form('ZadarmaNotification'),
        responses: { '200': text('Accepted, empty body'), ...sourceErrors },
      }),
    },
  };
}

export function opsPaths(): Json {
  return {
    '/healthz': {
      get: operation({
        id: 'getHealth',
        tag: 'Operations',
        summary: 'The process runs',
        audience: 'public',
        responses: {
          '200': ok('Alive', {
            type: 'object',
            required: ['status'],
            properties: { status: { const: 'ok' } },
          }),
        },
      }),
    },
    '/readyz': {
      get: operation({
        id: 'getReady',
        tag: 'Operations',
        summary: 'The store is migrated and reachable',
        audience: 'public',
        responses: {
          '200': ok('Ready', {
            type: 'object',
            required: ['status', 'store'],
            properties: {
              status: { const: 'ready' },
              store: { type: 'string', enum: ['sqlite', 'postgres'] },
            },
          }),
          '503': problem('Not ready'),
        },
      }),
    },
    '/metrics': {
      get: operation({
        id: 'getMetrics',
        tag: 'Operations',
        summary: 'Prometheus metrics, text format',
        audience: 'public',
        responses: { '200': text('Metrics') },
      }),
    },
    '/v1/openapi.json': {
      get: operation({
        id: 'getOpenApi',
        tag: 'Documentation',
        summary: 'This OpenAPI 3.1 document',
        audience: 'public',
        responses: { '200': ok('The document', { type: 'object' }) },
      }),
    },
    '/v1/schemas/project.json': {
      get: operation({
        id: 'getProjectJsonSchema',
        tag: 'Documentation',
        summary: 'JSON Schema of the project document, for editors ("$schema")',
        audience: 'public',
        responses: { '200': ok('JSON Schema draft 2020-12', { type: 'object' }) },
      }),
    },
    '/v1/schemas/events.json': {
      get: operation({
        id: 'getEventsJsonSchema',
        tag: 'Documentation',
        summary: 'JSON Schema of the ingest body: one event or an array of events',
        audience: 'public',
        responses: { '200': ok('JSON Schema draft 2020-12', { type: 'object' }) },
      }),
    },
    '/docs/api': {
      get: operation({
        id: 'getApiDocs',
        tag: 'Documentation',
        summary: 'This reference as one HTML page, served offline',
        audience: 'public',
        responses: { '200': text('The page', 'text/html') },
      }),
    },
  };
}
