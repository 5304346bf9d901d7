import { defineConfig } from '@playwright/test';

// Baton's browser tests drive Debian's Chromium; a downloaded browser is never used.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// BATON_E2E_PORT lets several checkouts on one machine run their browser tests at once without one of them
// reusing another's preview server (and so testing the other's build).
const port = Number(process.env.BATON_E2E_PORT ?? 4173);
// The production build is served on a port of its own, 50 above.
const productionPort = port + 50;
const url = (p: number): string => `http://127.0.0.1:${p}`;
/** Specs of a person's main journeys, run at 1280x720 and at 1440x900 instead of the default size. */
const JOURNEYS = /(editor-build-workflow|simulation-panel|designs-library)\.spec\.ts$/;

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? 'list' : 'list',
  use: {
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    },
    viewport: { width: 1400, height: 900 },
  },
  projects: [
    // Most specs set up documents through window.__batonStore, which only the e2e build has (src/app/main.tsx).
    { name: 'e2e', testIgnore: [/\.prod\.spec\.ts$/, JOURNEYS], use: { baseURL: url(port) } },
    // The main journeys (build a workflow, simulate, the designs library) at the two laptop sizes issue 11 names.
    { name: 'journeys-1280', testMatch: JOURNEYS, use: { baseURL: url(port), viewport: { width: 1280, height: 720 } } },
    { name: 'journeys-1440', testMatch: JOURNEYS, use: { baseURL: url(port), viewport: { width: 1440, height: 900 } } },
    // *.prod.spec.ts open exactly what ships: the production build, under its Content Security Policy.
    { name: 'production', testMatch: /\.prod\.spec\.ts$/, use: { baseURL: url(productionPort) } },
  ],
  // Each server builds what it serves, so a run never tests a stale build.
  webServer: [
    {
      command: `npx vite build --mode e2e --outDir dist-e2e --emptyOutDir --logLevel error && npx vite preview --outDir dist-e2e --host 127.0.0.1 --port ${port} --strictPort`,
      url: url(port),
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      command: `npx vite build --logLevel error && npx vite preview --host 127.0.0.1 --port ${productionPort} --strictPort`,
      url: url(productionPort),
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});
