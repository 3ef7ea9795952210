// The browser's side panel as the default surface, the in-page panel that makes room instead of covering
// the record, and the in-page part that tells the record page's own scripts nothing.
import type { Page } from '@playwright/test';
import { chipChild, chipFrame, chipStatus, choosePlacement, escalate, fillStartForm, inPagePanel, tabIdOf } from '../../demo/drive.mjs';
import { expect, inRecordPageScript, serviceWorker, test } from './fixtures';

test('the side panel follows the worker across tabs and children, shows what is due on other tabs, and carries an escalation through', async ({
  context,
  demoUrl,
}) => {
  const amelia = await context.newPage();
  await amelia.goto(`${demoUrl}/person/1000001`);
  await expect(await chipChild(amelia)).toHaveText('Mosaic ID 1000001');
  const noah = await context.newPage();
  await noah.goto(`${demoUrl}/person/1000002`);
  await expect(await chipChild(noah)).toHaveText('Mosaic ID 1000002');
  const blank = await context.newPage();

  // The side panel page, in a window of its own, following the records' window as the browser's side panel would.
  const worker = await serviceWorker(context);
  const windowId = await worker.evaluate(
    async (tabId) => (await (globalThis as unknown as { chrome: typeof browser }).chrome.tabs.get(tabId)).windowId,
    await tabIdOf(amelia),
  );
  const opened = context.waitForEvent('page');
  await worker.evaluate(
    (url) => (globalThis as unknown as { chrome: typeof browser }).chrome.windows.create({ url, type: 'popup', width: 400, height: 800 }),
    `sidepanel.html?window=${windowId}`,
  );
  const side = await opened;
  const heading = (name: string) => side.getByRole('heading', { name });

  const switchTo = async (page: Page) => {
    await page.bringToFront();
    const started = Date.now();
    return () => Date.now() - started;
  };
  let took = await switchTo(noah);
  await expect(heading('Mosaic ID 1000002')).toBeVisible();
  const firstVisit = took();
  await switchTo(amelia);
  await expect(heading('Mosaic ID 1000001')).toBeVisible();
  took = await switchTo(noah);
  await expect(heading('Mosaic ID 1000002')).toBeVisible();
  console.log(`side panel: tab switch shown in ${firstVisit} ms (first visit), ${took()} ms (seen before), as Playwright sees it`);

  // Another child in the same tab (the host's own client-side navigation).
  await noah.getByRole('link', { name: 'Isla Morgan' }).click();
  await expect(heading('Mosaic ID 1000003')).toBeVisible();

  // A tab with no case record: the worker's due list instead of an empty panel.
  await switchTo(blank);
  await expect(heading('This tab shows no case record. Your escalations by due date:')).toBeVisible();
  await expect(side.getByRole('button', { name: 'Open the dashboard' })).toBeVisible();

  // Start, escalate and resolve, first-party from the side panel; the chip on the record page follows.
  await switchTo(amelia);
  await expect(heading('Mosaic ID 1000001')).toBeVisible();
  await fillStartForm(side, 'herefordshire', { concern: '2026-11-16T09:30' });
  await side.getByRole('button', { name: 'Start escalation' }).click();
  await expect(side.locator('.current-stage')).toHaveText('Raise the issue with your counterpart (not a formal stage)');
  await expect(await chipStatus(amelia)).toHaveText('Initial discussion');
  await escalate(side, 'Stage 1 Line/Team Manager to Line/Team Manager');
  await expect(side.locator('.timers [data-clock]').first()).toContainText('due');
  await expect(await chipStatus(amelia)).toHaveText(/^Stage 1 · /);
  await side.getByRole('button', { name: 'Resolve' }).click();
  await side.getByLabel(/How it was resolved/).fill('Agreed a joint visit');
  await side.getByRole('form', { name: 'Resolve the escalation' }).getByRole('button', { name: 'Resolve' }).click();
  await expect(side.locator('#escalation-title')).toContainText('Resolved');
  await expect(await chipStatus(amelia)).toBeHidden();
  await expect(side.locator('.history li')).toHaveCount(3);
});

/**
 * Every control a worker could use on the page that is not wholly visible and clickable: at its centre and
 * near each corner, the topmost element must be the control (or inside it).
 */
async function coveredControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const covered: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      'a[href], button, input:not([type="hidden"]), select, textarea, [contenteditable="true"], [role="button"], [role="textbox"], iframe',
    );
    for (const control of controls) {
      if (control.closest('escalation-companion') || control.getClientRects().length === 0) continue;
      control.scrollIntoView({ block: 'center', inline: 'nearest' });
      const r = control.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const top = Math.max(r.top + 2, 0);
      const bottom = Math.min(r.bottom - 2, innerHeight - 1);
      // A link that wraps has a box per line: the middle of each; a box of one piece: its middle and its corners.
      const boxes = [...control.getClientRects()];
      const points =
        boxes.length > 1
          ? boxes.map((b) => [b.left + b.width / 2, b.top + b.height / 2])
          : [
              [r.left + r.width / 2, (top + bottom) / 2],
              [r.left + 2, top],
              [r.right - 2, top],
              [r.left + 2, bottom],
              [r.right - 2, bottom],
            ];
      const hidden = points.some(([x, y]) => {
        if (x! < 0 || x! >= innerWidth) return true;
        const at = document.elementFromPoint(x!, y!);
        return !at || !(at === control || control.contains(at));
      });
      if (hidden)
        covered.push(
          `${control.tagName.toLowerCase()}${control.id ? `#${control.id}` : ''} "${(control.textContent ?? '').trim().slice(0, 30)}"`,
        );
    }
    return covered;
  });
}

