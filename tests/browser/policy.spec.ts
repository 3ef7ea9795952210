import { readFileSync } from 'node:fs';
import type { BrowserContext } from '@playwright/test';
import { escalate, fillStartForm, openPanel } from '../../demo/drive.mjs';
import { subMonths } from 'date-fns';
import { generateEscalations } from '../fixtures/generator';
import { expect, seedDirectly, test } from './fixtures';

/** Stands in for an enterprise policy (test builds read this as managed storage). */
async function setPolicy(context: BrowserContext, policy: Record<string, unknown>) {
  const [worker] = context.serviceWorkers();
  await worker!.evaluate(
    (p) => (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.set({ __testManagedSettings: p }),
    policy,
  );
}

/** Test builds: the stand-in policy store takes this long to answer (as a real one can at browser start). */
async function slowPolicyStore(context: BrowserContext, ms: number) {
  const [worker] = context.serviceWorkers();
  await worker!.evaluate((delay) => chrome.storage.local.set({ __testPolicyStoreDelayMs: delay }), ms);
}
declare const chrome: typeof browser;

/** Reads `read` every 50 ms for `ms`, and resolves to every distinct value seen. */
async function watchFor(ms: number, read: () => Promise<string>): Promise<string[]> {
  const seen = new Set<string>();
  for (const end = Date.now() + ms; Date.now() < end;) {
    seen.add(await read().catch(() => ''));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return [...seen];
}

const POLICY = {
  defaultProtocol: 'enfield',
  allowedProtocols: ['enfield', 'herefordshire'],
  retentionMonths: 24,
  caseSystemOrigins: ['https://mosaic.ourshire.gov.uk/*'],
  contacts: [{ name: 'Ourshire Children’s Front Door', area: 'Ourshire', kind: 'front-door', phone: '01234 567890' }],
  adapters: [
    {
      id: 'ourshire-mosaic',
      name: 'Ourshire Mosaic',
      matches: ['https://mosaic.ourshire.gov.uk/*'],
      childId: {
        label: 'Mosaic ID',
        sources: [{ kind: 'label', labels: ['Person ID'] }],
        validator: { pattern: '[0-9]{5,9}', maxLength: 9 },
      },
      notes: { fields: ['textarea'] },
    },
  ],
};

test('settings set by the organisation are shown locked in the options page', async ({ context, extensionId }) => {
  await setPolicy(context, POLICY);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const protocol = page.locator('fieldset[data-setting="defaultProtocol"]');
  await expect(protocol).toContainText('Set by your organisation');
  await expect(protocol.getByLabel('Protocol')).toBeDisabled();
  await expect(protocol.getByLabel('Protocol')).toHaveValue('enfield');
  await expect(protocol.getByLabel('Protocol').locator('option')).toHaveText([
    // Each with the date printed on its document (issue 36).
    "Enfield Safeguarding Children's Partnership (ESCP) (Undated (refers to Working Together to Safeguard Children 2023))",
    'Herefordshire Safeguarding Children Partnership (HSCP) (Undated)',
  ]);
  const retention = page.locator('fieldset[data-setting="retentionMonths"]');
  await expect(retention.getByRole('spinbutton')).toBeDisabled();
  await expect(retention.getByRole('spinbutton')).toHaveValue('24');
  // Reminders were not set by policy: the user may change them.
  await expect(page.locator('fieldset[data-setting="reminders"]').getByRole('checkbox')).toBeEnabled();
  await expect(page.getByRole('list', { name: 'Sites set by your organisation' })).toContainText('https://mosaic.ourshire.gov.uk/*');
  await expect(page.getByRole('button', { name: 'Allow access to https://mosaic.ourshire.gov.uk/*' })).toBeVisible();
  await expect(page.locator('tr[data-adapter="ourshire-mosaic"]')).toContainText('Set by your organisation');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('[data-version]')).toHaveText(
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version,
  );
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const scan = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(scan.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('the panel uses the organisation’s protocol, allowed list and contacts', async ({ context, demoUrl }) => {
  await setPolicy(context, POLICY);
  const page = await context.newPage();
  const panel = await openPanel(page, demoUrl);
  const select = panel.getByLabel('Protocol', { exact: true });
  await expect(select).toHaveValue('enfield');
  await expect(select.locator('option')).toHaveCount(2);
  await panel.getByRole('button', { name: 'Is the child at immediate risk?' }).click();
  await expect(panel.getByRole('region', { name: 'Immediate risk: act now' })).toContainText(
    'Ourshire: Ourshire Children’s Front Door 01234 567890',
  );
});

test('an invalid managed value is ignored with a visible warning, and nothing breaks', async ({ context, extensionId, demoUrl }) => {
  await setPolicy(context, { defaultProtocol: 'kent', retentionMonths: -3, reminders: true });
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Your organisation’s setting “defaultProtocol” is not valid');
  await expect(alert).toContainText('“retentionMonths” is not valid');
  await expect(page.locator('fieldset[data-setting="defaultProtocol"]').getByLabel('Protocol')).toBeEnabled();
  await expect(page.locator('fieldset[data-setting="reminders"]').getByRole('checkbox')).toBeDisabled();
  await expect(page.locator('fieldset[data-setting="reminders"]').getByRole('checkbox')).toBeChecked();
  const panel = await openPanel(await context.newPage(), demoUrl);
  await expect(panel.getByLabel('Protocol', { exact: true })).toHaveValue('pan-cheshire');
});

test('no network request leaves the extension during a full escalation walk-through', async ({ context, extensionId, demoUrl }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demoUrl });
  const outside: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(demoUrl) && !url.startsWith('chrome-extension://') && !url.startsWith('data:') && !url.startsWith('blob:'))
      outside.push(url);
  });
  const page = await context.newPage();
  const panel = await openPanel(page, demoUrl);
  await fillStartForm(panel, 'herefordshire', { concern: '2026-11-16T09:30' });
  await panel.getByRole('button', { name: 'Start escalation' }).click();
  await escalate(panel, 'Stage 1 Line/Team Manager to Line/Team Manager');
  await panel.getByRole('button', { name: 'Copy note' }).click();
  await panel.getByRole('button', { name: 'Insert into the record’s case note' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Inserted' })).toBeVisible();
  await panel.getByRole('button', { name: 'Resolve' }).click();
  await panel.getByLabel(/How it was resolved/).fill('Agreed at a meeting');
  await panel.getByRole('form', { name: 'Resolve the escalation' }).getByRole('button', { name: 'Resolve' }).click();
  await expect(panel.locator('#escalation-title')).toContainText('Resolved');
  for (const name of ['options', 'records']) {
    const p = await context.newPage();
    await p.goto(`chrome-extension://${extensionId}/${name}.html`);
    await expect(p.getByRole('heading', { level: 1 })).toBeVisible();
  }
  expect(outside).toEqual([]);
});

test('a slow policy store: the organisation’s 72 months, closure day and reminders hold; nothing it keeps is offered for deletion', async ({
  context,
  extensionId,
}) => {
  const CLOSURE = { '2026-12-29': 'Council closure day' };
  await setPolicy(context, { retentionMonths: 72, closureDays: CLOSURE, reminders: true });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const retention = options.locator('fieldset[data-setting="retentionMonths"]').getByRole('spinbutton');
  const reminders = options.locator('fieldset[data-setting="reminders"]').getByRole('checkbox');
  // (A browser's policy store can take seconds to answer its first question: here, once it has answered.)
  await expect.poll(async () => (await options.reload(), await retention.inputValue()), { timeout: 15_000, intervals: [500] }).toBe('72');
  await expect(reminders).toBeChecked();

  // Two closed escalations: one the 72-month policy keeps (closed 24 months ago), one past it (80 months).
  const now = new Date();
  const [kept, old] = generateEscalations({ count: 2, now, seed: 5 }).escalations.map((e, i) => ({
    ...e,
    status: 'resolved' as const,
    nextDue: undefined,
    nextDueAt: undefined,
    updatedAt: subMonths(now, i === 0 ? 24 : 80).toISOString(),
  }));
  const records = await context.newPage();
  await records.goto(`chrome-extension://${extensionId}/records.html`);
  await expect(records.getByRole('heading', { name: 'Backup and restore' })).toBeVisible();
  await seedDirectly(records, [kept, old]);

  // The policy store now takes 3 s to answer, and the worker changes one of their own settings: everything is
  // resolved again while it is slow.
  await slowPolicyStore(context, 3_000);
  await options.locator('fieldset[data-setting="quietOutsideWorkingHours"]').getByRole('checkbox').click();
  await records.reload();
  const heading = records.locator('#retention-title');
  const offered = records.getByRole('table', { name: /due for deletion/i });
  // What the options page shows, open throughout and opened again while the store is still slow.
  const optionsShow = async () =>
    `${await retention.inputValue({ timeout: 50 })} months, reminders ${await reminders.isChecked({ timeout: 50 })}`;
  const [headings, offers, optionsSeen] = await Promise.all([
    watchFor(5_000, () => heading.innerText({ timeout: 50 })),
    watchFor(5_000, async () => ((await offered.count()) ? offered.innerText({ timeout: 50 }) : '')),
    (async () => {
      const before = await watchFor(2_500, optionsShow);
      await options.reload();
      return [...before, ...(await watchFor(2_500, optionsShow))];
    })(),
  ]);
  expect.soft(headings.filter((h) => /12 months/.test(h))).toEqual([]);
  expect.soft(offers.filter((o) => o.includes(kept!.reference))).toEqual([]);
  // Nothing (while loading), or the organisation's: never the built-in 12 months, never reminders off.
  expect.soft(optionsSeen.filter((o) => o !== '' && o !== '72 months, reminders true')).toEqual([]);
  // Once the store answers, the old one is offered and only it.
  await expect(heading).toHaveText('Closed records older than 72 months');
  await expect(offered).toContainText(old!.reference);
  await expect(offered).not.toContainText(kept!.reference);
  // The closure day is still the organisation's, and counts (listed where the worker sees closure days).
  await options.reload();
  await expect(options.locator('fieldset[data-setting="closureDays"]')).toContainText('2026-12-29: Council closure day');
  await expect(options.locator('fieldset[data-setting="closureDays"]')).toContainText('Set by your organisation');
});
