import { readFileSync } from 'node:fs';
import type { BrowserContext } from '@playwright/test';
import { escalate, fillStartForm, openPanel } from '../../demo/drive.mjs';
import { expect, test } from './fixtures';

/** Stands in for an enterprise policy (test builds read this as managed storage). */
async function setPolicy(context: BrowserContext, policy: Record<string, unknown>) {
  const [worker] = context.serviceWorkers();
  await worker!.evaluate(
    (p) => (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.set({ __testManagedSettings: p }),
    policy,
  );
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
