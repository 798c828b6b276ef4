import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Grouped by pipeline stage (ingest, indexer, build, site, search, tools); e2e runs under node:test.
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
  },
});
