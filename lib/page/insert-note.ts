// Putting a case note into the host's own notes field: a textarea or input, or
// a rich-text (contenteditable) editor. It goes in at the worker's caret if
// they were in the field, else at the end; it never replaces what they typed
// and never submits the host's form. The host app hears the input events it
// listens for. The HTML is ours (lib/templates escapes everything typed).

export type NoteField = HTMLTextAreaElement | HTMLInputElement | HTMLElement;

/** The first notes field on the page the adapter's selectors find. */
export function findNoteField(doc: Document, selectors: string[]): NoteField | null {
  for (const selector of selectors) {
    const el = doc.querySelector(selector);
    if (el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type === 'text')) return el;
    if (el instanceof HTMLElement && el.isContentEditable) return el;
  }
  return null;
}

/** Remembers where the worker's caret last was in each notes field. */
export function trackCarets(doc: Document): { caretIn(field: NoteField): number | Range | null; stop(): void } {
  const textCarets = new WeakMap<Element, number>();
  let lastRange: Range | null = null;
  const remember = () => {
    const active = doc.activeElement;
    if (active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement) {
      if (active.selectionEnd !== null) textCarets.set(active, active.selectionEnd);
      return;
    }
    const sel = doc.getSelection();
    if (sel && sel.rangeCount > 0) lastRange = sel.getRangeAt(0).cloneRange();
  };
  doc.addEventListener('selectionchange', remember);
  return {
    caretIn(field) {
      if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) return textCarets.get(field) ?? null;
      return lastRange && field.contains(lastRange.endContainer) ? lastRange : null;
    },
    stop: () => doc.removeEventListener('selectionchange', remember),
  };
}

function fire(field: HTMLElement, inputType: string, data: string | null) {
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType, data }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

export function insertIntoField(field: NoteField, text: string, html: string, caret: number | Range | null): 'caret' | 'end' {
  if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) {
    const at = typeof caret === 'number' && caret <= field.value.length ? caret : field.value.length;
    const before = field.value.slice(0, at);
    const sep = before && !before.endsWith('\n\n') ? (before.endsWith('\n') ? '\n' : '\n\n') : '';
    field.setRangeText(sep + text, at, at, 'end');
    fire(field, 'insertText', sep + text);
    return typeof caret === 'number' ? 'caret' : 'end';
  }
  const doc = field.ownerDocument;
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const fragment = doc.createDocumentFragment();
  for (const node of Array.from(parsed.body.childNodes)) fragment.append(doc.importNode(node, true));
  let range: Range;
  if (caret instanceof Range) {
    range = caret.cloneRange();
    range.collapse(false); // after any selection: never replace it
  } else {
    range = doc.createRange();
    range.selectNodeContents(field);
    range.collapse(false);
  }
  range.insertNode(fragment);
  fire(field, 'insertFromPaste', null);
  return caret instanceof Range ? 'caret' : 'end';
}
