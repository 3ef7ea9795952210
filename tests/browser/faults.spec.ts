// The fault suite: the extension's service worker stopped before, during and after a change (through the
// DevTools protocol, as the browser itself stops an idle worker), double presses and two presses in one tick,
// and two tabs racing. Each case asserts what a worker would rely on: no change the panel confirmed is lost,
// none is recorded twice, no false error and no browser jargon, and nothing stuck.
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { chipChild, choosePlacement, escalate, fillStartForm, openInPagePanel, openPanel, type PanelSurface } from '../../demo/drive.mjs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension, TEST_BUILD_DIR } from '../../scripts/browser.mjs';
import { expect, inRecordPageScript, test } from './fixtures';

const BROWSER_WORDS = /listener indicated|message channel closed|Receiving end does not exist|Could not establish connection/;

/** Ends the extension's service worker at once, mid-task if it is in one (the DevTools protocol's closeTarget). */
async function stopServiceWorker(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  for (const target of targetInfos.filter((t) => t.type === 'service_worker'))
    await cdp.send('Target.closeTarget', { targetId: target.targetId }).catch(() => undefined); // already gone
  await cdp.detach();
}

/** An escalation started on the child's record, from the side panel (the default) or the in-page panel. */
async function started(page: Page, demoUrl: string, childId = '1000001', placement: 'side-panel' | 'in-page' = 'side-panel') {
  let panel: PanelSurface;
  if (placement === 'in-page') {
    await choosePlacement(page.context(), 'in-page');
    panel = await openInPagePanel(page, demoUrl, childId);
  } else panel = await openPanel(page, demoUrl, childId);
  await fillStartForm(panel, 'herefordshire', { concern: '2026-11-16T09:30' });
  await panel.getByRole('button', { name: 'Start escalation' }).click();
  await expect(panel.locator('.current-stage')).toBeVisible();
  return panel;
}

const historyWith = (panel: PanelSurface, text: string): Locator => panel.locator('.history li', { hasText: text });
const actions = (panel: PanelSurface) => panel.getByRole('region', { name: 'Actions' });

type Outcome = 'saved' | 'not saved' | 'unknown';

/** Waits for the panel to say how the change went, and checks it said it in the worker's words. */
async function outcome(panel: PanelSurface): Promise<Outcome> {
  const saved = actions(panel).getByRole('status').filter({ hasText: 'Response recorded.' });
  const alert = actions(panel).getByRole('alert');
  await expect(saved.or(alert)).toBeVisible({ timeout: 20_000 });
  if (await saved.isVisible()) return 'saved';
  const words = await alert.innerText();
  expect(words).not.toMatch(BROWSER_WORDS);
  if (words.startsWith('Not saved')) return 'not saved';
  expect(words).toContain('trying again will not record it twice');
  return 'unknown';
}

test('service worker stopped before, during and after "Save response": confirmed changes kept, none twice, no false error', async ({
  context,
  demoUrl,
}) => {
  test.setTimeout(240_000);
  const page = await context.newPage();
  // The in-page panel: the one surface whose changes go through the service worker (the others write directly).
  const panel = await started(page, demoUrl, '1000001', 'in-page');
  const tally: Record<string, Record<Outcome, number>> = {};
  // 10 before (stopped, then Save wakes it), 10 during (stopped 0–40 ms after Save: a change takes a few ms,
  // so most of these land mid-change), 10 after (stopped 0–90 ms after the panel confirmed).
  const cases = [
    ...Array.from({ length: 10 }, () => ({ when: 'before', delay: 0 })),
    ...[0, 1, 2, 3, 4, 6, 8, 12, 20, 40].map((delay) => ({ when: 'during', delay })),
    ...Array.from({ length: 10 }, (_, i) => ({ when: 'after', delay: i * 10 })),
  ];
  for (const [i, { when, delay }] of cases.entries()) {
    const text = `Reply number ${i} (${when} ${delay} ms)`;
    await actions(panel).getByRole('button', { name: 'Record a response' }).click();
    await panel.getByLabel('What they said or did').fill(text);
    if (when === 'before') await stopServiceWorker(context, page);
    await panel.getByRole('button', { name: 'Save response' }).click();
    if (when === 'during') await page.waitForTimeout(delay).then(() => stopServiceWorker(context, page));
    let result = await outcome(panel);
    if (when === 'after') {
      expect(result).toBe('saved');
      await page.waitForTimeout(delay);
      await stopServiceWorker(context, page);
    }
    (tally[when] ??= { saved: 0, 'not saved': 0, unknown: 0 })[result]++;
    if (result !== 'saved') {
      // The text is still in the form; the same press again lands it exactly once.
      await expect(panel.getByLabel('What they said or did')).toHaveValue(text);
      await panel.getByRole('button', { name: 'Save response' }).click();
      result = await outcome(panel);
      expect(result).toBe('saved');
    }
    // Read back through the live history, which reconnects after the worker restarts.
    await expect(historyWith(panel, text)).toHaveCount(1);
  }
  console.log('service-worker faults, outcome of the first press:', JSON.stringify(tally));
  // Everything recorded once: the start, and one response per case.
  await expect(panel.locator('.history li')).toHaveCount(1 + cases.length);
});

