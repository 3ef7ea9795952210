// The overview a manager uses from any page: popup counts, the dashboard, the
// badge, reminders and the partnership's figures, over generated realistic data.
import { readFileSync } from 'node:fs';
import { dueBucket, dueWindows, nextBadgeChange } from '../../lib/views/overview';
import { planReminders } from '../../lib/views/reminders';
import { partnershipFigures, quarterOf } from '../../lib/views/figures';
import { addCalendarDays } from '../../lib/time/calendar';
import { londonDay } from '../../lib/time/calendar';
import { generateEscalations } from '../fixtures/generator';
import { launchWithExtension, TEST_BUILD_DIR } from '../../scripts/browser.mjs';
import { expect, importThroughRecordsPage, seedDirectly, serviceWorker, test, type StoreGlobal } from './fixtures';

/** The extension API as seen inside the service worker (evaluated there, not here). */
declare const chrome: typeof browser;

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

/** Generated data "as of" now, and what each due bucket should count. */
function seeded(count: number, seed = 11) {
  const data = generateEscalations({ count, now: new Date(), seed, spanDays: 200 });
  const w = dueWindows(new Date());
  const count_ = (bucket: string) => data.escalations.filter((e) => dueBucket(e, w) === bucket).length;
  return { ...data, overdue: count_('overdue'), dueToday: count_('due-today'), dueThisWeek: count_('due-this-week') };
}

test('the popup counts what is overdue, due today and due this week, and one click opens an escalation', async ({
  context,
  extensionId,
}) => {
  const data = seeded(120);
  expect(data.overdue).toBeGreaterThan(0);
  await importThroughRecordsPage(context, extensionId, data.backup);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.locator('[data-count="overdue"]')).toHaveText(String(data.overdue));
  await expect(popup.locator('[data-count="due-today"]')).toHaveText(String(data.dueToday));
  await expect(popup.locator('[data-count="due-this-week"]')).toHaveText(String(data.dueThisWeek));
  // The next few, most urgent first.
  const first = [...data.escalations].filter((e) => e.nextDueAt).sort((a, b) => a.nextDueAt!.localeCompare(b.nextDueAt!))[0]!;
  const next = popup.locator('.next li');
  await expect(next).toHaveCount(5);
  await expect(next.first()).toContainText(`Child ${first.child!.childId}`);
  await expect(next.first().locator('.due')).toHaveClass(/overdue/);
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  expect((await new AxeBuilder({ page: popup }).withTags(AXE_TAGS).analyze()).violations.map((v) => `${v.id} ${v.help}`)).toEqual([]);

  const opened = context.waitForEvent('page');
  await next.first().getByRole('link').click();
  const dashboard = await opened;
  await expect(dashboard.locator('.child-line')).toHaveAttribute('data-child-id', first.child!.childId);
  await expect(dashboard.locator('#escalation-title')).toContainText(first.reference);
  // The full escalation: its ladder and its history, and no "insert" away from a record page.
  await expect(dashboard.locator('.ladder [aria-current="step"]')).toHaveCount(1);
  await expect(dashboard.locator('.history li').first()).toContainText('Escalation started');
  await expect(dashboard.getByRole('button', { name: 'Insert into the record’s case note' })).toHaveCount(0);
  expect((await new AxeBuilder({ page: dashboard }).withTags(AXE_TAGS).analyze()).violations.map((v) => `${v.id} ${v.help}`)).toEqual([]);
});

test('the badge shows the overdue count after seeding, and one fewer after resolving one from the dashboard', async ({
  context,
  extensionId,
}) => {
  const data = seeded(60, 5);
  expect(data.overdue).toBeGreaterThan(1);
  await importThroughRecordsPage(context, extensionId, data.backup);
  const worker = await serviceWorker(context);
  const badge = () => worker.evaluate(() => chrome.action.getBadgeText({}));
  await expect.poll(badge).toBe(String(data.overdue));
  expect(await worker.evaluate(() => chrome.action.getBadgeBackgroundColor({}))).toEqual([212, 53, 28, 255]);
  // The alarm is set for the next moment the badge could change, not a polling loop.
  await expect
    .poll(async () => (await worker.evaluate(() => chrome.alarms.get('overview')))?.scheduledTime ?? 0)
    .toBeGreaterThan(Date.now());
  expect((await worker.evaluate(() => chrome.alarms.get('overview')))?.periodInMinutes).toBeUndefined();

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#due=overdue`);
  await expect(page.getByRole('status').filter({ hasText: /escalations?$/ })).toHaveText(
    `${data.overdue} escalation${data.overdue === 1 ? '' : 's'}`,
  );
  await page.locator('tbody tr[data-escalation] a').first().click();
  await page.getByRole('button', { name: 'Resolve' }).click();
  await page.getByLabel(/How it was resolved/).fill('Agreed at a professionals meeting');
  await page.getByRole('form', { name: 'Resolve the escalation' }).getByRole('button', { name: 'Resolve' }).click();
  await expect(page.locator('#escalation-title')).toContainText('Resolved');
  await expect.poll(badge).toBe(String(data.overdue - 1));
});

