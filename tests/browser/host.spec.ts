import type { Page } from '@playwright/test';
import { chipChild, chipFrame, choosePlacement, inPagePanel, openSidePanelFor } from '../../demo/drive.mjs';
import { expect, test, type StoreGlobal } from './fixtures';

/** The side panel beside `page`'s tab, drawn. */
async function openPanel(page: Page): Promise<Page> {
  const side = await openSidePanelFor(page);
  await expect(side.getByRole('heading', { level: 1 })).toBeVisible();
  return side;
}

test('reads the child on load and follows client-side navigation between children', async ({ context, demoUrl }) => {
  const page = await context.newPage();
  await page.goto(`${demoUrl}/person/1000001`);
  await expect(await chipChild(page)).toHaveText('Mosaic ID 1000001');
  const side = await openPanel(page);
  await expect(side.getByRole('heading', { name: 'Mosaic ID 1000001' })).toBeVisible();
  await expect(side.getByText('No escalation for this child yet.')).toBeVisible();

  const urlBefore = page.url();
  await page.getByRole('link', { name: 'Noah Bennett' }).click();
  expect(page.url()).not.toBe(urlBefore); // pushState, no reload: the panel stays open
  await expect(side.getByRole('heading', { name: 'Mosaic ID 1000002' })).toBeVisible();
  await expect(await chipChild(page)).toHaveText('Mosaic ID 1000002');
  await page.getByRole('link', { name: 'Isla Morgan' }).click();
  await expect(side.getByRole('heading', { name: 'Mosaic ID 1000003' })).toBeVisible();
  await page.goBack();
  await expect(side.getByRole('heading', { name: 'Mosaic ID 1000002' })).toBeVisible();
});

