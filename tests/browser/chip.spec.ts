// The record page's chip never covers what the worker needs: it keeps off the page's links, buttons, fields and
// frames, steps aside from what the worker focuses or points at, can be moved and folded to the window's edge
// (kept per site), and can be turned off by the worker or their organisation.
import type { BrowserContext, Page } from '@playwright/test';
import { chipChild, chipFrame } from '../../demo/drive.mjs';
import { expect, inRecordPageScript, test, type StoreGlobal } from './fixtures';

const VIEWPORT = { width: 1280, height: 800 };

async function recordPage(context: BrowserContext, url: string, childId = '1000001'): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(VIEWPORT);
  await page.goto(url);
  await expect(await chipChild(page)).toHaveText(`Mosaic ID ${childId}`);
  return page;
}

/** Where the chip's frame is in the window (it sits in a closed shadow root: found through its frame). */
async function chipBox(page: Page) {
  const element = await (await chipFrame(page)).frameElement();
  await expect.poll(async () => (await element.boundingBox()) !== null).toBe(true);
  return (await element.boundingBox())!;
}

/** Waits until the chip has settled where `check` says. */
async function chipSettles(page: Page, check: (box: { x: number; y: number; width: number; height: number }) => boolean) {
  await expect.poll(async () => check(await chipBox(page)), { timeout: 5_000, intervals: [50] }).toBe(true);
}

/** The worker's own settings, through extension storage as the options page saves them. */
async function chooseSetting(context: BrowserContext, key: string, value: unknown) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(
    async ([key, value]) => {
      // The worker's settings live in the extension's own store (issue 38), as the options page writes them.
      const { extensionStore } = globalThis as unknown as StoreGlobal;
      const userSettings = ((await extensionStore.get('userSettings')) ?? {}) as object;
      await extensionStore.set('userSettings', { ...userSettings, [key as string]: value });
    },
    [key, value],
  );
}

test('a button in each corner of the record page can be clicked, unforced, with the chip shown', async ({ context, demoUrl }) => {
  const page = await recordPage(context, `${demoUrl}/person/1000001?corners`);
  for (const name of ['Menu', 'Sign out', 'Previous page', 'Save and close']) {
    // No force: Playwright clicks only once nothing else (the chip) would receive the click.
    await page.getByRole('button', { name }).click({ timeout: 5_000 });
  }
  await expect(page.locator('#corner-clicks')).toHaveText('Menu. Sign out. Previous page. Save and close. ');
  // The chip is still there, folded to the window's edge out of their way, and still opens the panel.
  const box = await chipBox(page);
  expect(box.width).toBeLessThan(40);
  await expect((await chipFrame(page)).getByRole('button', { name: 'Show the Escalations button' })).toBeVisible();
});

test('the chip steps aside from something the worker focuses or points at under it', async ({ context, demoUrl }) => {
  const page = await recordPage(context, `${demoUrl}/person/1000001`);
  await chipSettles(page, (b) => b.x + b.width > VIEWPORT.width - 20 && b.y + b.height > VIEWPORT.height - 20);
  const chip = await chipBox(page);
  // Something the page draws under the chip that no selector calls a control: a focusable box, then a clickable one.
  await page.evaluate(({ x, y, width, height }) => {
    const add = (id: string, css: string) => {
      const box = document.createElement('div');
      box.id = id;
      box.textContent = id;
      box.setAttribute('style', `position: fixed; left: ${x + 20}px; top: ${y}px; width: ${width}px; height: ${height}px; ${css}`);
      document.body.append(box);
      return box;
    };
    add('focused-box', 'background: #eee').tabIndex = -1;
  }, chip);
  await page.locator('#focused-box').focus();
  await chipSettles(page, (b) => b.x + b.width < VIEWPORT.width / 2 || b.y < VIEWPORT.height / 2 || b.width < 40);
  await page.locator('#focused-box').blur();
  await page.evaluate(() => document.getElementById('focused-box')!.remove());
  await chipSettles(page, (b) => b.x + b.width > VIEWPORT.width - 20 && b.y + b.height > VIEWPORT.height - 20 && b.width > 200);

  await page.evaluate(({ x, y, width, height }) => {
    const box = document.createElement('div');
    box.id = 'clickable-box';
    box.textContent = 'Open the chat';
    box.setAttribute('style', `position: fixed; left: ${x - 60}px; top: ${y}px; width: ${width}px; height: ${height}px; cursor: pointer`);
    box.addEventListener('click', () => (box.textContent = 'Chat opened'));
    document.body.append(box);
  }, chip);
  // The pointer comes to the part of it the chip does not cover, on its way to the rest.
  await page.mouse.move(chip.x - 40, chip.y + chip.height / 2);
  await page.mouse.move(chip.x - 10, chip.y + chip.height / 2);
  await page.locator('#clickable-box').click({ timeout: 5_000 });
  await expect(page.locator('#clickable-box')).toHaveText('Chat opened');
});

