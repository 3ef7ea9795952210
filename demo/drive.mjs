// Drives the panel on the demo record the way a person would. Shared by the
// headless demo (screenshots) and the browser tests.
import { expect } from '@playwright/test';

export const PANEL = 'iframe[title="Escalation Companion"]';

/** Opens a child's record and the panel beside it; resolves to the panel frame. */
export async function openPanel(page, demoUrl, childId = '1000001') {
  await page.goto(`${demoUrl}/person/${childId}`);
  await expect(page.locator('escalation-companion .child')).toHaveText(`Mosaic ID ${childId}`);
  await page.getByRole('button', { name: 'Escalations' }).click();
  const panel = page.frameLocator(PANEL);
  await expect(panel.getByRole('heading', { name: `Mosaic ID ${childId}` })).toBeVisible();
  return panel;
}

/** Fills the start form (a person's details, a counterpart, the kind) for a protocol. */
export async function fillStartForm(panel, protocolId, { concern, days = '', immediateRisk = false } = {}) {
  await panel.getByLabel('Protocol', { exact: true }).selectOption(protocolId);
  if (immediateRisk) await panel.getByLabel('The child may be at immediate risk of significant harm').check();
  await panel.getByLabel('Your name', { exact: true }).fill('Jo Patel');
  await panel.getByLabel('Your role', { exact: true }).fill('Social Worker');
  await panel.getByLabel('Your agency', { exact: true }).fill("Children's Social Care");
  await panel.getByLabel('Their name', { exact: true }).fill('Sam Reid');
  await panel.getByLabel('Their role', { exact: true }).fill('Health Visitor');
  await panel.getByLabel('Their agency', { exact: true }).fill('Community Health');
  await panel.getByLabel('What the disagreement is about').selectOption('thresholds');
  if (concern) await panel.getByLabel('When the concern arose (UK time)').fill(concern);
  if (days) await panel.getByLabel(/Timeframe for resolution at this stage/).fill(days);
}

/** Escalates to the named stage because it was not resolved. */
export async function escalate(panel, stageTitle, days = '') {
  await panel.getByRole('button', { name: `Escalate to ${stageTitle}` }).click();
  await panel.getByLabel('Not resolved at the previous stage').check();
  if (days) await panel.getByLabel('Timeframe for resolution at this stage (working days)').fill(days);
  await panel
    .getByRole('form', { name: 'Escalate' })
    .getByRole('button', { name: `Escalate to ${stageTitle}` })
    .click();
  await expect(panel.locator('.current-stage')).toHaveText(stageTitle);
}
