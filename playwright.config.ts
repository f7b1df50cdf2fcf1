import { defineConfig, devices } from '@playwright/test';

const CI = Boolean(process.env.CI);
/** Port and build folder of the preview server (override to run several suites side by side). */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST ?? 'dist';

/** End-to-end tests drive Debian's Chromium against `vite preview` of the real build. */
export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.E2E_OUTPUT ?? 'test-results',
  workers: 1,
  retries: 0,
  forbidOnly: CI,
  timeout: 60_000,
  // A loaded 2-core machine can take several seconds to render the sections below the first screen
  // (their code loads after it); an assertion waits up to 15 s before it fails.
  expect: { timeout: 15_000 },
  // The whole suite takes about 5 min on an idle 2-core machine and 11 min on a loaded one; 45 min
  // still ends a hung run well inside CI's 90 min.
  globalTimeout: CI ? 45 * 60_000 : 0,
  reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    screenshot: 'only-on-failure',
    // Traces double the run time; ask for them with E2E_TRACE=1.
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
    },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !CI,
    timeout: 30_000,
  },
});