test('the dashboard filters, sorts and searches by child ID, and passes an accessibility scan', async ({ context, extensionId }) => {
  const data = seeded(150, 9);
  await importThroughRecordsPage(context, extensionId, data.backup);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const count = page.locator('.result-count');
  const open = data.escalations.filter((e) => e.status === 'open');
  await expect(count).toHaveText(`${open.length} escalations`);
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations.map((v) => `${v.id} ${v.help}`)).toEqual([]);

  // Due: overdue.
  await page.getByLabel('Due', { exact: true }).selectOption('overdue');
  await expect(count).toHaveText(`${data.overdue} escalation${data.overdue === 1 ? '' : 's'}`);
  // Any status, one protocol, one kind.
  await page.getByLabel('Due', { exact: true }).selectOption('');
  await page.getByLabel('Status').selectOption('all');
  await page.getByLabel('Protocol', { exact: true }).selectOption('enfield');
  const enfield = data.escalations.filter((e) => e.protocolId === 'enfield');
  await expect(count).toHaveText(`${enfield.length} escalations`);
  const kind = enfield[0]!.kind;
  await page.getByLabel('About').selectOption(kind);
  await expect(count).toHaveText(new RegExp(`^${enfield.filter((e) => e.kind === kind).length} escalations?$`));
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count).toHaveText(`${open.length} escalations`);
  // Sort by child ID, then reverse it.
  await page.getByRole('button', { name: 'Child ID' }).click();
  const ids = open.map((e) => e.child!.childId).sort();
  await expect(page.locator('tbody tr[data-escalation] td:first-child').first()).toHaveText(ids[0]!);
  await expect(page.getByRole('columnheader', { name: 'Child ID' })).toHaveAttribute('aria-sort', 'ascending');
  await page.getByRole('button', { name: 'Child ID' }).click();
  await expect(page.locator('tbody tr[data-escalation] td:first-child').first()).toHaveText(ids.at(-1)!);
  // Search by child ID: a child with two escalations shows both.
  const twice = data.escalations.find((e, i) => data.escalations.findIndex((x) => x.child!.childId === e.child!.childId) !== i)!;
  await page.getByLabel('Status').selectOption('all');
  await page.getByLabel('Child ID').fill(twice.child!.childId);
  await expect(count).toHaveText(`${data.escalations.filter((e) => e.child!.childId === twice.child!.childId).length} escalations`);
  // A link to an escalation this browser does not hold says so, rather than loading for ever.
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#view=escalation&id=00000000-0000-4000-a000-000000000000`);
  await expect(page.getByRole('alert')).toContainText('This escalation is not in this browser');
  // The filters are in the address, the child ID in the page's state: a reload keeps both.
  await page.goBack();
  await expect(page.getByLabel('Child ID')).toHaveValue(twice.child!.childId);
  await page.reload();
  await expect(page.getByLabel('Child ID')).toHaveValue(twice.child!.childId);
  await expect(page.getByLabel('Status')).toHaveValue('all');
  await expect(count).toHaveText(`${data.escalations.filter((e) => e.child!.childId === twice.child!.childId).length} escalations`);
  // The child ID searched for is in no address this tab has shown (the browser's history and history sync keep them).
  expect(page.url()).not.toContain(twice.child!.childId);
  const cdp = await context.newCDPSession(page);
  const { entries } = await cdp.send('Page.getNavigationHistory');
  expect(entries.length).toBeGreaterThan(1);
  expect(entries.map((e) => e.url).join(' ')).not.toContain(twice.child!.childId);
  // A link made when the search was in the address: the search is taken up and the address loses it at once.
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#status=all&child=${twice.child!.childId}`);
  await expect(page.getByLabel('Child ID')).toHaveValue(twice.child!.childId);
  expect(page.url()).not.toContain(twice.child!.childId);
});

test('ten thousand escalations: drawn a screenful at a time, filtered and scrolled to the end', async ({ context, extensionId }) => {
  const data = generateEscalations({ count: 10_000, now: new Date(), seed: 2 });
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#status=all`);
  await expect(page.locator('.result-count')).toHaveText('0 escalations');
  await seedDirectly(page, data.escalations);
  await page.reload();
  await expect(page.locator('.result-count')).toHaveText('10,000 escalations');
  const drawn = await page.locator('tbody tr[data-escalation]').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(100);
  await expect(page.locator('table.dashboard-table')).toHaveAttribute('aria-rowcount', '10001');
  // Scrolled to the bottom, the last row in the sort order is drawn.
  await page.locator('.scroller').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(page.locator('tbody tr[data-escalation]').last()).toHaveAttribute('aria-rowindex', '10001');
  // Search finds one child among ten thousand.
  const child = data.escalations[4321]!.child!.childId;
  await page.getByLabel('Child ID').fill(child);
  const expected = data.escalations.filter((e) => e.child!.childId.includes(child)).length;
  await expect(page.locator('.result-count')).toHaveText(`${expected} escalation${expected === 1 ? '' : 's'}`);
});

