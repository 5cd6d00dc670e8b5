import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildWeb } from './build-web.js';

// `npm run size:web`: builds the web app and prints what the first page costs, gzipped (the
// budget is 200 KB of JavaScript, README). Everything is one bundle: the first page loads it all.

const BUDGET = 200 * 1024;
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'web');
await buildWeb(out);
let js = 0;
for (const file of readdirSync(join(out, 'assets'))) {
  const bytes = readFileSync(join(out, 'assets', file));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  if (file.endsWith('.js')) js += gzipped;
  process.stdout.write(
    `${file}: ${(bytes.length / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped\n`,
  );
}
process.stdout.write(
  `first page JavaScript: ${(js / 1024).toFixed(1)} KB gzipped (budget ${BUDGET / 1024} KB)\n`,
);
if (js > BUDGET) process.exitCode = 1;
