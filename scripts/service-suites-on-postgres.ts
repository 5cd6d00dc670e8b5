import { spawnSync } from 'node:child_process';

// The service and admin suites again, on PostgreSQL (issue: "the whole service test suite runs
// against both"): their harnesses open a PostgreSQL schema of their own when
// CALLMATRIX_TEST_BACKEND=postgres. Without CALLMATRIX_TEST_DATABASE_URL there is no server: say so.

if (!process.env['CALLMATRIX_TEST_DATABASE_URL']) {
  process.stdout.write(
    'service and admin suites on PostgreSQL: skipped (set CALLMATRIX_TEST_DATABASE_URL, e.g. eval "$(.ci/postgres.sh)")\n',
  );
  process.exit(0);
}
const result = spawnSync('npx', ['vitest', 'run', 'test/service', 'test/admin', 'test/fuzz'], {
  stdio: 'inherit',
  env: { ...process.env, CALLMATRIX_TEST_BACKEND: 'postgres' },
});
process.exit(result.status ?? 1);
