// Drives the panel on the demo record the way a person would. Shared by the
// headless demo (screenshots) and the browser tests.
import { expect } from '@playwright/test';

/**
 * The record page's chip: an extension frame inside a closed shadow root, so it is found among the page's
 * frames (no selector reaches it, which is the point).
 */
export async function chipFrame(page) {
  const find = () => page.frames().find((f) => f.url().endsWith('/chip.html') && !f.isDetached());
  await expect.poll(() => Boolean(find()), { timeout: 10_000, intervals: [25] }).toBe(true);
  return find();
}

/** The chip's line naming the child ("Mosaic ID 1000001", "No child found on this page"). */
export const chipChild = async (page) => (await chipFrame(page)).locator('#child');
/** The chip's stage and time left. */
export const chipStatus = async (page) => (await chipFrame(page)).locator('#status');

/** The in-page panel's frame (in-page placement), once the chip or the shortcut opened it. */
export async function inPagePanel(page) {
  const find = () => page.frames().find((f) => f.url().endsWith('/panel.html') && !f.isDetached());
  await expect.poll(() => Boolean(find()), { timeout: 10_000, intervals: [25] }).toBe(true);
  return find();
}

/** The id of the tab showing `page`, as the extension knows it (asked from the page's chip frame). */
export async function tabIdOf(page) {
  const chip = await chipFrame(page);
  return chip.evaluate(async () => (await chrome.tabs.getCurrent()).id);
}

/**
 * The side panel bound to `page`'s tab, opened as a page of its own (the browser's side panel itself is
 * browser UI that Playwright cannot drive; the page in it is this one). It opens in a window of its own, as
 * the side panel sits beside the record: the record's tab stays the visible one (a hidden tab's timers and
 * frames are throttled, which no worker's record tab is).
 */
export async function openSidePanelFor(page) {
  const tabId = await tabIdOf(page);
  const context = page.context();
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const opened = context.waitForEvent('page');
  await worker.evaluate((url) => chrome.windows.create({ url, type: 'popup', width: 400, height: 800 }), `sidepanel.html?tab=${tabId}`);
  const sidePanel = await opened;
  await sidePanel.waitForLoadState('domcontentloaded');
  return sidePanel;
}

/** Opens a child's record and the side panel beside it; resolves to the side panel's page. */
export async function openPanel(page, demoUrl, childId = '1000001') {
  await page.goto(`${demoUrl}/person/${childId}`);
  await expect(await chipChild(page)).toHaveText(`Mosaic ID ${childId}`);
  const panel = await openSidePanelFor(page);
  await expect(panel.getByRole('heading', { name: `Mosaic ID ${childId}` })).toBeVisible();
  return panel;
}

/**
 * The worker's own choice of where the panel opens, made in the options page as a worker makes it; resolves once
 * the background has applied it (record pages and the chip read the applied value, kept in the extension's own
 * IndexedDB, lib/browser/storage.ts). Works with the production build too (the bench).
 */
export async function choosePlacement(context, placement) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const options = await context.newPage();
  await options.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
  const radio = options.locator('fieldset[data-setting="panelPlacement"] input[type="radio"]').nth(placement === 'in-page' ? 1 : 0);
  if (!(await radio.isChecked())) await radio.click();
  const applied = () =>
    options.evaluate(
      () =>
        new Promise((resolve) => {
          const opening = indexedDB.open('extension-store');
          opening.onerror = () => resolve(null);
          opening.onsuccess = () => {
            const read = opening.result.transaction('items').objectStore('items').get('launcher');
            read.onsuccess = () => (opening.result.close(), resolve(read.result?.placement ?? 'side-panel'));
            read.onerror = () => resolve(null);
          };
        }),
    );
  await expect.poll(applied, { timeout: 10_000, intervals: [50] }).toBe(placement);
  await options.close();
}

/** With in-page placement: opens a child's record and the panel in it, from the chip; resolves to the panel's frame. */
export async function openInPagePanel(page, demoUrl, childId = '1000001') {
  await page.goto(`${demoUrl}/person/${childId}`);
  await expect(await chipChild(page)).toHaveText(`Mosaic ID ${childId}`);
  await (await chipFrame(page)).getByRole('button', { name: 'Escalations' }).click();
  const panel = await inPagePanel(page);
  await expect(panel.getByRole('heading', { name: `Mosaic ID ${childId}` })).toBeVisible();
  return panel;
}

/** Fills the start form (a person's details, a counterpart, the kind) for a protocol. */
export async function fillStartForm(panel, protocolId, { concern, days = '', immediateRisk = false } = {}) {
  await panel.getByLabel('Protocol', { exact: true }).selectOption(protocolId);
  if (immediateRisk) await panel.getByLabel('The child may be at immediate risk of significant harm').check();
  await panel.getByLabel('Your name', { exact: true }).fill('Jo Patel');
  await panel.getByLabel('Your role', { exact: true }).fill('Social Worker');
  await panel.getByLabel('Your agency', { exact: true }).fill("Children's Social Care");
  await panel.getByLabel('Their name', { exact: true }).fill('Sam Reid');
  await panel.getByLabel('Their role', { exact: true }).fill('Health Visitor');
  await panel.getByLabel('Their agency', { exact: true }).fill('Community Health');
  await panel.getByLabel('What the disagreement is about').selectOption('thresholds');
  if (concern) await panel.getByLabel('When the concern arose (UK time)').fill(concern);
  if (days) await panel.getByLabel(/Timeframe for resolution at this stage/).fill(days);
}

/** Escalates to the named stage because it was not resolved. */
export async function escalate(panel, stageTitle, days = '') {
  await panel.getByRole('button', { name: `Escalate to ${stageTitle}` }).click();
  await panel.getByLabel('Not resolved at the previous stage').check();
  if (days) await panel.getByLabel('Timeframe for resolution at this stage (working days)').fill(days);
  await panel
    .getByRole('form', { name: 'Escalate' })
    .getByRole('button', { name: `Escalate to ${stageTitle}` })
    .click();
  await expect(panel.locator('.current-stage')).toHaveText(stageTitle);
}
