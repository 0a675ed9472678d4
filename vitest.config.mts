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
    // Cheap password hashes (N=2^10 instead of 2^17) so logins in tests take
    // milliseconds; honoured only under Vitest (electron/backend/services/passwords.ts).
    env: { PETITION_HALL_TEST_SCRYPT_LOG2N: '10' },
    // Real SQLite files and scrypt hashing: give slow CI machines room.
    testTimeout: 20_000,
    pool: 'forks',
    // PETITION_HALL_TEST_DB=postgres: a cluster and a migrated template database (tests/support/engine.ts).
    globalSetup: ['tests/support/pg-global-setup.ts'],
  },
});
