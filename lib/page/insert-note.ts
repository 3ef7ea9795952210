// Putting a case note into the host's own notes field the way a person does: focus the field, put the
// caret back where the worker left it (else at the end), and hand the editor the note as a paste, so an
// editor that owns its document model inserts it through that model. Only where nothing handles the
// paste does the browser's editing command insert it, and only where that fails is the DOM written
// directly. Then it waits for the editor to settle and reads the field back: the panel says "Inserted"
// only when the note's lines are there (lib/templates/landed.ts). It never replaces what the worker typed,
// never submits the host's form, and the HTML is ours (lib/templates escapes everything typed).
import { noteLanded, noteMarkers } from '../templates/landed';
import type { NoteField } from './note-field';

export interface Note {
  text: string;
  html: string;
}

export interface Insertion {
  /** Where it was put: at the worker's caret, or at the end of the field. */
  where: 'caret' | 'end';
  /** Read back after the editor settled: the note's title, last line and list items are in the field. */
  landed: boolean;
}

type Caret = number | Range | null;

// A Range from an editor's frame is not an instance of this frame's Range.
const isRange = (caret: Caret): caret is Range => typeof caret === 'object' && caret !== null;

/**
 * Where the worker's caret is in a notes field. Only a field the worker has been in has one (editors such
 * as TinyMCE put a selection at the start of their body when they load); a field never entered gets the
 * note at its end. The browser keeps a field's selection while the panel has focus, so the live one is read
 * first; clicking into another input on the page leaves the caret the worker last had in the editor, which
 * is remembered.
 */
export function trackCarets(doc: Document): { caretIn(field: NoteField): Caret; stop(): void } {
  const visited = new WeakSet<Element>();
  let lastRange: Range | null = null;
  const onFocus = (event: FocusEvent) => visited.add(event.target as Element);
  // Focus going into an editor's iframe never reaches this document's listeners, so each same-origin frame
  // is listened to as well: those here now, and each one that loads later (TinyMCE builds its frame after load).
  const frameListeners: (() => void)[] = [];
  const listenToFrame = (frame: Element) => {
    try {
      const inner = (frame as HTMLIFrameElement).contentDocument;
      const onFrameFocus = () => visited.add(frame);
      inner?.addEventListener('focusin', onFrameFocus);
      frameListeners.push(() => inner?.removeEventListener('focusin', onFrameFocus));
    } catch {
      // cross-origin: that frame's own record-page script has its own tracker
    }
  };
  const onLoad = (event: Event) => {
    const target = event.target as Element | null;
    if (target?.tagName === 'IFRAME' || target?.tagName === 'FRAME') listenToFrame(target);
  };
  doc.querySelectorAll('iframe, frame').forEach(listenToFrame);
  const onSelection = () => {
    const active = doc.activeElement;
    if (active?.tagName === 'TEXTAREA' || active?.tagName === 'INPUT') return;
    const sel = doc.getSelection();
    if (sel && sel.rangeCount > 0) lastRange = sel.getRangeAt(0).cloneRange();
  };
  const wasIn = (el: Element) => {
    if (visited.has(el) || (el.ownerDocument.activeElement === el && el.ownerDocument.hasFocus())) return true;
    for (let frame = el.ownerDocument.defaultView?.frameElement; frame; frame = frame.ownerDocument.defaultView?.frameElement)
      if (visited.has(frame)) return true;
    return false;
  };
  doc.addEventListener('focusin', onFocus);
  doc.addEventListener('selectionchange', onSelection);
  doc.addEventListener('load', onLoad, true); // a frame's load does not bubble, but is seen while capturing
  return {
    caretIn(field) {
      const el = field.element;
      if (!wasIn(el)) return null;
      if (field.kind === 'plain') return field.element.selectionEnd ?? null;
      // An editor in a frame keeps its own selection in its own document.
      const own = el.ownerDocument.getSelection();
      const live = own && own.rangeCount > 0 ? own.getRangeAt(0) : null;
      if (live && el.contains(live.endContainer)) return live.cloneRange();
      return lastRange && el.contains(lastRange.endContainer) ? lastRange : null;
    },
    stop: () => {
      doc.removeEventListener('focusin', onFocus);
      doc.removeEventListener('selectionchange', onSelection);
      doc.removeEventListener('load', onLoad, true);
      frameListeners.forEach((remove) => remove());
    },
  };
}