test('the chip moves by click and arrow keys, folds to the edge and back, and each site keeps its own place', async ({
  context,
  demoUrl,
}) => {
  const page = await recordPage(context, `${demoUrl}/person/1000001`);
  const chip = await chipFrame(page);
  await chipSettles(page, (b) => b.x + b.width > VIEWPORT.width - 20 && b.y + b.height > VIEWPORT.height - 20);

  await chip.getByRole('button', { name: /^Move this button/ }).click();
  await chipSettles(page, (b) => b.x < 20 && b.y + b.height > VIEWPORT.height - 20);
  await chip.getByRole('button', { name: /^Move this button/ }).press('ArrowRight');
  await chipSettles(page, (b) => b.x + b.width > VIEWPORT.width - 20 && b.y + b.height > VIEWPORT.height - 20);
  await chip.getByRole('button', { name: /^Move this button/ }).press('ArrowUp');
  const topRight = (b: { x: number; y: number; width: number }) => b.x + b.width > VIEWPORT.width - 20 && b.y < 20 && b.width > 200;
  await chipSettles(page, topRight);
  await chip.getByRole('button', { name: /^Fold this button away/ }).click();
  // A tab on the window's right edge, in its top half.
  const folded = (b: { x: number; y: number; width: number }) =>
    b.x + b.width >= VIEWPORT.width - 16 && b.width < 40 && b.y < VIEWPORT.height / 2;
  await chipSettles(page, folded);
  // The keyboard stays on the control that undoes it.
  await expect(chip.getByRole('button', { name: 'Show the Escalations button' })).toBeFocused();

  // Kept for this site: another record on it, after a reload, has it folded there too.
  await page.goto(`${demoUrl}/person/1000002`);
  await expect(await chipChild(page)).toHaveText('Mosaic ID 1000002');
  await chipSettles(page, folded);
  await (await chipFrame(page)).getByRole('button', { name: 'Show the Escalations button' }).click();
  await chipSettles(page, topRight);

  // The record page's own script cannot write where the chip goes (Chrome and Edge: extension storage is closed to it).
  const { evaluate: attempt, detach } = await inRecordPageScript(context, page);
  expect(
    await attempt(
      `chrome.storage.local.set({ chipPlaces: { [location.origin]: { corner: 'bottom-right', collapsed: false } } }).then(() => 'written', (e) => 'refused: ' + e.message)`,
    ),
  ).toMatch(/^refused: /);
  await detach();

  // Another site (the same demo under another name) has its own: the default corner.
  const other = await recordPage(context, demoUrl.replace('127.0.0.1', 'localhost') + '/person/1000001');
  await chipSettles(other, (b) => b.x + b.width > VIEWPORT.width - 20 && b.y + b.height > VIEWPORT.height - 20);
});

test('the worker can turn the chip off, and so can their organisation', async ({ context, demoUrl }) => {
  const page = await recordPage(context, `${demoUrl}/person/1000001`);
  const element = await (await chipFrame(page)).frameElement();
  await expect.poll(() => element.isVisible()).toBe(true);

  await chooseSetting(context, 'showChip', false);
  await expect.poll(() => element.isVisible(), { timeout: 10_000 }).toBe(false);
  // A record opened now has none either.
  await page.reload();
  await expect.poll(async () => (await (await chipFrame(page)).frameElement()).isVisible(), { timeout: 10_000 }).toBe(false);

  await chooseSetting(context, 'showChip', true);
  await expect.poll(async () => (await (await chipFrame(page)).frameElement()).isVisible(), { timeout: 10_000 }).toBe(true);

  // The organisation's word wins, and the options page says so.
  const worker = context.serviceWorkers()[0]!;
  await worker.evaluate(() =>
    (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.set({ __testManagedSettings: { showChip: false } }),
  );
  await expect.poll(async () => (await (await chipFrame(page)).frameElement()).isVisible(), { timeout: 10_000 }).toBe(false);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
  await expect(options.getByLabel(/Show the button on record pages/)).toBeDisabled();
  await expect(options.getByLabel(/Show the button on record pages/)).not.toBeChecked();
});
