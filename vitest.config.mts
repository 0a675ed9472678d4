import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// The same aliases as tsconfig.base.json's `paths` and electron.vite.config.ts.
const alias = {
  '@shared': fileURLToPath(new URL('./shared', import.meta.url)),
  '@lib': fileURLToPath(new URL('./renderer/src/lib', import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Files named *.sqlite.test.ts read SQLite's own internals (query plans): not run on PostgreSQL.
    // Files named *.pg.test.ts need a PostgreSQL cluster (store:move's target): run on PostgreSQL only.
    exclude: process.env.PETITION_HALL_TEST_DB === 'postgres' ? ['tests/unit/**/*.sqlite.test.ts'] : ['tests/unit/**/*.pg.test.ts'],
    environment: 'node',
    // Real SQLite files and scrypt hashing: give slow CI machines room.
    testTimeout: 20_000,
    pool: 'forks',
    // PETITION_HALL_TEST_DB=postgres: a cluster and a migrated template database (tests/support/engine.ts).
    globalSetup: ['tests/support/pg-global-setup.ts'],
  },
});
