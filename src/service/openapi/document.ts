import { schemaComponents, securitySchemes, type Json } from './components.js';
import { ingestPaths, opsPaths } from './paths-ingest.js';
import { processingPaths } from './paths-processing.js';
import { oauthPaths } from './paths-oauth.js';
import { projectPaths } from './paths-projects.js';

// The OpenAPI 3.1 document served at GET /v1/openapi.json (service.md intro):
// every path of service.md and every extension. Schemas come from the zod
// schemas the routes parse with and answer by (./components.ts). From it are
// generated, and committed: api-client/openapi.json, api-client/schema.d.ts and
// docs/api.md (`npm run generate:api`; test/admin/openapi-generated.test.ts
// fails when any of them is stale).

/** The sections of docs/api.md, in order. */
export const TAGS = [
  { name: 'Projects', description: 'The project document (service.md §2) and the project list.' },
  { name: 'Project parts', description: 'One part of the document at a time.' },
  {
    name: 'CRM catalogue',
    description: "What the connected CRM offers, and each CRM's default matrix.",
  },
  {
    name: 'Connect',
    description:
      'Connecting a CRM with its own OAuth consent, and testing a connection (docs/oauth.md).',
  },
  { name: 'Keys', description: 'Project keys (service.md §3).' },
  { name: 'Ingest', description: 'Events in the native format (service.md §4).' },
  {
    name: 'Sources',
    description: 'Telephony platforms posting in their own formats (service.md §4).',
  },
  { name: 'Processing', description: 'Status, journal, events and dry run (service.md §5).' },
  {
    name: 'Integration',
    description: 'Activating and deactivating the integration (service.md §5, G10).',
  },
  { name: 'Routing', description: 'Smart call forwarding (service.md §6).' },
  { name: 'Operations', description: 'Health, readiness and metrics (service.md §1).' },
  { name: 'Documentation', description: 'This reference.' },
] as const;

export const API_VERSION = '0.1.0';

export function openApiDocument(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Callmatrix',
      version: API_VERSION,
      description:
        'Connects telephony and call tracking to a CRM through a per-project integration matrix. Errors are `application/problem+json` (RFC 9457); each problem names the field it is about.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [
      { url: '/', description: 'The server this document was read from' },
      {
        url: 'http://{host}:{port}',
        description: '`callmatrix serve` (HOST, PORT)',
        variables: {
          host: { default: '127.0.0.1', description: 'HOST or --host' },
          port: { default: '8080', description: 'PORT or --port' },
        },
      },
    ],
    tags: TAGS.map((tag) => ({ ...tag })),
    security: [{ apiKey: [] }],
    paths: {
      ...projectPaths(),
      ...oauthPaths(),
      ...processingPaths(),
      ...ingestPaths(),
      ...opsPaths(),
    },
    components: { securitySchemes, schemas: schemaComponents() },
  };
}
