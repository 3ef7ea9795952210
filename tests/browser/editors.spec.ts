// Case notes into real note editors (demo/public/editors.js: CKEditor 5, TinyMCE in its iframe, Quill, a
// React-controlled textarea) and into one that throws foreign changes away. Each check reads the note the
// way the host system would: through the editor's own API when the page's Save is pressed.
import type { Locator, Page } from '@playwright/test';
import { chipChild, fillStartForm, openSidePanelFor } from '../../demo/drive.mjs';
import { expect, test } from './fixtures';

const INSERT = { name: 'Insert into the record’s case note' };
const TITLE = /Multi-agency escalation ESC-[A-Z0-9]{6}/;
const LIST_ITEM = 'Sam Reid, Health Visitor, Community Health';
const REFERENCE = /Escalation ESC-[A-Z0-9]{6} · Herefordshire initial discussion/;

/** Opens the record with `editor` ready; the side panel beside it is opened the first time (it follows the tab after). */
async function recordWith(page: Page, url: string, editor: string, panel?: Page): Promise<Page> {
  await page.goto(url);
  await expect(page.locator(`[data-editor-ready="${editor}"]`)).toBeAttached({ timeout: 15_000 });
  await expect(await chipChild(page)).toHaveText('Mosaic ID 1000001');
  panel ??= await openSidePanelFor(page);
  await expect(panel.getByRole('heading', { name: 'Mosaic ID 1000001' })).toBeVisible();
  return panel;
}

/** Where the worker types: the editor's editable area, wherever the editor keeps it. */
function editable(page: Page, editor: string): Locator {
  if (editor === 'tinymce') return page.frameLocator('iframe.tox-edit-area__iframe').locator('body');
  if (editor === 'ckeditor') return page.locator('.ck-editor__editable');
  if (editor === 'quill') return page.locator('.ql-editor');
  if (editor === 'reverting') return page.locator('#note-reverting');
  return page.locator('#note-body');
}

/** Clicks into the editor until it has the keyboard: just after Start, the panel moves focus to its new heading. */
async function clickInto(field: Locator) {
  await expect(async () => {
    await field.click();
    await expect(field).toBeFocused({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
}

const notesIn = (panel: Page) => panel.getByRole('region', { name: 'Case notes and forms' });

async function save(page: Page): Promise<{ text: string; html: string | null }> {
  await page.getByRole('button', { name: 'Save note' }).click();
  return page.evaluate(() => (window as unknown as { savedNotes: { text: string; html: string | null }[] }).savedNotes.at(-1)!);
}

/** Each pattern found in the saved text, in this order. */
function expectInOrder(text: string, parts: (string | RegExp)[]) {
  let from = 0;
  for (const part of parts) {
    const rest = text.slice(from);
    const match = typeof part === 'string' ? { index: rest.indexOf(part), length: part.length } : rest.match(part);
    expect(match && match.index !== undefined && match.index >= 0, `"${part}" after position ${from} in:\n${text}`).toBe(true);
    from += match!.index! + (typeof part === 'string' ? part.length : (match as RegExpMatchArray)[0].length);
  }
}

// One escalation, one side panel, the record reopened with each editor in turn (the side panel follows the tab).
test("in CKEditor, TinyMCE, Quill and a React textarea the note lands at the caret and at the end, and the editor's own save keeps it", async ({
  context,
  demoUrl,
}) => {
  const page = await context.newPage();
  let panel: Page | undefined;
  for (const editor of ['ckeditor', 'tinymce', 'quill', 'react']) {
    await test.step(editor, async () => {
      const rich = editor !== 'react';
      const url = `${demoUrl}/person/1000001?editor=${editor}`;
      if (!panel) {
        panel = await recordWith(page, url, editor);
        await fillStartForm(panel, 'herefordshire', { concern: '2026-11-16T09:30' });
        await panel.getByRole('button', { name: 'Start escalation' }).click();
      } else await recordWith(page, url, editor, panel);
      await expect(panel.locator('.current-stage')).toBeVisible();

      // At the caret: between the worker's two paragraphs, on a line of its own.
      await clickInto(editable(page, editor));
      await page.keyboard.type('Worker first paragraph.');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Worker last paragraph.');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('End');
      const inserted = panel.locator('.history li', { hasText: 'Case note inserted to the record (case-note)' });
      const before = await inserted.count();
      await panel.getByRole('button', INSERT).click();
      await expect(notesIn(panel).getByRole('status')).toHaveText(/^Inserted into the case note \(at your cursor\)/);
      await expect(inserted).toHaveCount(before + 1);
      // Typing on does not take the note away (editors that own their model would have reverted it by now).
      await page.keyboard.type(' Typed after.');
      let saved = await save(page);
      expectInOrder(saved.text, ['Worker first paragraph.', TITLE, LIST_ITEM, REFERENCE, 'Typed after.', 'Worker last paragraph.']);
      expect(saved.text.split('\n')).toContain('Worker first paragraph.'); // a line of its own: the note did not fuse into it
      if (rich) {
        // Structure survives: a heading and a list, as the editor's own HTML (Quill writes its spaces as &nbsp;).
        const spaced = (s: string) => s.replace(/ /g, '(?: |&nbsp;)');
        expect(saved.html).toMatch(new RegExp(spaced('<h3[^>]*>Multi-agency escalation ESC-')));
        expect(saved.html).toMatch(new RegExp(spaced(`<li[^>]*>${LIST_ITEM}</li>`)));
      }

      // At the end: the record reopened with the worker's draft, and the worker has not clicked into it.
      await recordWith(page, `${url}&draft=Earlier+words.`, editor, panel);
      await panel.getByRole('button', INSERT).click();
      await expect(notesIn(panel).getByRole('status')).toHaveText(/^Inserted into the case note \(at the end\)/);
      saved = await save(page);
      expectInOrder(saved.text, ['Earlier words.', TITLE, LIST_ITEM, REFERENCE]);
    });
  }
});

test('an editor that throws the note away: the panel says so, the note is on the clipboard, the history says copied', async ({
  context,
  demoUrl,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demoUrl });
  const page = await context.newPage();
  const panel = await recordWith(page, `${demoUrl}/person/1000001?editor=reverting`, 'reverting');
  await fillStartForm(panel, 'herefordshire', { concern: '2026-11-16T09:30' });
  await panel.getByRole('button', { name: 'Start escalation' }).click();
  await expect(panel.locator('.current-stage')).toBeVisible();
  await clickInto(editable(page, 'reverting'));
  await page.keyboard.type('My own words.');
  await panel.getByRole('button', INSERT).click();
  await expect(notesIn(panel).getByRole('alert')).toHaveText(
    'This editor did not accept the note. It is on your clipboard: click in the note and paste (Ctrl+V).',
  );
  await expect(notesIn(panel).getByRole('status')).not.toContainText('Inserted');
  await expect(panel.locator('.history li').last()).toContainText('Case note copied to the record (case-note)');
  await expect(panel.locator('.history li', { hasText: 'inserted' })).toHaveCount(0);
  const preview = await panel.getByLabel('Preview (you can edit it before copying)').inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(preview);
  // The worker's own words are untouched.
  expect((await save(page)).text).toBe('My own words.');
});
