import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiArtifacts } from './api-artifacts.js';

// `npm run generate:api`: rewrites the OpenAPI document's committed
// renderings (api-client/openapi.json, api-client/schema.d.ts, docs/api.md)
// after a route or a schema changed.

const root = join(import.meta.dirname, '..');
for (const [path, content] of Object.entries(await apiArtifacts())) {
  writeFileSync(join(root, path), content);
  process.stdout.write(`wrote ${path}\n`);
}
