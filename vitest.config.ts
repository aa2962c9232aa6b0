import { defineConfig } from 'vitest/config';

// One Vitest run covers every package. Integration tests (*.int.test.ts) run against the
// database named by APOTHECA_TEST_DB (sqlite | postgres); scripts/test.mjs runs the suite once per database.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    // Tests on the database: run again on PostgreSQL by scripts/test.mjs.
    exclude: ['**/node_modules/**', 'packages/web/e2e/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { TZ: 'UTC', APOTHECA_SCRYPT_N: '1024' },
  },
});
