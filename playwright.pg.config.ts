// End-to-end tests of a hall of many desks on one PostgreSQL: the spec starts
// its own throwaway cluster (tests/support/pg-cluster.ts) and two serve
// processes on one database, so there is no webServer here. Kept apart from
// playwright.config.ts (the SQLite hall), which never sees these specs;
// `npm run test:e2e` runs both. PostgreSQL must be installed (CI installs it).
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: 'tests/e2e/hall-pg',
  outputDir: 'test-results/e2e-pg',
  timeout: 90_000,
  webServer: undefined,
  use: { ...base.use, baseURL: undefined },
  projects: [{ name: 'hall-pg', testMatch: /\.spec\.ts$/ }],
});
