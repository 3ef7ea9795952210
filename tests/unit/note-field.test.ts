// @vitest-environment happy-dom
// Which field a case note goes into. happy-dom has no layout, so "takes up space" is read from the test
// page's own width/height styles; everything else (display, aria-hidden, frames, replacements) is real.
import { afterEach, describe, expect, it } from 'vitest';
import { fieldName, findNoteField, isShown, type HasArea } from '../../lib/page/note-field';
import { MOSAIC } from '../../lib/hosts/builtin';

const hasArea: HasArea = (el) => !/(width|height):\s*0/.test(el.getAttribute('style') ?? '');
const MOSAIC_FIELDS = MOSAIC.notes!.fields!;

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('choosing the case-note field', () => {
  it('takes the first selector that finds a visible field', () => {
    const doc = page('<textarea name="note" id="n"></textarea><div contenteditable="true" id="rich"></div>');
    expect(findNoteField(doc, MOSAIC_FIELDS, hasArea)?.element.id).toBe('n');
  });

  it('never takes a hidden field: display none, aria-hidden, the hidden attribute, no size', () => {
    for (const hidden of [
      '<textarea name="note" style="display: none"></textarea>',
      '<div style="display: none"><textarea name="note"></textarea></div>',
      '<textarea name="note" aria-hidden="true"></textarea>',
      '<section hidden><textarea name="note"></textarea></section>',
      '<textarea name="note" style="width: 0; height: 0"></textarea>',
      '<textarea name="note" style="visibility: hidden"></textarea>',
    ]) {
      const doc = page(`${hidden}<textarea id="shown"></textarea>`);
      expect(findNoteField(doc, MOSAIC_FIELDS, hasArea)?.element.id, hidden).toBe('shown');
    }
  });

  it('prefers the visible editor that replaced a hidden source textarea (CKEditor 5, TinyMCE)', () => {
    const doc = page(`
      <form><textarea name="note" id="source" style="display: none"></textarea>
      <div class="ck-editor"><div class="ck-toolbar"></div><div class="ck-editor__editable" id="editable" contenteditable="true"><p>Typed</p></div></div>
      <textarea id="other-notes"></textarea></form>`);
    const field = findNoteField(doc, ['textarea[name*="note" i]'], hasArea);
    expect(field).toMatchObject({ kind: 'rich' });
    expect(field?.element.id).toBe('editable');
  });

  it('takes the editing host, not a paragraph inside it', () => {
    const doc = page('<div contenteditable="true" id="host"><p contenteditable="true" id="inner">x</p></div>');
    expect(findNoteField(doc, ['#inner'], hasArea)?.element.id).toBe('host');
  });

  it('skips read-only and disabled fields and inputs that are not text', () => {
    const doc = page('<textarea readonly></textarea><textarea disabled></textarea><input type="date"><input type="text" id="t">');
    expect(findNoteField(doc, ['textarea', 'input'], hasArea)?.element.id).toBe('t');
  });

  it('finds none when the page has no field the worker can see', () => {
    const doc = page('<textarea name="note" style="display: none"></textarea><p>Read only record</p>');
    expect(findNoteField(doc, MOSAIC_FIELDS, hasArea)).toBeNull();
  });

  /** An editor's frame (srcdoc, as TinyMCE builds one), once its document is there. */
  async function withFrame(html: string): Promise<{ doc: Document; body: HTMLElement }> {
    const doc = page(html);
    const frame = doc.getElementById('ed') as HTMLIFrameElement;
    for (let i = 0; i < 50 && !frame.contentDocument?.body; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    return { doc, body: frame.contentDocument!.body };
  }

  it('looks inside same-origin editor frames (an about:srcdoc body made editable, as TinyMCE does)', async () => {
    const { doc, body } = await withFrame(
      '<textarea name="note" style="display: none"></textarea><div class="tox"><iframe id="ed" srcdoc="<p>Typed in the frame</p>"></iframe></div>',
    );
    body.setAttribute('contenteditable', 'true');
    const field = findNoteField(doc, MOSAIC_FIELDS, hasArea);
    expect(field?.kind).toBe('rich');
    expect(field?.element).toBe(body);
    expect(fieldName(field!)).toBe('editor frame');
  });

  it('does not take an editor frame that is hidden', async () => {
    const { doc, body } = await withFrame(
      '<iframe id="ed" srcdoc="<p></p>" style="display: none"></iframe><textarea id="plain"></textarea>',
    );
    body.setAttribute('contenteditable', 'true');
    expect(findNoteField(doc, ['[contenteditable="true"]', 'textarea'], hasArea)?.element.id).toBe('plain');
  });
});

describe('shown', () => {
  it('is false for aria-hidden ancestors and true for an ordinary element', () => {
    const doc = page('<div aria-hidden="true"><p id="a">x</p></div><p id="b">y</p>');
    expect(isShown(doc.getElementById('a')!, hasArea)).toBe(false);
    expect(isShown(doc.getElementById('b')!, hasArea)).toBe(true);
  });
});
