// End-to-end tests: Debian's Chromium (never a downloaded browser) against the
// real backend in `serve` mode, on a fresh data folder each run.
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 8731);
const DATA = 'tests/e2e/.data';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  webServer: {
    command: `node -e "require('fs').rmSync('${DATA}',{recursive:true,force:true})" && node out/main/serve.js --port ${PORT} --data ${DATA}/hall`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe',
  },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The app honours it (theme.respectReducedMotion): a click never lands on a drawer still sliding in.
    reducedMotion: 'reduce',
    viewport: { width: 1600, height: 1000 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'first-run', testMatch: /first-run\.spec\.ts/ },
    { name: 'desk', testMatch: /desk\/.*\.spec\.ts/, dependencies: ['first-run'] },
  ],
});
