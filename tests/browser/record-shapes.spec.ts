// Issue 38, "Read what a person sees, or nothing", in real Chromium: record pages of each shape that was read as
// another child (demo/public/shapes/), with the built-in Mosaic adapter as the docs say to configure it (an
// adapter file for the site, imported in the options page). The chip and the side panel show the child as
// drawn, or "No child found" with the reason, never a fragment or a neighbouring field's number.
import type { BrowserContext, Page } from '@playwright/test';
import { chipChild, chipStatus, openSidePanelFor } from '../../demo/drive.mjs';
import { MOSAIC } from '../../lib/hosts/builtin';
import { expect, test } from './fixtures';

/** The built-in Mosaic adapter, for the demo's site: imported as an adapter file, as a person would. */
async function useMosaicAdapter(context: BrowserContext, extensionId: string) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const file = { ...MOSAIC, id: 'our-mosaic', name: 'Our Mosaic', matches: ['http://127.0.0.1/*'] };
  await options
    .getByLabel('Import adapters (JSON file)')
    .setInputFiles({ name: 'mosaic.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(options.getByRole('status').filter({ hasText: 'Imported' })).toContainText('Imported Our Mosaic');
  await options.close();
}

async function expectChild(page: Page, side: Page, id: string) {
  await expect(await chipChild(page)).toHaveText(`Mosaic ID ${id}`);
  await expect(side.getByRole('heading', { name: `Mosaic ID ${id}` })).toBeVisible();
}

async function expectNoChild(page: Page, side: Page, chipReason: string, panelReason: RegExp) {
  await expect(await chipChild(page)).toHaveText('No child found on this page');
  await expect(await chipStatus(page)).toHaveText(chipReason);
  await expect(side.getByRole('heading', { name: 'No child found on this page' })).toBeVisible();
  await expect(side.locator('.no-child-reason')).toHaveText(panelReason);
  await expect(side.getByRole('button', { name: 'Pick the child’s ID on this page' })).toBeVisible();
}

const EMPTY = /^This page shows the Mosaic ID field with nothing in it/;
const NOT_ONE_ID = /^This page’s Mosaic ID field does not show one whole ID/;

test('an ID drawn in pieces reads whole as drawn, or not at all', async ({ context, extensionId, demoUrl }) => {
  await useMosaicAdapter(context, extensionId);
  const page = await context.newPage();
  await page.goto(`${demoUrl}/shapes/zero-width.html`);
  const side = await openSidePanelFor(page);
  await expectChild(page, side, '4471203');
  for (const shape of ['spans', 'highlight']) {
    await page.goto(`${demoUrl}/shapes/${shape}.html`);
    await expectChild(page, side, '4471203');
  }
  await page.goto(`${demoUrl}/shapes/spaced.html`);
  await expectNoChild(page, side, 'Mosaic ID field holds no whole ID', NOT_ONE_ID);
});

test('an empty ID field is never filled from the next one, in the page or in its frame', async ({ context, extensionId, demoUrl }) => {
  await useMosaicAdapter(context, extensionId);
  const page = await context.newPage();
  await page.goto(`${demoUrl}/shapes/empty-nhs.html`);
  const side = await openSidePanelFor(page);
  await expectNoChild(page, side, 'Mosaic ID field empty', EMPTY);
  for (const [shape, chip, panel] of [
    ['empty-date', 'Mosaic ID field empty', EMPTY],
    ['empty-column', 'Mosaic ID field empty', EMPTY],
    ['empty-legacy', 'Mosaic ID field holds no whole ID', NOT_ONE_ID],
    ['framed', 'Mosaic ID field empty', EMPTY],
  ] as const) {
    await page.goto(`${demoUrl}/shapes/${shape}.html`);
    await expectNoChild(page, side, chip, panel);
  }
});

test('the re-read after a single-page app changes the page follows the same rule', async ({ context, extensionId, demoUrl }) => {
  await useMosaicAdapter(context, extensionId);
  const page = await context.newPage();
  await page.goto(`${demoUrl}/shapes/spans.html`);
  const side = await openSidePanelFor(page);
  await expectChild(page, side, '4471203');
  // The app moves to a new child's record without loading a page: its Mosaic ID is not given yet.
  await page.evaluate(() => {
    history.pushState({}, '', '/shapes/new-record');
    const dd = document.querySelector('dd')!;
    dd.replaceChildren();
    const [dt, nhs] = [document.createElement('dt'), document.createElement('dd')];
    dt.textContent = 'NHS number';
    nhs.textContent = '943 476 5919';
    dd.after(dt, nhs);
  });
  await expectNoChild(page, side, 'Mosaic ID field empty', EMPTY);
  // Its ID arrives, drawn in two pieces: read whole.
  await page.evaluate(() => {
    const dd = document.querySelector('dd')!;
    dd.append(
      Object.assign(document.createElement('span'), { textContent: '552' }),
      '\u200b',
      Object.assign(document.createElement('b'), { textContent: '0001' }),
    );
  });
  await expectChild(page, side, '5520001');
});
