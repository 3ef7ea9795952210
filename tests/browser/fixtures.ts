// Each test gets a fresh Chromium profile with the built extension loaded and
// the demo case-record system running on localhost.
import { test as base, type BrowserContext } from '@playwright/test';
import { startDemoServer } from '../../demo/server.mjs';
import { launchWithExtension, TEST_BUILD_DIR } from '../../scripts/browser.mjs';

export const test = base.extend<
  { context: BrowserContext; extensionId: string },
  { demoUrl: string }
>({
  demoUrl: [
    async ({}, use) => {
      const demo = await startDemoServer();
      await use(demo.url);
      await demo.stop();
    },
    { scope: 'worker' },
  ],
  context: async ({}, use) => {
    const { context } = await launchWithExtension(TEST_BUILD_DIR);
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker');
    await use(new URL(worker.url()).host);
  },
});

export const expect = test.expect;
