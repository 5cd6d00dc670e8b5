import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { current, GENERATED, REPO } from './docs/generated.js';

// `npm run docs`: writes every generated doc and schema (scripts/docs/generated.ts).

for (const file of GENERATED) {
  const before = current(file.path);
  const after = file.render(before);
  if (after === before) continue;
  mkdirSync(dirname(join(REPO, file.path)), { recursive: true });
  writeFileSync(join(REPO, file.path), after);
  process.stdout.write(`wrote ${file.path}\n`);
}
