import { defineConfig } from '@playwright/test';

// The Firefox smoke suite: Playwright's runner and assertions; the browser is Firefox ESR driven by
// puppeteer-core over WebDriver BiDi (scripts/firefox.mjs), as Playwright's own Firefox cannot load extensions.
export default defineConfig({
  testDir: 'tests/firefox',
  workers: 1,
  timeout: 120_000,
  retries: 0,
  reporter: [['list']],
});