test('a double-click and two clicks in one tick record each change once', async ({ context, demoUrl }) => {
  const page = await context.newPage();
  const panel = await openPanel(page, demoUrl, '1000002');
  await fillStartForm(panel, 'herefordshire', { concern: '2026-11-16T09:30' });
  // Two presses in one tick on Start escalation: one escalation.
  await panel.getByRole('button', { name: 'Start escalation' }).evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  await expect(panel.locator('.current-stage')).toBeVisible();
  await expect(panel.getByRole('combobox', { name: 'Escalation' })).toHaveCount(0); // one escalation: no chooser
  await expect(panel.locator('.history li')).toHaveCount(1);

  // Double-click on Save response; two clicks in one tick on Save discussion.
  await actions(panel).getByRole('button', { name: 'Record a response' }).click();
  await panel.getByLabel('What they said or did').fill('Double-clicked reply');
  await panel.getByRole('button', { name: 'Save response' }).dblclick();
  await expect(actions(panel).getByRole('status')).toHaveText('Response recorded.');
  await expect(historyWith(panel, 'Double-clicked reply')).toHaveCount(1);

  await actions(panel).getByRole('button', { name: 'Record a discussion' }).click();
  const discussion = panel.getByRole('form', { name: 'Record a discussion' });
  await discussion.locator('textarea').first().fill('Talked it through twice over');
  await discussion.getByRole('button', { name: 'Save discussion' }).evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  await expect(actions(panel).getByRole('status')).toHaveText('Discussion recorded.');
  await expect(historyWith(panel, 'Talked it through twice over')).toHaveCount(1);

  // Escalate, double-clicked: one stage up, not two.
  await actions(panel)
    .getByRole('button', { name: /^Escalate to Stage 1/ })
    .click();
  await panel.getByLabel('Not resolved at the previous stage').check();
  await panel
    .getByRole('form', { name: 'Escalate' })
    .getByRole('button', { name: /^Escalate to Stage 1/ })
    .dblclick();
  await expect(actions(panel).getByRole('status')).toHaveText('Escalated.');
  await expect(panel.locator('.current-stage')).toContainText('Stage 1');
  await expect(panel.locator('.history li')).toHaveCount(4);

  // Withdraw and reopen, two presses in one tick each: withdrawn once, reopened once.
  for (const { action, done } of [
    { action: 'Withdraw', done: 'Withdrawn.' },
    { action: 'Reopen', done: 'Reopened.' },
  ]) {
    await actions(panel).getByRole('button', { name: action, exact: true }).click();
    const form = panel.getByRole('form', { name: `${action} the escalation` });
    await form.locator('textarea').fill(`${action} for the fault suite`);
    await form.getByRole('button', { name: action }).evaluate((button: HTMLButtonElement) => {
      button.click();
      button.click();
    });
    await expect(actions(panel).getByRole('status')).toHaveText(done);
    await expect(historyWith(panel, `${action} for the fault suite`)).toHaveCount(1);
  }

  // Copy note, double-clicked: one "copied" line.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demoUrl });
  await panel.getByRole('button', { name: 'Copy note' }).dblclick();
  await expect(panel.getByRole('region', { name: 'Case notes and forms' }).getByRole('status')).toContainText('Copied');
  await expect(historyWith(panel, 'Case note copied')).toHaveCount(1);
});

test('two tabs saving at the same moment both land, once each', async ({ context, demoUrl }) => {
  const first = await context.newPage();
  const one = await started(first, demoUrl, '1000003');
  const second = await context.newPage();
  const two = await openPanel(second, demoUrl, '1000003');
  for (const panel of [one, two]) await actions(panel).getByRole('button', { name: 'Record a response' }).click();
  for (let round = 0; round < 5; round++) {
    await one.getByLabel('What they said or did').fill(`Tab one, round ${round}`);
    await two.getByLabel('What they said or did').fill(`Tab two, round ${round}`);
    await Promise.all([one, two].map((panel) => panel.getByRole('button', { name: 'Save response' }).click()));
    for (const panel of [one, two]) {
      await expect(actions(panel).getByRole('status')).toHaveText('Response recorded.');
      await actions(panel).getByRole('button', { name: 'Record a response' }).click();
    }
  }
  for (const panel of [one, two]) {
    await expect(panel.locator('.history li')).toHaveCount(11);
    for (let round = 0; round < 5; round++) {
      await expect(historyWith(panel, `Tab one, round ${round}`)).toHaveCount(1);
      await expect(historyWith(panel, `Tab two, round ${round}`)).toHaveCount(1);
    }
  }
});

