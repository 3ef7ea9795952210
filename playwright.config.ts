import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/browser',
  // One persistent Chromium profile per test; the machines have two cores.
  workers: 1,
  timeout: 60_000,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
