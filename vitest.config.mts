import { defineConfig } from 'vitest/config';
import { alias } from './electron.vite.config';

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Real SQLite files and scrypt hashing: give slow CI machines room.
    testTimeout: 20_000,
    pool: 'forks',
  },
});
