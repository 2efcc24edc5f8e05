import { defineConfig } from '@playwright/test';

/** End-to-end: Debian's Chromium drives the desk server, started fresh on an empty data folder. */
export const E2E_PORT = Number(process.env.LOBBYDESK_E2E_PORT ?? 5399);

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.e2e\.ts/,
  outputDir: '../../test-results/e2e-output',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: '../../test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.LOBBYDESK_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: 'node test/e2e/deskServer.mjs',
    cwd: '../..',
    url: `http://127.0.0.1:${E2E_PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { LOBBYDESK_PORT: String(E2E_PORT), TZ: 'Asia/Shanghai' },
  },
});
