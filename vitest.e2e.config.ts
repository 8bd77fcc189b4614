import { defineConfig } from 'vitest/config';

// Renderer tests in real Chromium (Debian's) against the real handlers through the loopback bridge.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    // A temp folder per run, removed after it (scripts/testing/runTempDir.ts).
    globalSetup: ['scripts/testing/runTempDir.ts'],
  },
});
