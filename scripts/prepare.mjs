// `prepare`: build dist/ when the dev dependencies are installed (a clone's `npm install` or
// `npm ci`, or npm installing the package from git). `npm ci --omit=dev` in a clone has no
// TypeScript: say how to build instead of failing. Published tarballs are built by `prepack`.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  process.stderr.write(
    'callmatrix: TypeScript is not installed (--omit=dev), dist/ was not built; run `npm install` then `npm run build`, or install the published package instead\n',
  );
  process.exit(0);
}
// The API client's types (api-client/schema.d.ts, not committed), for editors and the web app's type check.
execFileSync(process.execPath, [require.resolve('tsx/cli'), 'scripts/generate-api-types.ts'], {
  stdio: 'inherit',
});
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
// The admin web app (dist/web), bundled by esbuild: a dev dependency, like TypeScript.
execFileSync(process.execPath, [require.resolve('tsx/cli'), 'scripts/build-web.ts'], {
  stdio: 'inherit',
});
