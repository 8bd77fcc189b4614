import { defineConfig } from 'vitest/config';

// Unit and integration tests: plain Node, real encrypted SQLite files, real files on disk.
export default defineConfig({
  test: {
    include: ['main/**/*.test.ts', 'database/**/*.test.ts', 'preload/**/*.test.ts', 'scripts/**/*.test.ts', 'hq/**/*.test.ts'],
    // The HQ tests' PostgreSQL server (CI's, or a throwaway cluster started here; skipped with a reason otherwise).
    // A temp folder per run, removed after it (scripts/testing/runTempDir.ts); then HQ's PostgreSQL server.
    globalSetup: ['scripts/testing/runTempDir.ts', 'hq/testing/pgGlobalSetup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
