import { formatDue } from '../../lib/format';
import { scheduleEscalation } from '../../lib/schedule';
import { expect, test } from './fixtures';

test('the extension shows its panel beside the demo case record', async ({ context, extensionId, demoUrl }) => {
  const page = await context.newPage();
  await page.goto(`${demoUrl}/person/1000001`);
  await expect(page.getByRole('heading', { name: 'Amelia Hart' })).toBeVisible();

  const launcher = page.getByRole('button', { name: 'Escalations' });
  await expect(launcher).toBeVisible();
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
  await launcher.click();
  await expect(launcher).toHaveAttribute('aria-expanded', 'true');

  const panel = page.frameLocator('iframe[title="Escalation Companion"]');
  await expect(panel.getByRole('heading', { name: 'Escalation Companion', level: 1 })).toBeVisible();
  const frame = page.frames().find((f) => f.url().startsWith(`chrome-extension://${extensionId}/`));
  // The launcher hands the panel the child it has read (panel.html#host=…&child=…).
  expect(frame?.url()).toMatch(/\/panel\.html(#host=demo&child=1000001&label=Mosaic\+ID)?$/);

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
