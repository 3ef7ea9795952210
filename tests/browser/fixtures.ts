// Each test gets a fresh Chromium profile with the built extension loaded and
// the demo case-record system running on localhost.
import { readFileSync } from 'node:fs';
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { startDemoServer } from '../../demo/server.mjs';
import { launchWithExtension, TEST_BUILD_DIR } from '../../scripts/browser.mjs';

export const test = base.extend<{ context: BrowserContext; extensionId: string }, { demoUrl: string }>({
  demoUrl: [
    async ({}, use) => {
      const demo = await startDemoServer();
      await use(demo.url);
      await demo.stop();
    },
    { scope: 'worker' },
  ],
  context: async ({ timezoneId }, use) => {
    const { context } = await launchWithExtension(TEST_BUILD_DIR, { timezoneId });
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

/**
 * Two escalations from the v1 fixture as a backup file: ESC-7K3F9Q (Herefordshire,
 * stage 1, open, child 1000001) and ESC-M4PX2D (Pan-Cheshire, resolved, child 1000002).
 */
const fixture = JSON.parse(readFileSync(new URL('../unit/fixtures/db-v1.json', import.meta.url), 'utf8')) as {
  events: { escalationId: string }[];
};
export const FIXTURE_BACKUP = {
  format: 'escalation-companion-backup',
  formatVersion: 1,
  exportedAt: '2026-11-24T10:00:00.000Z',
  escalations: ['0b6f2f0e-6a43-4c5e-9d55-7d1f4a2b9c01', '5d2c9a7e-1f3b-4e8a-b6c4-2a9e8f7d6c02'].map((id) => ({
    id,
    events: fixture.events.filter((e) => e.escalationId === id),
  })),
};

/** Loads a backup through the records page, as a person would. */
export async function importThroughRecordsPage(
  context: BrowserContext,
  extensionId: string,
  backup: unknown = FIXTURE_BACKUP,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/records.html`);
  await page
    .getByLabel('Import a backup file')
    .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await expect(page.getByRole('status').filter({ hasText: 'Import finished' })).toBeVisible();
  return page;
}

/** A worker's service worker, for reading the badge, alarms and notifications. */
export async function serviceWorker(context: BrowserContext) {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/**
 * Runs code in the record-page script's own (isolated) world of `page`, as a compromised renderer of a granted
 * site could: resolves to a function that evaluates an expression there (awaiting a promise) and returns its
 * value, and one that detaches.
 */
export async function inRecordPageScript(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  const worlds: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: world }) => void worlds.push(world));
  await cdp.send('Runtime.enable');
  const world = worlds.find((w) => w.auxData?.type === 'isolated' && w.name === 'Escalation Companion');
  expect(world, 'the record-page script’s world').toBeDefined();
  const evaluate = async (expression: string): Promise<unknown> =>
    (await cdp.send('Runtime.evaluate', { contextId: world!.id, expression, awaitPromise: true, returnByValue: true })).result.value;
  return { evaluate, detach: () => cdp.detach() };
}

export { seedDirectly } from '../../scripts/seed.mjs';

/** The test build's background puts the extension's own store on its global (lib/browser/storage.ts storeForTests). */
export type StoreGlobal = { extensionStore: typeof import('../../lib/browser/storage').storeForTests };
