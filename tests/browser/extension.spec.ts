import { formatDue } from '../../lib/time/format';
import { scheduleEscalation } from '../../lib/schedule/schedule';
import type { Browser } from 'wxt/browser';
import { chipChild, chipFrame, choosePlacement, openSidePanelFor } from '../../demo/drive.mjs';
import { expect, serviceWorker, test } from './fixtures';

test('one click on the record page’s chip opens the browser’s side panel, which shows the child and the ladder', async ({
  context,
  demoUrl,
}) => {
  const page = await context.newPage();
  await page.goto(`${demoUrl}/person/1000001`);
  await expect(page.getByRole('heading', { name: 'Amelia Hart' })).toBeVisible();
  await expect(await chipChild(page)).toHaveText('Mosaic ID 1000001');
  await (await chipFrame(page)).getByRole('button', { name: 'Escalations' }).click();
  // The browser opened its own side panel (Chrome lists it among the extension's contexts).
  const worker = await serviceWorker(context);
  const sidePanels = () =>
    worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: typeof browser };
      return (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as Browser.runtime.ContextType] })).map((c) => c.documentUrl);
    });
  await expect.poll(sidePanels).toEqual([expect.stringMatching(/\/sidepanel\.html$/)]);
  // The toolbar button opens it too (no popup in the way); with in-page placement it opens the due-list popup.
  const toolbar = () =>
    worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: typeof browser };
      return { popup: await chrome.action.getPopup({}), sidePanel: (await chrome.sidePanel.getPanelBehavior()).openPanelOnActionClick };
    });
  await expect.poll(toolbar).toEqual({ popup: '', sidePanel: true });
  await choosePlacement(context, 'in-page');
  await expect.poll(toolbar).toEqual({ popup: expect.stringMatching(/\/popup\.html$/), sidePanel: false });
  await choosePlacement(context, 'side-panel');

  // What it shows for this tab (the same page, opened where Playwright can read it).
  const panel = await openSidePanelFor(page);
  await expect(panel.getByRole('heading', { name: 'Escalation Companion', level: 1 })).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Mosaic ID 1000001' })).toBeVisible();
  // The Pan-Cheshire ladder is shown first, in the document's own words.
  await expect(panel.getByRole('heading', { name: 'Step 1: Line Manager to Line Manager (Day 3-7)' })).toBeVisible();

  // Switching protocol shows that protocol's stages and its clocks from today.
  await panel.getByLabel('Protocol', { exact: true }).selectOption('herefordshire');
  const stage2 = panel.locator('[data-stage="stage-2"]');
  await expect(stage2.getByRole('heading', { level: 3 })).toHaveText(/^Stage 2 Safeguarding Lead/);
  const expected = scheduleEscalation({ protocolId: 'herefordshire', concernRaisedAt: new Date().toISOString() }).stages[2]!;
  await expect(stage2.locator('[data-clock="by-day-8"]')).toContainText(
    `Stage 2 completed by Day 8 from the initial concern: due ${formatDue(expected.due!)}`,
  );
  await expect(stage2.getByText('Complete the Report to HSCP (Appendix 2)')).toBeVisible();
});

test('the panel passes an accessibility scan (axe, WCAG 2.2 AA) for every protocol', async ({ context, extensionId }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/panel.html`);
  for (const protocol of ['pan-cheshire', 'halton', 'enfield', 'pan-sussex', 'herefordshire']) {
    await page.getByLabel('Protocol', { exact: true }).selectOption(protocol);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${protocol}: ${v.id} ${v.help}`)).toEqual([]);
  }
});
