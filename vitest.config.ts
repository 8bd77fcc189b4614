import { defineConfig } from 'vitest/config';

// Unit and integration tests: plain Node, real encrypted SQLite files, real files on disk.
export default defineConfig({
  test: {
    include: ['main/**/*.test.ts', 'database/**/*.test.ts', 'preload/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
