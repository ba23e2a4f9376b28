import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: a test that starts the embedded database in a new process takes seconds on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores here and in CI: more workers only adds contention.
    maxWorkers: 2,
  },
});
