import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// One `npm test` runs every tier: unit tests beside the code, black-box API tests over real HTTP
// on a real database (SQLite by default, MariaDB when TEST_DATABASE_URL is set), the mini
// program's component tests, and browser end-to-end tests in real Chromium.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['shared/src/**/*.test.ts', 'config/src/**/*.test.ts', 'server/src/**/*.test.ts'] } },
      { test: { name: 'api', include: ['tests/api/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
      ...(existsSync('miniapp/vitest.config.ts') ? ['miniapp/vitest.config.ts'] : []),
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false } },
      // A 3-node Galera cluster (tests/galera/cluster.sh): only with GALERA=1, e.g. GALERA=1 npx vitest run --project galera
      ...(process.env.GALERA === '1'
        ? [
            {
              test: {
                name: 'galera',
                include: ['tests/galera/**/*.test.ts'],
                globalSetup: ['tests/galera/globalSetup.ts'],
                fileParallelism: false,
                testTimeout: 120_000,
                hookTimeout: 180_000,
              },
            },
          ]
        : []),
    ],
  },
});
