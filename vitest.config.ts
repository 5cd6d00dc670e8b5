import { configDefaults, defineConfig } from 'vitest/config';

// CALLMATRIX_SKIP_BROWSER_TESTS=1 leaves out the admin web app's browser tests (test/web): the
// Node 24 CI run does, because their teardown (chromium, serve, emulator) does not finish there
// yet; they run on the machine's Node (README, Limitations).
const skipBrowser = process.env['CALLMATRIX_SKIP_BROWSER_TESTS'] === '1';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'emulators/**/*.test.ts',
      'test/**/*.test.ts',
      'web/**/*.test.ts',
    ],
    exclude: [...configDefaults.exclude, ...(skipBrowser ? ['test/web/**'] : [])],
    testTimeout: 30_000,
    setupFiles: ['test/support/fast-check-seed.ts'],
  },
});
