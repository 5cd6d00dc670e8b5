import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { openApiDocument } from '../src/service/openapi/document.js';
import { renderMarkdown } from '../src/service/openapi/markdown.js';

// The files generated from the OpenAPI document, by path: written by
// `npm run generate:api` (scripts/generate-api.ts) and compared with the
// committed ones by test/admin/openapi-generated.test.ts.

const HEADER =
  '// Generated from api-client/openapi.json by openapi-typescript (`npm run generate:api`); do not edit.\n\n';

export async function apiArtifacts(): Promise<Record<string, string>> {
  const document = openApiDocument();
  const ast = await openapiTS(document as unknown as OpenAPI3);
  return {
    'api-client/openapi.json': `${JSON.stringify(document, null, 2)}\n`,
    'api-client/schema.d.ts': `${HEADER}${astToString(ast)}`,
    'docs/api.md': renderMarkdown(document),
  };
}