test('reloading the extension leaves exactly one working launcher and no errors in the page’s console', async ({ context, demoUrl }) => {
  const page = await context.newPage();
  await page.goto(`${demoUrl}/framed/person/1000003`);
  await expect(await chipChild(page)).toHaveText('Mosaic ID 1000003');
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => errors.push(e.message));

  const oldChip = await chipFrame(page);
  const [old] = context.serviceWorkers();
  const restarted = context.waitForEvent('serviceworker', { predicate: (w) => w !== old });
  await old!.evaluate(() => (globalThis as unknown as { chrome: typeof browser }).chrome.runtime.reload());
  await restarted;
  // The new version's script replaces the old one's launcher in the open page.
  await expect.poll(() => oldChip.isDetached(), { timeout: 10_000 }).toBe(true);
  await expect(page.locator('escalation-companion')).toHaveCount(1);
  await expect(await chipChild(page)).toHaveText('Mosaic ID 1000003');
  // The page changes under the old script's observer: it must have stopped, not thrown.
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'late text' })));
  const side = await openPanel(page);
  await expect(side.getByRole('heading', { name: 'Mosaic ID 1000003' })).toBeVisible();
  await expect(page.locator('escalation-companion')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('reads the child inside a same-origin iframe', async ({ context, demoUrl }) => {
  const page = await context.newPage();
  await page.goto(`${demoUrl}/framed/person/1000003`);
  await expect(page.frameLocator('iframe[title="Person record"]').getByRole('heading', { name: 'Isla Morgan' })).toBeVisible();
  await expect(await chipChild(page)).toHaveText('Mosaic ID 1000003');
  const side = await openPanel(page);
  await expect(side.getByRole('heading', { name: 'Mosaic ID 1000003' })).toBeVisible();
});

test('reads the child when the header is drawn late', async ({ context, demoUrl }) => {
  const page = await context.newPage();
  await page.goto(`${demoUrl}/slow/person/1000002`);
  await expect(page.getByText('Loading person…')).toBeVisible(); // no ID on the page yet
  const side = await openPanel(page);
  await expect(side.getByRole('heading', { name: 'Mosaic ID 1000002' })).toBeVisible({ timeout: 5_000 });
  await expect(await chipChild(page)).toHaveText('Mosaic ID 1000002');
});

test('shows "No child found" and stores nothing on a help page and on hostile pages', async ({ context, demoUrl, extensionId }) => {
  const page = await context.newPage();
  for (const path of ['/help', '/hostile/html', '/hostile/script', '/hostile/long', '/hostile/lookalike']) {
    await page.goto(`${demoUrl}${path}`);
    await expect(await chipChild(page), path).toHaveText('No child found on this page');
    const side = await openPanel(page);
    await expect(side.getByRole('heading', { name: 'No child found on this page' }), path).toBeVisible();
    // The hostile value is never rendered as markup anywhere in the panel.
    await expect(side.locator('img'), path).toHaveCount(0);
    await side.close();
  }

  const records = await context.newPage();
  await records.goto(`chrome-extension://${extensionId}/records.html`);
  await expect(records.getByRole('table', { name: /All escalations \(0\)/ })).toBeVisible();
  const [worker] = context.serviceWorkers();
  // storage.local holds nothing (Firefox's content scripts could write it); the extension's own store holds only
  // its configuration (and, after 3 s, the adapter's health: counts and dates per path shape; the protocol
  // definitions escalations may follow; the policy the store last gave): nothing about the page or a child.
  expect(await worker!.evaluate(() => (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.get(null))).toEqual({});
  const stored = (await worker!.evaluate(() => (globalThis as unknown as StoreGlobal).extensionStore.getAll())) as Record<string, unknown>;
  const configuration = [
    '__movedFromStorageLocal',
    'lastPolicy',
    'managedAdapters',
    'adapterHealth',
    'launcher',
    'protocolLibrary',
    'builtInProtocolArchive',
  ];
  expect(Object.keys(stored).filter((key) => !configuration.includes(key))).toEqual([]);
  // The protocols kept: a copy of each built-in version, for escalations that follow it after an update; nothing else.
  // Version 2 of each since issue 36 (version 1 ships in the code too, for the escalations that follow it).
  const builtIns = ['pan-cheshire@2', 'halton@2', 'enfield@2', 'pan-sussex@2', 'herefordshire@2'];
  expect(stored.protocolLibrary).toEqual({ definitions: [], imported: [], organisation: [], builtInsKept: builtIns });
  expect((stored.builtInProtocolArchive as { id: string; version: string }[]).map((p) => `${p.id}@${p.version}`)).toEqual(builtIns);
  expect(stored.managedAdapters ?? []).toEqual([]);
  expect(JSON.stringify(stored.adapterHealth ?? {})).not.toMatch(/\d{7}|<|Amelia|Noah|Isla/);
});

test('in-page placement: the panel is moved to the other side, closed, and toggled from the keyboard', async ({ context, demoUrl }) => {
  await choosePlacement(context, 'in-page');
  const page = await context.newPage();
  await page.goto(`${demoUrl}/person/1000001`);
  await expect(await chipChild(page)).toHaveText('Mosaic ID 1000001');
  const chip = await (await chipFrame(page)).frameElement();
  await page.keyboard.press('Alt+Shift+E');
  const panel = await inPagePanel(page);
  const frame = await panel.frameElement();
  await expect.poll(() => frame.isVisible()).toBe(true);
  expect((await frame.boundingBox())!.x).toBeGreaterThan(800);
  expect(await chip.isVisible()).toBe(false); // the panel has its own Close; the chip would only cover the record

  await panel.getByRole('button', { name: 'Move to the left' }).click();
  await expect.poll(async () => (await frame.boundingBox())!.x).toBe(0);
  await expect(panel.getByRole('button', { name: 'Move to the right' })).toBeVisible();

  await panel.getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => frame.isVisible()).toBe(false);
  await expect.poll(() => chip.isVisible()).toBe(true);

  // The side is remembered for the next record page.
  await page.reload();
  await expect(await chipChild(page)).toHaveText('Mosaic ID 1000001');
  await page.keyboard.press('Alt+Shift+E');
  const againPanel = await inPagePanel(page);
  const again = await againPanel.frameElement();
  await expect.poll(() => again.isVisible()).toBe(true);
  await expect.poll(async () => (await again.boundingBox())!.x).toBe(0);
  // Once the panel is drawn (it listens for the shortcut too, when it has the keyboard), the same keys close it.
  await expect(againPanel.getByRole('heading', { name: 'Mosaic ID 1000001' })).toBeVisible();
  await page.keyboard.press('Alt+Shift+E');
  await expect.poll(() => again.isVisible()).toBe(false);
});

test('does not change the host page’s layout or styles; a page that keeps removing the launcher ends it', async ({ context, demoUrl }) => {
  const page = await context.newPage();
  await page.goto(`${demoUrl}/person/1000001`);
  await expect(await chipChild(page)).toHaveText('Mosaic ID 1000001');
  const measure = () =>
    page.evaluate(() => {
      const h = document.querySelector('#person-header')!;
      const r = h.getBoundingClientRect();
      return {
        x: r.x,
        y: r.y,
        w: r.width,
        h: r.height,
        font: getComputedStyle(h).fontFamily,
        bodyMargin: getComputedStyle(document.body).margin,
      };
    });
  const withExtension = await measure();
  // The tamper guard puts the launcher back, and gives up (removes itself) after 5 foreign changes.
  for (let i = 0; i < 5; i++) {
    await expect(page.locator('escalation-companion')).toHaveCount(1);
    await page.evaluate(() => document.querySelector('escalation-companion')?.remove());
  }
  await expect(page.locator('escalation-companion')).toHaveCount(0);
  expect(await measure()).toEqual(withExtension);
});

test('a malformed adapter file shows what is wrong and keeps the existing adapters', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const rows = page.getByRole('table', { name: /Adapters in use/ }).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  const upload = (name: string, text: string) =>
    page.getByLabel('Import adapters (JSON file)').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

  await upload('broken.json', '{"id": "ours", "name": ');
  await expect(page.getByRole('alert')).toContainText('not valid JSON');
  await expect(page.getByRole('alert')).toContainText('Your adapters are unchanged');
  await expect(rows).toHaveCount(2);

  const wrong = {
    id: 'ours',
    name: 'Our Mosaic',
    matches: ['mosaic.ourcouncil.gov.uk'],
    childId: { label: 'Mosaic ID', sources: [{ kind: 'title' }], validator: { pattern: '[0-9]+', maxLength: 10 } },
    notes: {},
  };
  await upload('wrong.json', JSON.stringify(wrong));
  await expect(page.getByRole('alert')).toContainText('matches.0: must look like https://');
  await expect(rows).toHaveCount(2);

  await upload('good.json', JSON.stringify({ ...wrong, matches: ['https://mosaic.ourcouncil.gov.uk/*'] }));
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('Imported Our Mosaic');
  await expect(rows).toHaveCount(3);
  await page.reload();
  await expect(rows.first()).toContainText('Our Mosaic');
  await expect(rows.first()).toContainText('Yours');
});

