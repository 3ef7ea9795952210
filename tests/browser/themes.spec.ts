// Issue 36: a disagreement about practice across several children, started from the dashboard with no child on
// any page, listed as a theme, filtered apart, and never offered for insertion into a child's record.
import { generateEscalations } from '../fixtures/generator';
import { expect, importThroughRecordsPage, test } from './fixtures';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

test('a theme started from the dashboard with two child IDs is listed as a theme, filtered apart, and opened with no insert', async ({
  context,
  extensionId,
}) => {
  const data = generateEscalations({ count: 6, now: new Date(), seed: 36, spanDays: 30 });
  await importThroughRecordsPage(context, extensionId, data.backup);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const axe = async () => (await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations.map((v) => `${v.id} ${v.help}`);

  await page.getByRole('link', { name: 'Start a theme (practice across several children)' }).click();
  await expect(page.getByRole('heading', { name: 'Start a theme: practice across several children' })).toBeVisible();
  // Nothing typed: the form says what is missing and starts nothing.
  await page.getByLabel('Title of the theme').fill('');
  await page.getByRole('button', { name: 'Start escalation' }).click();
  await expect(page.locator('.error-summary')).toContainText('Title of the theme');
  expect(await axe()).toEqual([]);

  await page.getByLabel('Protocol', { exact: true }).selectOption('herefordshire');
  await page.getByLabel('Title of the theme').fill('Strategy meetings held without health');
  await page.getByLabel('Your name').fill('Jo Patel');
  await page.getByLabel('Your role').fill('Social Worker');
  await page.getByLabel('Your agency').fill("Children's Social Care");
  await page.getByLabel('Their name').fill('Sam Reid');
  await page.getByLabel('Their role').fill('Named Nurse');
  await page.getByLabel('Their agency').fill('Community Health');
  await page.getByLabel('What the disagreement is about').selectOption('roles-and-responsibilities');
  await page
    .getByLabel('The practice issue across these cases, whether it recurs, and the outcome you want')
    .fill('Health is not invited.');
  await page.getByLabel('Child IDs it concerns, if any (one per line)').fill('THEME-CHILD-1\n\nTHEME-CHILD-2\n');
  await page.getByRole('button', { name: 'Start escalation' }).click();

  // Opened once made: its title and the two IDs as typed, and no "insert into the record" (copy stays).
  await expect(page).toHaveURL(/#view=escalation&id=/);
  await expect(page.locator('.theme-line')).toContainText('Strategy meetings held without health');
  await expect(page.locator('.theme-child-ids li')).toHaveText(['THEME-CHILD-1', 'THEME-CHILD-2']);
  await expect(page.locator('.child-line')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Copy note' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Insert into the record/ })).toHaveCount(0);
  expect(await axe()).toEqual([]);

  // In the list, marked as a theme with its title where a child's ID would be.
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#status=all`);
  const row = page.locator('tbody tr[data-escalation]', { hasText: 'Strategy meetings held without health' });
  await expect(row.locator('td').first()).toHaveText('Theme Strategy meetings held without health');
  await expect(page.locator('.result-count')).toHaveText(`${data.escalations.length + 1} escalations`);
  // Filtered to themes: only it, and the address says so.
  await page.getByLabel('Child or theme').selectOption('theme');
  await expect(page.locator('.result-count')).toHaveText('1 escalation');
  await expect(page.locator('tbody tr[data-escalation]')).toHaveCount(1);
  expect(page.url()).toContain('about=theme');
  await page.getByLabel('Child or theme').selectOption('child');
  await expect(page.locator('.result-count')).toHaveText(`${data.escalations.length} escalations`);
  expect(await axe()).toEqual([]);
});
