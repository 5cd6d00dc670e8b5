import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { openApiDocument } from '../src/service/openapi/document.js';
import { renderMarkdown } from '../src/service/openapi/markdown.js';

// The files rendered from the OpenAPI document, by path. The committed ones are
// written by `npm run generate:api` (scripts/generate-api.ts) and compared with
// a fresh rendering by test/admin/openapi-generated.test.ts. The client's types
// are not committed: a 5 000-line generated file nobody reads, written by
// `npm run generate:api-types` before every type check (and on install).

const HEADER =
  '// Generated from api-client/openapi.json by openapi-typescript (`npm run generate:api-types`); do not edit.\n\n';

/** api-client/schema.d.ts: the API client's types. */
export const CLIENT_TYPES = 'api-client/schema.d.ts';

export function apiArtifacts(): Record<string, string> {
  const document = openApiDocument();
  return {
    'api-client/openapi.json': `${JSON.stringify(document, null, 2)}\n`,
    'docs/api.md': renderMarkdown(document),
  };
}

/** The client's types for an OpenAPI document (the committed api-client/openapi.json). */
export async function clientTypes(document: unknown): Promise<string> {
  return `${HEADER}${astToString(await openapiTS(document as OpenAPI3))}`;
}
