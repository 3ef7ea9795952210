import type { Page } from '@playwright/test';
import { chipChild, fillStartForm, openPanel } from '../../demo/drive.mjs';
import { expect, inRecordPageScript, test } from './fixtures';

async function started(page: Page, demoUrl: string, protocol = 'herefordshire', childId = '1000001'): Promise<Page> {
  const panel = await openPanel(page, demoUrl, childId);
  await fillStartForm(panel, protocol, { concern: '2026-11-16T09:30' });
  await panel.getByRole('button', { name: 'Start escalation' }).click();
  await expect(panel.locator('.current-stage')).toBeVisible();
  return panel;
}

async function clipboard(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const out: Record<string, string> = {};
    for (const item of await navigator.clipboard.read()) {
      for (const type of item.types) out[type] = await (await item.getType(type)).text();
    }
    return out;
  });
}

test('copy puts the note on the clipboard as plain text and simple HTML, and records it', async ({ context, demoUrl }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demoUrl });
  const page = await context.newPage();
  const panel = await started(page, demoUrl);
  const preview = panel.getByLabel('Preview (you can edit it before copying)');
  await expect(preview).toHaveValue(/^Multi-agency escalation ESC-[A-Z0-9]{6}: Raise the issue/);
  await panel.getByRole('button', { name: 'Copy note' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const copied = await clipboard(page);
  expect(copied['text/plain']).toBe(await preview.inputValue());
  expect(copied['text/html']).toContain('<b>With:</b></p><ul><li>Sam Reid, Health Visitor, Community Health</li></ul>');
  await expect(panel.locator('.history li').last()).toContainText('Case note copied to the record (case-note)');
});

test('the edited preview is what is copied', async ({ context, demoUrl }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demoUrl });
  const page = await context.newPage();
  const panel = await started(page, demoUrl, 'enfield');
  const preview = panel.getByLabel('Preview (you can edit it before copying)');
  await preview.fill('My own words about <this> escalation.\n\nSecond paragraph.');
  await panel.getByRole('button', { name: 'Copy note' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const copied = await clipboard(page);
  expect(copied['text/plain']).toBe('My own words about <this> escalation.\n\nSecond paragraph.');
  expect(copied['text/html']).toContain('<p>My own words about &lt;this&gt; escalation.</p>');
});

test('the Appendix 1 log row copies as one tab-separated spreadsheet row', async ({ context, demoUrl }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demoUrl });
  const page = await context.newPage();
  const panel = await started(page, demoUrl);
  await panel.getByLabel('Template').selectOption('herefordshire-appendix-1');
  await panel.getByRole('button', { name: 'Copy row' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'spreadsheet row' })).toBeVisible();
  const row = await page.evaluate(() => navigator.clipboard.readText());
  const cells = row.split('\t');
  expect(cells).toHaveLength(8);
  expect(cells[0]).toMatch(/^ESC-[A-Z0-9]{6}$/);
  // Appendix 1's "Child Details" asks for Name, DOB, Age and Unique identifier.
  expect(cells[1]).toMatch(/^Name: .*; DOB: .*; Age: .*; Unique identifier: 1000001$/);
});

