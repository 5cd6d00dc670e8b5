import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_TYPES, clientTypes } from './api-artifacts.js';

// `npm run generate:api-types` (run by `npm run typecheck` and on install):
// writes the API client's types, api-client/schema.d.ts, from the committed
// OpenAPI document. Not committed itself: it is always rendered afresh.

const root = join(import.meta.dirname, '..');
const document: unknown = JSON.parse(readFileSync(join(root, 'api-client/openapi.json'), 'utf8'));
writeFileSync(join(root, CLIENT_TYPES), await clientTypes(document));
process.stdout.write(`wrote ${CLIENT_TYPES}\n`);