test('a record page’s script cannot read or write extension storage, so it cannot move a deadline', async ({ context, demoUrl }) => {
  const page = await context.newPage();
  const panel = await started(page, demoUrl);
  await escalate(panel, 'Stage 1 Line/Team Manager to Line/Team Manager');
  const timers = panel.locator('section.timers ul.clocks');
  const due = await timers.innerText();
  expect(due).toMatch(/due \w{3} \d+ \w{3} 2026/);
  // Run code in the record-page script's own world, as a compromised renderer of a granted site could.
  const { evaluate: attempt, detach } = await inRecordPageScript(context, page);
  const closureDays = Object.fromEntries(
    Array.from({ length: 60 }, (_, i) => [`2026-11-${String((i % 28) + 1).padStart(2, '0')}`, 'closed']),
  );
  expect(
    await attempt(
      `chrome.storage.local.set({ userSettings: { closureDays: ${JSON.stringify(closureDays)}, reminders: false } }).then(() => 'written', (e) => 'refused: ' + e.message)`,
    ),
  ).toMatch(/^refused: /);
  expect(await attempt(`chrome.storage.local.get(null).then((all) => JSON.stringify(all), (e) => 'refused: ' + e.message)`)).toMatch(
    /^refused: /,
  );
  await detach();
  // The chip still reads the child (its adapters came by message), and the panel's dates did not move.
  await expect(await chipChild(page)).toHaveText('Mosaic ID 1000001');
  await page.reload();
  await expect(panel.getByRole('heading', { name: 'Mosaic ID 1000001' })).toBeVisible();
  await expect(timers).toHaveText(due);
});

test('hostile text typed into every field is shown as text, set apart, in the panel and the dashboard', async ({
  context,
  demoUrl,
  extensionId,
}) => {
  const page = await context.newPage();
  const panel = await openPanel(page, demoUrl, '1000002');
  await fillStartForm(panel, 'herefordshire', { concern: '2026-11-16T09:30' });
  const hostile = '<img src=x onerror="window.__pwned=1">\u202eTRAP';
  for (const label of ['Their name', 'Their role', 'Their agency'])
    await panel.getByLabel(label, { exact: true }).fill(`${label} ${hostile}`);
  await panel.getByRole('button', { name: 'Start escalation' }).click();
  await expect(panel.locator('.current-stage')).toBeVisible();
  await actions(panel).getByRole('button', { name: 'Record a response' }).click();
  await panel.getByLabel('What they said or did').fill(`Reply ${hostile}`);
  await panel.getByRole('button', { name: 'Save response' }).click();
  await expect(historyWith(panel, `Reply <img`)).toHaveCount(1);
  // Shown as the characters typed, and the override is fenced in (isolates in the history, <bdi> elsewhere).
  await expect(panel.locator('.history li').last()).toContainText(`Response received: \u2068Reply ${hostile}\u2069`);
  await expect(panel.locator('dd bdi')).toHaveText([`Their name ${hostile}`, `Their role ${hostile}`, `Their agency ${hostile}`]);
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#status=open`);
  await expect(dashboard.locator('tbody tr bdi')).toHaveText(`Their agency ${hostile}`);
  for (const view of [page, dashboard]) {
    expect(await view.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(view.locator('img[src="x"]')).toHaveCount(0);
  }
  await expect(panel.locator('img[src="x"]')).toHaveCount(0);
});

test('a change the panel confirmed is there after the browser is closed at once and opened again on the same profile', async ({
  demoUrl,
}) => {
  const profile = mkdtempSync(join(tmpdir(), 'escalation-faults-'));
  const first = await launchWithExtension(TEST_BUILD_DIR, { userDataDir: profile });
  const page = await first.context.newPage();
  const panel = await started(page, demoUrl);
  await actions(panel).getByRole('button', { name: 'Record a response' }).click();
  await panel.getByLabel('What they said or did').fill('Confirmed just before the browser closed');
  await panel.getByRole('button', { name: 'Save response' }).click();
  await expect(actions(panel).getByRole('status')).toHaveText('Response recorded.');
  await first.context.close(); // straight away, as when a laptop lid closes

  const again = await launchWithExtension(TEST_BUILD_DIR, { userDataDir: profile });
  const reopened = await openPanel(await again.context.newPage(), demoUrl, '1000001');
  await expect(historyWith(reopened, 'Confirmed just before the browser closed')).toHaveCount(1);
  await expect(reopened.locator('.history li')).toHaveCount(2);
  await again.context.close();
});
