// The start form is for the child it was filled in for: it names that child, and if the record moves to another
// child while it is open it says so and either keeps its child (and saves for it, said plainly) or is discarded.
// It never saves silently for the child the record shows when Start is pressed.
import type { Page } from '@playwright/test';
import { chipChild, fillStartForm, openPanel } from '../../demo/drive.mjs';
import { expect, test } from './fixtures';

/** The demo app moves to another child the way it does when the worker clicks a recent record (history.pushState). */
async function moveToChild(page: Page, childId: string) {
  await page.locator(`#recent a[data-person="${childId}"]`).click();
  await expect(await chipChild(page)).toHaveText(`Mosaic ID ${childId}`);
}

const MOVED = 'This record now shows Mosaic ID 1000002, not Mosaic ID 1000001. This form is still for Mosaic ID 1000001.';

test('the start form names its child, and an untouched form follows the record to the next child', async ({ context, demoUrl }) => {
  const page = await context.newPage();
  const panel = await openPanel(page, demoUrl, '1000001');
  await expect(panel.getByText('Starting an escalation for Mosaic ID 1000001')).toBeVisible();
  await moveToChild(page, '1000002');
  await expect(panel.getByText('Starting an escalation for Mosaic ID 1000002')).toBeVisible();
  await expect(panel.getByRole('alert')).toHaveCount(0);
});

test('a form filled in for one child, kept when the record moves on, is saved for that child and says so', async ({ context, demoUrl }) => {
  const page = await context.newPage();
  const panel = await openPanel(page, demoUrl, '1000001');
  await fillStartForm(panel, 'halton', { concern: '2026-11-16T09:30' });
  await moveToChild(page, '1000002');

  // Start pressed as the record moves on, before the worker has chosen: nothing is saved, for either child.
  await panel.getByRole('button', { name: 'Start escalation' }).click();
  const decide = panel.getByRole('alert').filter({ hasText: 'Keep this form for Mosaic ID 1000001, or discard it, before starting.' });
  await expect(panel.locator('.current-stage').or(decide)).toBeVisible(); // whichever the press gave
  await expect(panel.locator('.current-stage')).toHaveCount(0);
  await expect(decide).toBeVisible();

  const notice = panel.getByRole('alert').filter({ hasText: MOVED });
  await expect(notice).toBeVisible();
  await expect(panel.getByText('Starting an escalation for Mosaic ID 1000001')).toBeVisible();

  await notice.getByRole('button', { name: 'Keep it for Mosaic ID 1000001' }).click();
  await expect(
    panel
      .getByRole('status')
      .filter({ hasText: 'This escalation will be saved for Mosaic ID 1000001, not for the child this record shows now.' }),
  ).toBeVisible();
  await panel.getByRole('button', { name: 'Start escalation' }).click();
  // Saved for 1000001; the panel moves on to the child the record shows, which still has none.
  await expect(
    panel.getByRole('status').filter({ hasText: 'The escalation was saved for Mosaic ID 1000001, the child its form was for.' }),
  ).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Mosaic ID 1000002' })).toBeVisible();
  await expect(panel.getByText('Starting an escalation for Mosaic ID 1000002')).toBeVisible();
  await moveToChild(page, '1000001');
  await expect(panel.getByRole('heading', { name: 'Mosaic ID 1000001' })).toBeVisible();
  await expect(panel.locator('.current-stage')).toBeVisible();
});

test('a form discarded when the record moves on is gone, and the next child gets a fresh one', async ({ context, demoUrl }) => {
  const page = await context.newPage();
  const panel = await openPanel(page, demoUrl, '1000001');
  await fillStartForm(panel, 'halton', { concern: '2026-11-16T09:30' });
  await moveToChild(page, '1000002');
  await panel.getByRole('alert').filter({ hasText: MOVED }).getByRole('button', { name: 'Discard this form' }).click();
  await expect(panel.getByText('Starting an escalation for Mosaic ID 1000002')).toBeVisible();
  await expect(panel.getByLabel('Their name', { exact: true })).toHaveValue('');
  await expect(panel.getByRole('alert')).toHaveCount(0);
  // Nothing was saved for 1000001 either.
  await moveToChild(page, '1000001');
  await expect(panel.getByText('Starting an escalation for Mosaic ID 1000001')).toBeVisible();
  await expect(panel.locator('.current-stage')).toHaveCount(0);
});
