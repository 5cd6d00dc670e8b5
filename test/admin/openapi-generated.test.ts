import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiArtifacts } from '../../scripts/api-artifacts.js';

// The OpenAPI document's committed renderings (api-client/openapi.json, the
// client's generated types api-client/schema.d.ts, docs/api.md) equal a
// fresh generation: a route or schema changed without `npm run generate:api`
// fails here, so the web app's client and the docs cannot drift from the API.

const root = join(import.meta.dirname, '..', '..');

describe('generated from the OpenAPI document', async () => {
  const fresh = await apiArtifacts();
  it.each(Object.keys(fresh))('%s is up to date (npm run generate:api)', (path) => {
    const committed = readFileSync(join(root, path), 'utf8');
    expect(committed === fresh[path], `${path} is stale: run npm run generate:api`).toBe(true);
  });
});
