import createClient, { type Client } from 'openapi-fetch';
import type { components, operations, paths } from './schema.js';

// A typed client of the Callmatrix HTTP API for the admin web app and the
// tests: openapi-fetch over the types openapi-typescript generated from the
// OpenAPI document (schema.d.ts; `npm run generate:api` after the API changes).
// Paths, parameters, bodies and answers are checked by the compiler. The
// service itself never imports this folder.

export type { components, operations, paths };
/** The API's named schemas: `Schemas['Status']`, `Schemas['ProjectDocument']`, … */
export type Schemas = components['schemas'];
export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** Where the server is; '' or '/' for the page's own origin. */
  readonly baseUrl: string;
  /** The operator key, a project key or a webhook token, sent as `Authorization: Bearer`. */
  readonly key?: string;
  /** Another fetch (tests hand in one that calls the server in-process). */
  readonly fetch?: (request: Request) => Promise<Response>;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  return createClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.key !== undefined && { headers: { authorization: `Bearer ${options.key}` } }),
    ...(options.fetch && { fetch: options.fetch }),
  });
}