test('in-page placement at 1024 and 1280 px: the panel makes room, and every control on the record stays visible and clickable', async ({
  context,
  demoUrl,
}) => {
  await choosePlacement(context, 'in-page');
  const page = await context.newPage();
  for (const [width, editor] of [
    [1024, 'ckeditor'],
    [1280, 'tinymce'],
  ] as const) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${demoUrl}/person/1000001?editor=${editor}`);
    await expect(page.locator(`[data-editor-ready="${editor}"]`)).toBeAttached({ timeout: 15_000 });
    await expect(await chipChild(page)).toHaveText('Mosaic ID 1000001');
    const controls = await page.evaluate(() => document.querySelectorAll('a[href], button, input, select, textarea, iframe').length);
    await (await chipFrame(page)).getByRole('button', { name: 'Escalations' }).click();
    const panel = await inPagePanel(page);
    await expect(panel.getByRole('heading', { name: 'Mosaic ID 1000001' })).toBeVisible();
    expect(controls).toBeGreaterThan(10);
    expect(await coveredControls(page), `${width} px`).toEqual([]);
    // Closing gives the page its width back.
    await panel.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).marginRight)).toBe('0px');
  }
});

test('the record page’s own scripts can read nothing of the child’s escalation, and the background tells a record page nothing', async ({
  context,
  demoUrl,
}) => {
  const page = await context.newPage();
  await choosePlacement(context, 'in-page');
  await page.goto(`${demoUrl}/person/1000001`);
  await expect(await chipChild(page)).toHaveText('Mosaic ID 1000001');
  await (await chipFrame(page)).getByRole('button', { name: 'Escalations' }).click();
  const panel = await inPagePanel(page);
  await fillStartForm(panel, 'herefordshire', { concern: '2026-11-16T09:30' });
  await panel.getByRole('button', { name: 'Start escalation' }).click();
  await expect(panel.locator('.current-stage')).toBeVisible();
  await escalate(panel, 'Stage 1 Line/Team Manager to Line/Team Manager');
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(await chipStatus(page)).toHaveText(/^Stage 1 · .*working day/);

  // What the page's main world can reach: the element, its (absent) shadow root, the frames' addresses and text.
  const seen = await page.evaluate(() => {
    const host = document.querySelector('escalation-companion') as HTMLElement;
    const frames: string[] = [];
    for (let i = 0; i < window.frames.length; i++) {
      try {
        frames.push(window.frames[i]!.location.href + window.frames[i]!.document.body.innerText);
      } catch {
        frames.push('cross-origin');
      }
    }
    return {
      shadowRoot: host.shadowRoot === null,
      host: host.outerHTML,
      attributes: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.value)).join(' '),
      text: document.documentElement.innerText,
      findsStage: (window as unknown as { find(text: string): boolean }).find('working days left'),
      frames,
    };
  });
  expect(seen.shadowRoot).toBe(true);
  expect(seen.host).toMatch(/^<escalation-companion style="[^"]*"><\/escalation-companion>$/);
  expect(seen.frames.every((f) => f === 'cross-origin')).toBe(true);
  for (const secret of ['Stage 1 ·', 'working day', 'ESC-', 'Herefordshire', 'Sam Reid', 'chip.html', 'panel.html']) {
    expect(seen.text).not.toContain(secret);
    expect(seen.attributes).not.toContain(secret);
  }
  expect(seen.findsStage).toBe(false);

  // From the record-page script's own world (as a compromised renderer could): the background names no child's status.
  const { evaluate, detach } = await inRecordPageScript(context, page);
  const ask = async (message: object) =>
    (await evaluate(
      `chrome.runtime.sendMessage(${JSON.stringify(message)}).then((r) => JSON.stringify(r ?? null), (e) => 'refused')`,
    )) as string;
  for (const childId of ['1000001', '1000002']) {
    const asked = await ask({ protocol: 'record-page-to-extension', type: 'childStatus', data: { hostId: 'demo', childId } });
    expect(asked).not.toMatch(/Stage|working|open/);
  }
  expect(JSON.parse(await ask({ protocol: 'pages-to-background', type: 'chipState' }))).toEqual({
    tabId: null,
    frames: [],
    placement: 'in-page',
  });
  expect(JSON.parse(await ask({ protocol: 'pages-to-background', type: 'tabReading', data: { tabId: await tabIdOf(page) } }))).toEqual({
    tabId: null,
    frames: [],
  });
  await detach();
});
