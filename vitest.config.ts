import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'emulators/**/*.test.ts',
      'test/**/*.test.ts',
      'web/**/*.test.ts',
    ],
    testTimeout: 30_000,
    setupFiles: ['test/support/fast-check-seed.ts'],
  },
});
