import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/browser',
  // One persistent Chromium profile per test; the machines have two cores.
  workers: 1,
  timeout: 60_000,
  retries: 0,
  reporter: [['list']],
  // No trace by default: recording one costs about a tenth of the suite's time on two cores, and `npm test`
  // must stay inside 15 minutes. To debug a failure: npx playwright test --trace retain-on-failure.
  use: { trace: 'off' },
});