/** What the field holds now, as the check reads it. */
export function fieldText(field: NoteField): string {
  return field.kind === 'plain' ? field.element.value : (field.element.textContent ?? '');
}

const nextFrame = (win: Window) =>
  new Promise<void>((resolve) => {
    // requestAnimationFrame does not run in a hidden tab; the timer makes sure this never hangs.
    const timer = win.setTimeout(resolve, 50);
    win.requestAnimationFrame(() => {
      win.clearTimeout(timer);
      resolve();
    });
  });

/** Waits until the editor has stopped changing the field: two frames, then 100 ms without a mutation, at most ~1 s. */
export async function settled(field: NoteField, quietMs = 100, maxMs = 1000): Promise<void> {
  const win = field.element.ownerDocument.defaultView!;
  await nextFrame(win);
  await nextFrame(win);
  await new Promise<void>((resolve) => {
    let quiet = win.setTimeout(done, quietMs);
    const cap = win.setTimeout(done, maxMs);
    const observer = new win.MutationObserver(() => {
      win.clearTimeout(quiet);
      quiet = win.setTimeout(done, quietMs);
    });
    observer.observe(field.element, { childList: true, subtree: true, characterData: true, attributes: true });
    function done() {
      observer.disconnect();
      win.clearTimeout(quiet);
      win.clearTimeout(cap);
      resolve();
    }
  });
}

/** The deepest last position in an element: the end of its last text, so the caret is inside a paragraph, not after it. */
function endOf(root: HTMLElement): Range {
  const range = root.ownerDocument.createRange();
  let node: Node = root;
  while (node.lastChild && node.lastChild.nodeName !== 'BR') node = node.lastChild;
  if (node.nodeType === Node.TEXT_NODE) range.setStart(node, (node as Text).length);
  else range.setStart(node, node === root ? node.childNodes.length : 0);
  range.collapse(true);
  return range;
}

/** Plain fields: a blank line between the worker's text and the note, on both sides. Single-line inputs get one line. */
function plainPayload(field: HTMLTextAreaElement | HTMLInputElement, text: string, at: number): string {
  if (field.tagName === 'INPUT') {
    const flat = text.replace(/\s*\n+\s*/g, ' ').trim();
    return (at > 0 && !/\s$/.test(field.value.slice(0, at)) ? ' ' : '') + flat;
  }
  const before = field.value.slice(0, at);
  const after = field.value.slice(at);
  const lead = before && !before.endsWith('\n\n') ? (before.endsWith('\n') ? '\n' : '\n\n') : '';
  const trail = after && !after.startsWith('\n\n') ? (after.startsWith('\n') ? '\n' : '\n\n') : '';
  return lead + text.replace(/\n+$/, '') + trail;
}

/** A paste carrying the note, as the browser sends one; true when the page's editor took it (prevented the default). */
function pasteInto(target: HTMLElement, note: Note): boolean {
  const win = target.ownerDocument.defaultView!;
  const data = new win.DataTransfer();
  data.setData('text/plain', note.text);
  data.setData('text/html', note.html);
  const event = new win.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
  return !target.dispatchEvent(event);
}

function focusField(field: NoteField) {
  const win = field.element.ownerDocument.defaultView!;
  if (win.frameElement) win.focus(); // an editor in a frame: that frame's document takes the keyboard first
  field.element.focus({ preventScroll: false });
}

/** Said by the page when, just before writing, it no longer shows the child the note is for. */
export const OTHER_CHILD = 'other-child';

async function insertPlain(
  field: HTMLTextAreaElement | HTMLInputElement,
  note: Note,
  caret: Caret,
  mayWrite: () => boolean,
): Promise<'caret' | 'end' | typeof OTHER_CHILD> {
  const at = typeof caret === 'number' && caret <= field.value.length ? caret : field.value.length;
  const text = plainPayload(field, note.text, at);
  focusField({ kind: 'plain', element: field });
  // Focusing can make an app change the page; the last look at whose record it is comes with the write.
  if (!mayWrite()) return OTHER_CHILD;
  field.setSelectionRange(at, at);
  const before = field.value;
  if (!pasteInto(field, { text, html: note.html })) {
    // The browser's own typing path: React, Vue and the like see a real input event and update their state.
    const doc = field.ownerDocument;
    if (!doc.execCommand('insertText', false, text) || field.value === before) {
      field.setRangeText(text, at, at, 'end');
      field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    }
  }
  field.dispatchEvent(new Event('change', { bubbles: true }));
  return typeof caret === 'number' ? 'caret' : 'end';
}