test('the worker can pick the child’s ID on a page the adapter misses, and it applies at once', async ({
  context,
  extensionId,
  demoUrl,
}) => {
  const page = await context.newPage();
  await page.goto(`${demoUrl}/legacy/person/1000002`);
  await expect(await chipChild(page)).toHaveText('No child found on this page');
  const side = await openPanel(page);
  await expect(side.getByRole('heading', { name: 'No child found on this page' })).toBeVisible();

  // Picking the label is refused with a reason.
  await side.getByRole('button', { name: 'Pick the child’s ID on this page' }).click();
  await expect(page.locator('escalation-picker')).toBeAttached();
  await page.locator('.ref-label').click();
  await expect(side.getByRole('alert')).toContainText('“Ref” does not look like an ID');

  await side.getByRole('button', { name: 'Pick again' }).click();
  await page.locator('.ref-value').click();
  await expect(side.getByRole('heading', { name: 'You picked “1000002”' })).toBeVisible();
  await side.getByRole('button', { name: 'Use this' }).click();
  await expect(side.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  // No reload: the page keeps its state, and the panel now follows the picked ID.
  await expect(side.getByRole('heading', { name: 'Mosaic ID 1000002' })).toBeVisible();
  await expect(await chipChild(page)).toHaveText('Mosaic ID 1000002');

  // Pages that already worked still do.
  await page.goto(`${demoUrl}/person/1000003`);
  await expect(await chipChild(page)).toHaveText('Mosaic ID 1000003');
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.locator('tr[data-adapter="demo"]')).toContainText('Demo case-record system (corrected)');
  await expect(options.locator('tr[data-adapter="demo"]')).toContainText('Yours');
});

test('picking by keyboard on a running-text banner learns a regex, shows what it will read, and works for the next child', async ({
  context,
  demoUrl,
}) => {
  const page = await context.newPage();
  await page.goto(`${demoUrl}/banner/person/1000001`);
  await expect(await chipChild(page)).toHaveText('No child found on this page');
  const side = await openPanel(page);
  await side.getByRole('button', { name: 'Pick the child’s ID on this page' }).click();
  await expect(page.locator('escalation-picker')).toBeAttached();
  // Tab to the first thing on the page with a number in it (the banner), Enter to choose it.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(side.getByRole('heading', { name: /^You picked “Amelia Hart \(Case ref: 1000001\)/ })).toBeVisible();
  await expect(side.locator('.pick-reading')).toHaveText('This page’s child: 1000001. Is that right?');
  await side.getByRole('button', { name: 'Use this' }).click();
  await expect(await chipChild(page)).toHaveText('Mosaic ID 1000001');
  // Another child's banner (another name and date of birth) reads that child's ID.
  await page.goto(`${demoUrl}/banner/person/1000002`);
  await expect(await chipChild(page)).toHaveText('Mosaic ID 1000002');
});

