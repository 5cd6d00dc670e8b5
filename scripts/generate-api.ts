import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiArtifacts, CLIENT_TYPES, clientTypes } from './api-artifacts.js';

// `npm run generate:api`: rewrites the OpenAPI document's committed
// renderings (api-client/openapi.json, docs/api.md) after a route or a schema
// changed, and the client's types from it (api-client/schema.d.ts, not committed).

const root = join(import.meta.dirname, '..');
const artifacts = apiArtifacts();
for (const [path, content] of Object.entries(artifacts)) {
  writeFileSync(join(root, path), content);
  process.stdout.write(`wrote ${path}\n`);
}
const document: unknown = JSON.parse(artifacts['api-client/openapi.json'] ?? '{}');
writeFileSync(join(root, CLIENT_TYPES), await clientTypes(document));
process.stdout.write(`wrote ${CLIENT_TYPES}\n`);
