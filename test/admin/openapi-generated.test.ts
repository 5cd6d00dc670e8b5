import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiArtifacts, clientTypes } from '../../scripts/api-artifacts.js';

// The OpenAPI document's committed renderings (api-client/openapi.json,
// docs/api.md) equal a fresh generation: a route or schema changed without
// `npm run generate:api` fails here, so the web app's client (whose types
// `npm run typecheck` renders from openapi.json) and the docs cannot drift
// from the API.

const root = join(import.meta.dirname, '..', '..');

describe('generated from the OpenAPI document', () => {
  const fresh = apiArtifacts();
  it.each(Object.keys(fresh))('%s is up to date (npm run generate:api)', (path) => {
    const committed = readFileSync(join(root, path), 'utf8');
    expect(committed === fresh[path], `${path} is stale: run npm run generate:api`).toBe(true);
  });

  it('the client types rendered from the committed openapi.json name every path and schema', async () => {
    const document = JSON.parse(fresh['api-client/openapi.json'] ?? '{}') as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    const types = await clientTypes(document);
    expect(Object.keys(document.paths).length).toBeGreaterThan(10);
    for (const path of Object.keys(document.paths)) expect(types).toContain(`"${path}": {`);
    for (const name of Object.keys(document.components.schemas))
      expect(types).toMatch(new RegExp(`\\b${name}: \\{|\\b${name}: `));
  });
});
