// @vitest-environment happy-dom
// A case note and a colleague's reference line go only to their own child: the record page's frame reads the
// page again as the question arrives (and once more as it writes) and acts only if it shows that child.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { builtInAdaptersFor } from '../../lib/browser/adapters';
import { NOT_MINE } from '../../lib/browser/messaging';
import type { ChildIdResult } from '../../lib/hosts';
import { noteHandlers } from '../../lib/page/notes-on-page';
import { showsChild } from '../../lib/page/same-child';

const DEMO = builtInAdaptersFor('development').find((a) => a.id === 'demo')!;
const A = { hostId: 'demo', childId: '1000001' };
const B = { hostId: 'demo', childId: '1000002' };
const NOTE = {
  text: 'Multi-agency escalation ESC-7K3F9Q\nLast line.',
  html: '<h3>Multi-agency escalation ESC-7K3F9Q</h3><p>Last line.</p>',
};
const sender = {} as never;

/** A demo record showing `childId` (or no ID at all), with a notes field and the notes already recorded. */
function record(childId: string | null, field = '<textarea name="note" id="note"></textarea>') {
  document.body.innerHTML = `
    <section id="person-header">${childId === null ? '<h1>Person not found</h1>' : `<dl><dt>Mosaic ID</dt><dd class="person-id">${childId}</dd></dl>`}</section>
    ${field}
    <ol id="recorded-notes"><li>Home visit.\nEscalation ESC-Q7RW2T · Herefordshire stage 2 · due Thu 3 Dec 2026</li></ol>`;
}
const moveTo = (childId: string) => (document.querySelector('#person-header .person-id')!.textContent = childId);
const handlers = () =>
  noteHandlers(
    window,
    () => DEMO,
    { caretIn: () => null },
    () => true,
  );

afterEach(() => {
  document.body.innerHTML = '';
});

describe('whether the page shows the child a note is for', () => {
  const found = (childId: string): ChildIdResult => ({ found: true, childId, source: 'selector' });
  it('only the same adapter and exactly the same ID', () => {
    expect(showsChild(A, 'demo', found('1000001'))).toBe(true);
    expect(showsChild(A, 'demo', found('1000002'))).toBe(false);
    expect(showsChild(A, 'mosaic', found('1000001'))).toBe(false);
    expect(showsChild(A, 'demo', found('10000011'))).toBe(false);
    expect(showsChild(A, 'demo', { found: false, reason: 'not-found' })).toBe(false);
    expect(showsChild(A, 'demo', { found: false, reason: 'ambiguous' })).toBe(false);
  });
  it('for any two IDs: yes only when they are the same', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{3,10}$/), fc.stringMatching(/^[0-9]{3,10}$/), (asked, shown) => {
        expect(showsChild({ hostId: 'demo', childId: asked }, 'demo', found(shown))).toBe(asked === shown);
      }),
      { numRuns: 200 },
    );
  });
});

describe('inserting a note on the record page', () => {
  it('a page showing another child writes nothing and says so', async () => {
    record('1000002');
    const answer = await handlers().insertNote({ ...NOTE, child: A }, sender);
    expect(answer).toEqual({ refused: 'other-child' });
    expect((document.getElementById('note') as HTMLTextAreaElement).value).toBe('');
  });

  it('a page showing no child writes nothing', async () => {
    record(null);
    expect(await handlers().insertNote({ ...NOTE, child: A }, sender)).toEqual({ refused: 'other-child' });
    expect((document.getElementById('note') as HTMLTextAreaElement).value).toBe('');
  });

  it('the page showing the note’s child gets it', async () => {
    record('1000001');
    // happy-dom has no editing commands: the insert falls back to writing the field, as for an editor that refuses them.
    Object.assign(document, { execCommand: () => false });
    const answer = await handlers().insertNote({ ...NOTE, child: A }, sender);
    expect(answer).not.toEqual({ refused: 'other-child' });
    expect((document.getElementById('note') as HTMLTextAreaElement).value).toContain('Multi-agency escalation ESC-7K3F9Q');
  });

  it('a page that moves to another child while the note is on its way into the editor gets nothing', async () => {
    record('1000001', '<div contenteditable="true" id="note"></div>');
    const answer = handlers().insertNote({ ...NOTE, child: A }, sender) as Promise<unknown>;
    moveTo('1000002'); // the app moves on while the editor is being focused and its selection set
    expect(await answer).toEqual({ refused: 'other-child' });
    expect(document.getElementById('note')!.textContent).toBe('');
  });

  it('a frame with no notes field stays silent for the frame that has one', () => {
    record('1000002', '');
    expect(handlers().insertNote({ ...NOTE, child: A }, sender)).toBe(NOT_MINE);
  });
});

describe('finding colleagues’ reference lines on the record page', () => {
  it('offers the lines only while the page shows the child asked about', () => {
    record('1000001');
    expect(handlers().findReferences(A, sender)).toEqual({
      references: [{ reference: 'ESC-Q7RW2T', line: 'Escalation ESC-Q7RW2T · Herefordshire stage 2 · due Thu 3 Dec 2026' }],
    });
    expect(handlers().findReferences(B, sender)).toEqual({ references: [] });
    moveTo('1000002');
    expect(handlers().findReferences(A, sender)).toEqual({ references: [] });
  });
});