/** Rich editors: the note starts on a paragraph of its own, so its heading never fuses with the worker's line. */
function richPayload(range: Range, html: string): string {
  const block = blockOf(range.endContainer);
  const textBefore = block ? textBeforeCaret(block, range) : '';
  // Without the empty paragraph CKEditor 5 and Quill merge the note's heading into the worker's line; TinyMCE
  // keeps it as one blank line.
  return normaliseSpace(textBefore) === '' ? html : `<p></p>${html}`;
}

function blockOf(node: Node): Element | null {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === 1 && /^(P|DIV|H[1-6]|LI|BLOCKQUOTE|PRE|BODY)$/.test(n.nodeName)) return n as Element;
  }
  return null;
}

function textBeforeCaret(block: Element, caret: Range): string {
  const range = block.ownerDocument.createRange();
  range.selectNodeContents(block);
  range.setEnd(caret.endContainer, caret.endOffset);
  return range.toString();
}

/** Whether the browser's selection is still the collapsed point `range` names. */
function selectionIs(selection: Selection, range: Range): boolean {
  return selection.rangeCount === 1 && selection.focusNode === range.endContainer && selection.focusOffset === range.endOffset;
}

const normaliseSpace = (s: string) => s.replace(/[\s\u200b\ufeff]+/g, '');

async function insertRich(
  field: HTMLElement,
  note: Note,
  caret: Caret,
  mayWrite: () => boolean,
): Promise<'caret' | 'end' | typeof OTHER_CHILD> {
  const doc = field.ownerDocument;
  const range = isRange(caret) ? caret.cloneRange() : endOf(field);
  range.collapse(false); // after any selection: never replace it
  focusField({ kind: 'rich', element: field });
  // A focused editor puts back its own idea of the selection (CKEditor 5: the start) a moment later, later
  // still on a busy machine; ours goes after, and again until the editor leaves it be for a frame.
  const selection = doc.getSelection()!;
  for (let attempt = 0; attempt < 5; attempt++) {
    await nextFrame(doc.defaultView!);
    if (attempt > 0 && selectionIs(selection, range)) break;
    selection.removeAllRanges();
    selection.addRange(range);
  }
  // Editors read the browser's selection into their own model on selectionchange, a task later.
  await nextFrame(doc.defaultView!);
  // The frames waited above are time for a single-page app to move to another child: look again, then write at once.
  if (!mayWrite()) return OTHER_CHILD;
  const html = richPayload(range, note.html);
  if (!pasteInto(field, { text: note.text, html })) {
    const before = field.innerHTML;
    if (!doc.execCommand('insertHTML', false, html) || field.innerHTML === before) {
      const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
      const fragment = doc.createDocumentFragment();
      for (const node of Array.from(parsed.body.childNodes)) fragment.append(doc.importNode(node, true));
      const at = doc.getSelection()?.rangeCount ? doc.getSelection()!.getRangeAt(0) : range;
      at.insertNode(fragment);
      field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }
  }
  return isRange(caret) ? 'caret' : 'end';
}

/**
 * Inserts the note, waits for the editor to settle, and reads the field back to say whether it landed.
 * `mayWrite` is asked in the same turn as the write: false (the page now shows another child) writes nothing.
 */
export async function insertNote(
  field: NoteField,
  note: Note,
  caret: Caret,
  mayWrite: () => boolean = () => true,
): Promise<Insertion | typeof OTHER_CHILD> {
  const markers = noteMarkers(note.text);
  const before = fieldText(field);
  const where =
    field.kind === 'plain'
      ? await insertPlain(field.element, note, caret, mayWrite)
      : await insertRich(field.element, note, caret, mayWrite);
  if (where === OTHER_CHILD) return where;
  await settled(field);
  return { where, landed: noteLanded(before, fieldText(field), markers) };
}
