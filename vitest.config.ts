import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and kill-midway tests start processes; one file at a time per core is enough.
    pool: 'forks',
  },
});
