import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Real SQLite files and scrypt hashing: give slow CI machines room.
    testTimeout: 20_000,
    pool: 'forks',
  },
});
