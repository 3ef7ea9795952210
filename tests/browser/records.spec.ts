import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { launchWithExtension, TEST_BUILD_DIR } from '../../scripts/browser.mjs';
import { FIXTURE_BACKUP as backup } from './fixtures';

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
