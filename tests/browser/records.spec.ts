import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { launchWithExtension, TEST_BUILD_DIR } from '../../scripts/browser.mjs';
import { fillStartForm, openPanel } from '../../demo/drive.mjs';
import { FIXTURE_BACKUP as backup, importThroughRecordsPage, test } from './fixtures';

function rows(page: Page) {
  return page.getByRole('table', { name: /All escalations/ }).locator('tbody tr');
}

async function importFile(page: Page, name: string, text: string) {
  await page.getByLabel('Import a backup file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

base('records written in one page show up live in another, and survive a browser restart', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'escalation-restart-'));
  const first = await launchWithExtension(TEST_BUILD_DIR, { userDataDir: profile });
  const url = `chrome-extension://${first.extensionId}/records.html`;
  const writer = await first.context.newPage();
  const watcher = await first.context.newPage();
  await writer.goto(url);
  await watcher.goto(url);
  await expect(rows(watcher)).toHaveCount(0);

  await importFile(writer, 'backup.json', JSON.stringify(backup));
  await expect(writer.getByRole('status').filter({ hasText: 'Import finished' })).toContainText(
    '2 added, 0 updated, 0 skipped, 0 rejected',
  );

  // The other page was not reloaded: the rows arrive through the live query.
  await expect(rows(watcher)).toHaveCount(2);
  await expect(watcher.locator('tr', { hasText: 'ESC-7K3F9Q' }).locator('td')).toHaveText([
    'ESC-7K3F9Q',
    '1000001',
    'Herefordshire Safeguarding Children Partnership (HSCP)',
    'Stage 1 Line/Team Manager to Line/Team Manager',
    'Open',
    'Thu 26 Nov 2026',
  ]);
  await expect(watcher.locator('tr', { hasText: 'ESC-M4PX2D' })).toContainText('Resolved');

  // A malformed file says what is wrong and loses nothing.
  await importFile(writer, 'broken.json', '{"format": "escalation-companion-backup", "escalations": [');
  await expect(writer.getByRole('alert')).toContainText('not valid JSON');
  await expect(writer.getByRole('alert')).toContainText('Nothing was imported');
  await expect(rows(writer)).toHaveCount(2);

  // Importing the same file again changes nothing and says why.
  await importFile(writer, 'backup-again.json', JSON.stringify(backup));
  await expect(writer.getByRole('status').filter({ hasText: 'Import finished' })).toContainText('0 added, 0 updated, 2 skipped');

  await first.context.close();
  const second = await launchWithExtension(TEST_BUILD_DIR, { userDataDir: profile });
  expect(second.extensionId).toBe(first.extensionId);
  const after = await second.context.newPage();
  await after.goto(url);
  await expect(rows(after)).toHaveCount(2);
  await expect(after.locator('tr', { hasText: 'ESC-7K3F9Q' })).toContainText('Open');

  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const scan = await new AxeBuilder({ page: after }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(scan.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await second.context.close();
});

base('two devices that agreed different timeframes: the import says so, and the escalation shows both sides', async () => {
  const { context, extensionId } = await launchWithExtension(TEST_BUILD_DIR);
  const id = '0b6f2f0e-6a43-4c5e-9d55-7d1f4a2b9c01';
  const entry = backup.escalations.find((e) => e.id === id)!;
  // Each device's backup: the same history, then its own timeframe for stage 1, neither having seen the other's.
  const fromDevice = (eventId: string, days: number, by: string, hlc: string) => ({
    ...backup,
    formatVersion: 2,
    escalations: [
      {
        id,
        events: [
          ...entry.events,
          {
            type: 'timeframe-agreed',
            stageId: 'stage-1',
            days,
            previousDays: null,
            id: eventId,
            escalationId: id,
            hlc,
            at: hlc.slice(0, 24),
            by,
          },
        ],
      },
    ],
  });
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/records.html`);
  await importFile(
    page,
    'laptop.json',
    JSON.stringify(fromDevice('laptop-timeframe-1', 3, 'Jo on the laptop', '2026-11-24T10:00:00.000Z#0000')),
  );
  await expect(page.getByRole('status').filter({ hasText: 'Import finished' })).toContainText('1 added');
  await importFile(
    page,
    'desktop.json',
    JSON.stringify(fromDevice('desktop-timeframe-1', 20, 'Jo on the desktop', '2026-11-24T11:00:00.000Z#0000')),
  );
  const result = page.getByRole('status').filter({ hasText: 'Import finished' });
  await expect(result).toContainText('0 added, 1 updated, 0 skipped, 0 rejected');
  await expect(result.getByRole('list', { name: 'Changes made on two devices that do not agree' })).toHaveText('ESC-7K3F9Q');

  await page.goto(`chrome-extension://${extensionId}/dashboard.html#view=escalation&id=${id}`);
  const conflict = page.locator('section.conflicts');
  await expect(conflict.getByRole('heading')).toHaveText('Changes made on two devices that do not agree');
  await expect(conflict).toContainText('Two timeframes were agreed for one stage');
  await expect(conflict.locator('li')).toHaveText([/Jo on the laptop.*3 working days/, /Jo on the desktop.*20 working days/]);
  // The worker agrees the timeframe again, having seen both: settled.
  await page.getByRole('button', { name: 'Agree a timeframe' }).click();
  await page.getByLabel('Working days from when this stage started').fill('5');
  await page.getByRole('button', { name: 'Save timeframe' }).click();
  await expect(conflict).toHaveCount(0);
  await context.close();
});

test('“Start tracking” a reference another escalation on this device already has says which one, and starts nothing', async ({
  context,
  extensionId,
  demoUrl,
}) => {
  // A sibling's escalation (child 1000001) was recorded under the reference a colleague's note on 1000003 shows.
  const sibling = structuredClone(backup);
  sibling.escalations = sibling.escalations.filter((e) => e.id === '0b6f2f0e-6a43-4c5e-9d55-7d1f4a2b9c01');
  (sibling.escalations[0]!.events[0] as unknown as { reference: string }).reference = 'ESC-Q7RW2T';
  await importThroughRecordsPage(context, extensionId, sibling);
  const page = await context.newPage();
  const panel = await openPanel(page, demoUrl, '1000003');
  await panel.locator('.colleague').getByRole('button', { name: 'Start tracking ESC-Q7RW2T here' }).click();
  await fillStartForm(panel, 'herefordshire');
  await panel.getByRole('button', { name: 'Start escalation' }).click();
  await expect(panel.getByRole('alert')).toContainText(
    'ESC-Q7RW2T is already used on this device by another escalation (child 1000001, started 2026-11-23)',
  );
  await expect(panel.locator('#escalation-title')).toHaveCount(0);
});
