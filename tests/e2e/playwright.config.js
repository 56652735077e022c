// Playwright drives Debian's Chromium (never a downloaded browser) against the release dist/.
const { defineConfig } = require('@playwright/test');
const { PORT, SERVED_URL } = require('./served');

module.exports = defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.js$/,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: SERVED_URL,
    browserName: 'chromium',
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `python3 ../../scripts/static-server.py ../../dist ${PORT} -q`,
    url: `${SERVED_URL}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
