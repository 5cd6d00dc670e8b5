import type { Json } from './components.js';

// Small builders for the OpenAPI paths: every operation gets an operationId
// (the method name a generated client shows), one tag (its section in
// docs/api.md) and the error answers its authentication implies.

export const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

export const jsonBody = (schema: Json, example?: unknown): Json => ({
  required: true,
  content: { 'application/json': { schema, ...(example !== undefined && { example }) } },
});

export const problem = (description: string): Json => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

export const ok = (description: string, schema: Json, example?: unknown): Json => ({
  description,
  content: { 'application/json': { schema, ...(example !== undefined && { example }) } },
});

export const noContent: Json = { description: 'Done, no body' };

export const projectParam: Json = {
  name: 'project',
  in: 'path',
  required: true,
  description: 'The project id',
  schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' },
  example: 'acme',
};

export const eventParam: Json = {
  name: 'eventId',
  in: 'path',
  required: true,
  description: 'The eventId the event was posted with',
  schema: { type: 'string' },
};

export const query = (name: string, schema: Json, description: string, required = false): Json => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});

/** Who may call: the key kinds of service.md §3, each with its error answers. */
export type Audience = 'operator' | 'project' | 'any' | 'ingest' | 'routing' | 'public' | 'source';

export const SECURITY: Record<Audience, Json[]> = {
  operator: [{ apiKey: [] }],
  project: [{ apiKey: [] }],
  any: [{ apiKey: [] }],
  ingest: [{ webhookToken: [] }, { standardWebhooks: [] }],
  routing: [{ webhookToken: [] }, { standardWebhooks: [] }, { apiKey: [] }],
  public: [],
  source: [],
};

const ERRORS: Record<Audience, Json> = {
  operator: {
    '401': problem('Missing or unknown key'),
    '403': problem('A project key on an operator-only endpoint'),
  },
  project: {
    '401': problem('Missing or unknown key'),
    '404': problem("Unknown project (or another project's)"),
  },
  any: { '401': problem('Missing or unknown key') },
  ingest: { '401': problem('Wrong token, bad signature or unknown project') },
  routing: { '401': problem('Wrong token, bad signature or unknown key') },
  public: {},
  source: {},
};

export interface OperationSpec {
  readonly id: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string | undefined;
  readonly audience: Audience;
  readonly responses: Json;
  readonly parameters?: Json[];
  readonly requestBody?: Json;
  readonly security?: Json[];
}

export function operation(spec: OperationSpec): Json {
  const who =
    spec.audience === 'operator'
      ? 'Operator key only.'
      : spec.audience === 'project'
        ? 'Operator key, or a key of this project.'
        : spec.audience === 'any'
          ? 'Any key.'
          : undefined;
  const description = [spec.description, who].filter(Boolean).join('\n\n');
  return {
    operationId: spec.id,
    tags: [spec.tag],
    summary: spec.summary,
    ...(description !== '' && { description }),
    security: spec.security ?? SECURITY[spec.audience],
    ...(spec.parameters && { parameters: spec.parameters }),
    ...(spec.requestBody && { requestBody: spec.requestBody }),
    responses: { ...spec.responses, ...ERRORS[spec.audience] },
  };
}
