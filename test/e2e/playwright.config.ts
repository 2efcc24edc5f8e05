import { defineConfig } from '@playwright/test';

/**
 * End-to-end: Debian's Chromium drives the desk server. Each spec file starts its own desk server
 * on a fresh data folder (test/e2e/deskServer.ts), so specs are independent and need no fixed port.
 */
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.e2e\.ts/,
  outputDir: '../../test-results/e2e-output',
  globalSetup: './globalSetup.ts',
  // The desks' log files hold no personal data (test/e2e/logScan.ts).
  globalTeardown: './globalTeardown.ts',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: '../../test-results/e2e.json' }]],
  use: {
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.LOBBYDESK_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
