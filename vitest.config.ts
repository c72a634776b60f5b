import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The CLI tests run the compiled command: build it when the sources changed.
    globalSetup: ['tests/build-cli.setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and kill-midway tests start processes; one file at a time per core is enough.
    pool: 'forks',
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