test('an adapter whose page changed shape says it may need updating after 3 loads, gives IT a report with nothing personal, and recovers', async ({
  context,
  extensionId,
  demoUrl,
}) => {
  const page = await context.newPage();
  await page.goto(`${demoUrl}/person/1000001`);
  await expect(await chipChild(page)).toHaveText('Mosaic ID 1000001'); // found here before
  // The supplier changes the header: three loads in a row without the child.
  for (const id of ['1000002', '1000003']) {
    await page.goto(`${demoUrl}/person/${id}?redesign`);
    await expect(await chipChild(page)).toHaveText('No child found on this page');
    await page.waitForTimeout(3_500); // each load counts once it has had its time to show the child
  }
  await page.goto(`${demoUrl}/person/1000001?redesign`);
  await expect(await chipChild(page)).toHaveText('This site’s adapter may need updating — tell your IT team', { timeout: 10_000 });
  const side = await openPanel(page);
  await expect(side.getByRole('heading', { name: 'This site’s adapter may need updating — tell your IT team' })).toBeVisible();

  const [download] = await Promise.all([
    side.waitForEvent('download'),
    side.getByRole('button', { name: 'Download a report for IT' }).click(),
  ]);
  const report = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(JSON.parse(report)).toMatchObject({ adapter: { id: 'demo' }, pathShape: '/person/#######' });
  expect(report).toContain('found nothing');
  expect(report).not.toMatch(/1000001|Amelia|Hart|Noah|Bennett|Visited/);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.locator('tr[data-health="demo"]')).toContainText('May need updating (/person/#######)');

  // The page is fixed (or the adapter corrected): the next load finds the child and the warning goes.
  await page.goto(`${demoUrl}/person/1000001`);
  await expect(await chipChild(page)).toHaveText('Mosaic ID 1000001');
  await options.reload();
  await expect(options.locator('tr[data-health="demo"]')).toContainText('Working');
});

test('an adapter file can be tried on an open record tab before it is imported: what each source read, and nothing saved', async ({
  context,
  extensionId,
  demoUrl,
}) => {
  const record = await context.newPage();
  await record.goto(`${demoUrl}/banner/person/1000002`);
  await expect(await chipChild(record)).toHaveText('No child found on this page');
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const tester = options.getByRole('region', { name: 'Test an adapter on an open tab' });
  await tester
    .getByLabel('Open record tab')
    .selectOption({ label: `Person summary - Children's Case Management (demo) — ${demoUrl}/banner/person/1000002` });
  // The built-in adapter misses this page: both its sources say why.
  await tester.getByLabel('Adapter', { exact: true }).selectOption({ label: 'Demo case-record system' });
  await tester.getByRole('button', { name: 'Test on this tab' }).click();
  const results = tester.getByRole('table', { name: 'What each source read' });
  await expect(results.locator('tbody tr')).toHaveText([/found nothing/, /found nothing/]);
  // A corrected adapter from a file, not imported: its label source reads the banner.
  const corrected = {
    id: 'demo-banner',
    name: 'Demo, banner pages',
    matches: ['http://127.0.0.1/*'],
    childId: { label: 'Mosaic ID', sources: [{ kind: 'label', labels: ['Case ref'] }], validator: { pattern: '[0-9]{7}', maxLength: 7 } },
    notes: {},
  };
  await tester
    .getByLabel('An adapter file to test (optional; not imported)')
    .setInputFiles({ name: 'banner.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(corrected)) });
  await expect(tester.getByLabel('Adapter', { exact: true })).toHaveValue('demo-banner');
  await tester.getByRole('button', { name: 'Test on this tab' }).click();
  await expect(results.locator('tbody tr')).toHaveText([/label "Case ref"found a valid ID1000002/]);
  // Nothing was saved: the record page still finds no child, and the adapters list does not have it.
  await expect(await chipChild(record)).toHaveText('No child found on this page');
  await expect(options.locator('tr[data-adapter="demo-banner"]')).toHaveCount(0);
});
