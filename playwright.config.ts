import { defineConfig } from '@playwright/test';

// Baton's browser tests drive Debian's Chromium; a downloaded browser is never used.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// BATON_E2E_PORT lets several checkouts on one machine run their browser tests at once without one of them
// reusing another's preview server (and so testing the other's build).
const port = Number(process.env.BATON_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? 'list' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    },
    viewport: { width: 1400, height: 900 },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