test('insert into the rich-text editor keeps what is there and is seen by the app', async ({ context, demoUrl }) => {
  const page = await context.newPage();
  const panel = await started(page, demoUrl);
  const editor = page.locator('#note-editor');
  await editor.click();
  await page.keyboard.type('Visit notes typed by the worker.');
  await panel.getByRole('button', { name: 'Insert into the record’s case note' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Inserted into the case note' })).toBeVisible();
  await expect(editor).toContainText('Visit notes typed by the worker.');
  await expect(editor.locator('h3')).toHaveText(/^Multi-agency escalation ESC-/);
  await expect(editor.locator('b', { hasText: 'With:' })).toBeVisible();
  const text = await editor.innerText();
  expect(text.indexOf('Visit notes typed by the worker.')).toBeLessThan(text.indexOf('Multi-agency escalation'));
  await expect(page.locator('#note-status')).toHaveText(/^Unsaved changes \(\d+ characters\)$/);
  await expect(panel.locator('.history li').last()).toContainText('Case note inserted to the record (case-note)');
  // Nothing was submitted: the app's saved notes list is still empty.
  await expect(page.locator('#recorded-notes li')).toHaveCount(0);
});

test('insert into a plain textarea goes at the caret, never replacing the worker’s text', async ({ context, demoUrl }) => {
  const page = await context.newPage();
  const panel = await openPanel(page, demoUrl, '1000002');
  await page.goto(`${demoUrl}/person/1000002?notes=plain`); // the side panel follows the tab
  await expect(await chipChild(page)).toHaveText('Mosaic ID 1000002');
  await fillStartForm(panel, 'halton', { concern: '2026-11-16T09:30' });
  await panel.getByRole('button', { name: 'Start escalation' }).click();
  const textarea = page.locator('#note-text');
  await textarea.fill('First line.\nLast line.');
  // Put the caret after "First line."
  await textarea.evaluate((t: HTMLTextAreaElement) => {
    t.focus();
    t.setSelectionRange(11, 11);
  });
  await panel.getByRole('button', { name: 'Insert into the record’s case note' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'at your cursor' })).toBeVisible();
  const value = await textarea.inputValue();
  expect(value.startsWith('First line.\n\nMulti-agency escalation ESC-')).toBe(true);
  expect(value.endsWith('\nLast line.')).toBe(true);
  await expect(page.locator('#note-status')).toHaveText(`Unsaved changes (${value.length} characters)`);
});

test('with no notes field on the page it says so and offers copy', async ({ context, demoUrl }) => {
  const page = await context.newPage();
  const panel = await openPanel(page, demoUrl, '1000002');
  await page.goto(`${demoUrl}/person/1000002?notes=none`);
  await expect(await chipChild(page)).toHaveText('Mosaic ID 1000002');
  await fillStartForm(panel, 'pan-sussex', { concern: '2026-11-16T09:30', days: '2' });
  await panel.getByRole('button', { name: 'Start escalation' }).click();
  await panel.getByRole('button', { name: 'Insert into the record’s case note' }).click();
  await expect(panel.getByRole('alert')).toHaveText(
    'No case-note field was found on this page. Copy the note and paste it into the record instead.',
  );
  await expect(panel.getByRole('button', { name: 'Copy note' })).toBeVisible();
});

test('a colleague’s reference line on the record is detected and can be tracked', async ({ context, demoUrl }) => {
  const page = await context.newPage();
  const panel = await openPanel(page, demoUrl, '1000003');
  const notice = panel.locator('.colleague');
  await expect(notice).toContainText('A colleague recorded an escalation for this child');
  await expect(notice).toContainText('Escalation ESC-Q7RW2T · Herefordshire stage 2 · due Thu 3 Dec 2026');
  await notice.getByRole('button', { name: 'Start tracking ESC-Q7RW2T here' }).click();
  await expect(panel.getByRole('heading', { name: 'Track ESC-Q7RW2T here' })).toBeVisible();
  await expect(panel.getByLabel(/Brief details/)).toHaveValue(/Recorded by a colleague on the child's file: Escalation ESC-Q7RW2T/);
  await fillStartForm(panel, 'herefordshire');
  await panel.getByRole('button', { name: 'Start escalation' }).click();
  await expect(panel.locator('#escalation-title')).toContainText('ESC-Q7RW2T');
  await expect(panel.locator('.colleague')).toHaveCount(0);
});

const INSERT = 'Insert into the record’s case note';
const OTHER_CHILD = 'This record shows another child: the note was not inserted';

/** The demo app moves to another child the way it does when the worker clicks a recent record (history.pushState). */
async function moveToChild(page: Page, childId: string) {
  await page.locator(`#recent a[data-person="${childId}"]`).click();
  await expect(page.locator('#person-header .person-id')).toHaveText(childId);
}

async function nothingInserted(page: Page) {
  await expect(page.locator('#note-editor')).toHaveText('');
  await expect(page.locator('#note-text')).toHaveValue('');
  await expect(page.locator('#note-status')).toHaveText('');
}

test('a record that moved to another child while the panel was open gets no note, and copying still works', async ({
  context,
  demoUrl,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demoUrl });
  const page = await context.newPage();
  const panel = await started(page, demoUrl);
  // The page's reports of what it shows are held, as in the moments before they reach the panel: the panel
  // still shows child 1000001's escalation when the page already shows 1000002.
  const script = await inRecordPageScript(context, page);
  await script.evaluate(`(() => {
    const send = chrome.runtime.sendMessage.bind(chrome.runtime);
    chrome.runtime.sendMessage = (message, ...rest) => (message?.type === 'childDetected' ? Promise.resolve() : send(message, ...rest));
  })()`);
  await moveToChild(page, '1000002');
  await expect(panel.getByRole('heading', { name: 'Mosaic ID 1000001' })).toBeVisible();

  await panel.getByRole('button', { name: INSERT }).click();
  await expect(panel.getByRole('alert').filter({ hasText: OTHER_CHILD })).toHaveCount(1);
  await nothingInserted(page);
  // Neither inserted nor copied: the history says nothing was done with the note.
  await expect(panel.locator('.history li', { hasText: 'Case note' })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Copy note' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  expect((await clipboard(page))['text/plain']).toMatch(/^Multi-agency escalation ESC-/);
  await script.detach();
});

test('a record that moves to another child while the note is on its way gets no note, and the panel says so', async ({
  context,
  demoUrl,
}) => {
  const page = await context.newPage();
  const panel = await started(page, demoUrl);
  // The panel's message to the page is held until the page has moved on: it arrives at a page showing 1000002.
  await panel.evaluate(() => {
    const { chrome } = globalThis as unknown as { chrome: typeof browser };
    const send = chrome.tabs.sendMessage.bind(chrome.tabs) as (...args: unknown[]) => Promise<unknown>;
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    Object.assign(window, { releaseInsert: release });
    Object.assign(chrome.tabs, {
      sendMessage: async (tabId: number, message: { type?: string }, ...rest: unknown[]) => {
        if (message?.type === 'insertNote') await released;
        return send(tabId, message, ...rest);
      },
    });
  });
  await panel.getByRole('button', { name: INSERT }).click();
  await expect(panel.getByRole('button', { name: 'Inserting…' })).toBeVisible();
  await moveToChild(page, '1000002');
  await expect(await chipChild(page)).toHaveText('Mosaic ID 1000002');
  await panel.evaluate(() => (window as unknown as { releaseInsert: () => void }).releaseInsert());

  // The panel has moved on to the child the page shows; it still says what happened to the note.
  await expect(panel.getByRole('alert').filter({ hasText: OTHER_CHILD })).toHaveCount(1);
  await nothingInserted(page);
});

test('reference lines on a record that now shows another child are not offered', async ({ context, demoUrl }) => {
  const page = await context.newPage();
  const panel = await openPanel(page, demoUrl, '1000002');
  const script = await inRecordPageScript(context, page);
  await script.evaluate(`(() => {
    const send = chrome.runtime.sendMessage.bind(chrome.runtime);
    chrome.runtime.sendMessage = (message, ...rest) => (message?.type === 'childDetected' ? Promise.resolve() : send(message, ...rest));
  })()`);
  // 1000003's record holds a colleague's reference line; the panel, not yet told, asks for 1000002's.
  await moveToChild(page, '1000003');
  await expect(page.locator('#recorded-notes')).toContainText('ESC-Q7RW2T');
  await fillStartForm(panel, 'halton', { concern: '2026-11-16T09:30' });
  await panel.getByRole('button', { name: 'Start escalation' }).click(); // the panel asks about references again
  await expect(panel.locator('.current-stage')).toBeVisible();
  await panel.waitForTimeout(500);
  await expect(panel.locator('.colleague')).toHaveCount(0);
  await script.detach();
});