test('figures: how many reached stage 2 in a period and on what themes, charts, and CSV with no child identifier', async ({
  context,
  extensionId,
}) => {
  const data = seeded(200, 21);
  await importThroughRecordsPage(context, extensionId, data.backup);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#view=figures&protocol=herefordshire`);
  // This quarter by default; the last 120 days below, so the test means the same on the first day of a quarter.
  const quarter = quarterOf(londonDay(new Date()));
  await expect(page.getByLabel('Quarter')).toHaveValue(quarter.from);
  const period = { from: addCalendarDays(londonDay(new Date()), -120), to: londonDay(new Date()) };
  await page.getByLabel('From').fill(period.from);
  await expect(page.getByLabel('Quarter')).toHaveValue('');
  const expected = partnershipFigures(data.escalations, { period, protocolId: 'herefordshire', now: new Date() });
  const stage2 = expected.reachedStage.find((r) => r.stage === 2);
  await expect(page.locator('[data-figure="total"]')).toHaveText(String(expected.total));
  expect(stage2, 'the generated data has Herefordshire escalations reaching stage 2 in the period').toBeTruthy();
  {
    await expect(page.locator('.themes tr[data-stage="2"] td').first()).toHaveText(String(stage2!.count));
    await expect(page.locator('[data-chart="reached"] [data-bar="Stage 2"]')).toHaveAttribute('data-value', String(stage2!.count));
    // Herefordshire logs "stage 2 and above".
    await expect(page.locator('[data-at-least="2"]')).toHaveText(String(expected.reachedAtLeast.find((r) => r.stage === 2)!.count));
  }
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations.map((v) => `${v.id} ${v.help}`)).toEqual([]);

  await page.getByLabel('Protocol', { exact: true }).selectOption('');
  for (const name of ['Download these figures (CSV)', 'Download the anonymised list (CSV)']) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.split('\r\n').length).toBeGreaterThan(3);
    for (const e of data.escalations) {
      expect(csv).not.toContain(e.child!.childId);
      expect(csv).not.toContain(e.reference);
    }
  }
});

test('reminders: when turned on, overdue escalations raise a notification and the next one is scheduled', async ({
  context,
  extensionId,
}) => {
  const data = seeded(40, 13);
  expect(data.overdue).toBeGreaterThan(0);
  await importThroughRecordsPage(context, extensionId, data.backup);
  const worker = await serviceWorker(context);
  expect(await worker.evaluate(() => chrome.notifications.getAll())).toEqual({});
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel(/Remind me with a browser notification/).click();
  await expect(options.getByLabel(/Remind me with a browser notification/)).toBeChecked();
  await expect.poll(async () => Object.keys(await worker.evaluate(() => chrome.notifications.getAll()))).not.toEqual([]);
  const shown = Object.keys(await worker.evaluate(() => chrome.notifications.getAll()));
  // More than three at once come as one summary that opens the overdue list.
  if (shown.length === 1 && shown[0]!.startsWith('list:')) expect(shown[0]).toBe('list:due=overdue');
  else for (const id of shown) expect(data.escalations.map((e) => e.id)).toContain(id.split(':')[1]);
  const sent = { sentReminders: await worker.evaluate(() => (globalThis as unknown as StoreGlobal).extensionStore.get('sentReminders')) };
  expect((sent.sentReminders as string[]).length).toBeGreaterThanOrEqual(data.overdue);
  // The one alarm is set for whichever comes first: the next reminder, the next stage falling due, or midnight.
  const now = Date.now();
  const plan = planReminders(data.escalations, new Set(sent.sentReminders as string[]), now, { quiet: false });
  const firstDue = data.escalations
    .map((e) => e.nextDueAt)
    .filter((d): d is string => !!d && d > new Date(now).toISOString())
    .sort()[0];
  const expectedAt = Math.max(
    Math.min(nextBadgeChange(dueWindows(new Date(now)), firstDue), plan.nextAt ?? Infinity) + 1_000,
    now + 30_000,
  );
  const alarm = await worker.evaluate(() => chrome.alarms.get('overview'));
  expect(Math.abs(alarm!.scheduledTime - expectedAt)).toBeLessThan(60_000);
  // Quiet hours can only be chosen once reminders are on.
  await expect(options.getByLabel(/Hold reminders outside working hours/)).toBeEnabled();
});

test('the badge is right again after the browser restarts', async () => {
  const data = seeded(50, 17);
  expect(data.overdue).toBeGreaterThan(0);
  const first = await launchWithExtension(TEST_BUILD_DIR);
  await importThroughRecordsPage(first.context, first.extensionId, data.backup);
  await expect.poll(() => first.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe(String(data.overdue));
  await first.context.close();

  const again = await launchWithExtension(TEST_BUILD_DIR, { userDataDir: first.userDataDir });
  try {
    await expect.poll(() => again.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe(String(data.overdue));
    await expect
      .poll(async () => (await again.worker.evaluate(() => chrome.alarms.get('overview')))?.scheduledTime ?? 0)
      .toBeGreaterThan(Date.now());
  } finally {
    await again.context.close();
  }
});
