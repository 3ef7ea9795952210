// The record page's answers about its notes: put a case note into the notes field, and find colleagues'
// escalation references in the notes already recorded. Both are for one child (lib/page/same-child.ts): the
// frame reads the page again as the question arrives (and once more as it writes the note), and acts only if
// that reading is the child the question names.
import { NOT_MINE, type Handlers } from '../browser/messaging';
import { readChildId } from '../hosts/extract';
import type { HostAdapter } from '../hosts/schema';
import type { ExtensionToRecordPage } from '../messages/extension-to-record-page';
import type { ChildRef } from '../messages/types';
import { findReferences } from '../templates/reference';
import { insertNote, OTHER_CHILD, type trackCarets } from './insert-note';
import { fieldName, findNoteField, type HasArea } from './note-field';
import { showsChild } from './same-child';

export function noteHandlers(
  win: Window,
  adapter: () => HostAdapter,
  carets: Pick<ReturnType<typeof trackCarets>, 'caretIn'>,
  hasArea?: HasArea,
): Pick<Handlers<ExtensionToRecordPage>, 'insertNote' | 'findReferences'> {
  /** The page's child now, read as the detector reads it (not its last, debounced, report). */
  const shows = (child: ChildRef) => {
    const now = adapter();
    return showsChild(child, now.id, readChildId(now, win.document, win.location.href));
  };
  return {
    insertNote({ child, text, html }) {
      // Only the frame that shows the notes field answers (its same-origin editor frames included).
      const field = findNoteField(win.document, adapter().notes.fields, hasArea);
      if (!field) return NOT_MINE;
      if (!shows(child)) return { refused: OTHER_CHILD };
      return insertNote(field, { text, html }, carets.caretIn(field), () => shows(child)).then((done) =>
        done === OTHER_CHILD ? { refused: OTHER_CHILD } : { where: done.where, landed: done.landed, field: fieldName(field) },
      );
    },
    findReferences(child) {
      const history = adapter().notes.history ? win.document.querySelector(adapter().notes.history!) : null;
      if (!history) return NOT_MINE;
      // Lines on another child's record are not this child's: none are offered.
      return { references: shows(child) ? findReferences(history.textContent ?? '') : [] };
    },
  };
}
