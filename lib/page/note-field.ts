// Which field on the record page is the case note: the first of the adapter's selectors that finds a
// field the worker can see and type in, looking in the page and in its same-origin frames (TinyMCE and
// older CKEditor keep the editable body in an about:blank / about:srcdoc iframe). A hidden field is never
// the target: rich editors hide the textarea they replaced and overwrite it on save, so a note put there
// is lost without a word; the visible editor that replaced it is taken instead.
//
// Elements here may come from another frame's realm, so nothing uses `instanceof HTMLElement`.

/** A plain field (its text is `value`) or a rich-text editing host (its text is the DOM under it). */
export type NoteField = { kind: 'plain'; element: HTMLTextAreaElement | HTMLInputElement } | { kind: 'rich'; element: HTMLElement };

/** Whether an element takes up space on screen; the browser's layout answers, so tests without layout pass their own. */
export type HasArea = (el: Element) => boolean;

const hasLayoutArea: HasArea = (el) => {
  const rect = el.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0;
};

const isElement = (node: unknown): node is HTMLElement => !!node && (node as Node).nodeType === 1;
const PLAIN_INPUT_TYPES = new Set(['text', 'search', '']);

function asField(el: Element): NoteField | null {
  if (el.tagName === 'TEXTAREA') return { kind: 'plain', element: el as HTMLTextAreaElement };
  if (el.tagName === 'INPUT' && PLAIN_INPUT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase()))
    return { kind: 'plain', element: el as HTMLInputElement };
  if ((el as HTMLElement).isContentEditable) return { kind: 'rich', element: editingHost(el as HTMLElement) };
  return null;
}

/** The outermost editable element: an editor's root, not a paragraph inside it. */
function editingHost(el: HTMLElement): HTMLElement {
  let host = el;
  while (isElement(host.parentElement) && host.parentElement.isContentEditable) host = host.parentElement;
  return host;
}

/** Shown, and not hidden from people: no display:none or visibility:hidden up the tree, no aria-hidden, no inert, some area. */
export function isShown(el: Element, hasArea: HasArea = hasLayoutArea): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.getAttribute('aria-hidden') === 'true' || node.hasAttribute('inert') || node.hasAttribute('hidden')) return false;
    const style = view.getComputedStyle(node);
    if (style.display === 'none') return false;
    if (node === el && (style.visibility === 'hidden' || style.visibility === 'collapse')) return false;
  }
  // The frame this document is shown in must be shown too.
  const frame = view.frameElement;
  if (frame && !isShown(frame, hasArea)) return false;
  return hasArea(el);
}

function isWritable(field: NoteField): boolean {
  if (field.kind === 'rich') return true;
  return !field.element.disabled && !field.element.readOnly;
}

/** Same-origin frames' documents (an editor's about:blank body included), nearest first; cross-origin frames have their own script. */
export function frameDocuments(doc: Document): { doc: Document; frame: Element }[] {
  const found: { doc: Document; frame: Element }[] = [];
  for (const frame of Array.from(doc.querySelectorAll('iframe, frame'))) {
    let inner: Document | null;
    try {
      inner = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      inner = null; // cross-origin: that frame's own record-page script answers for it
    }
    if (inner?.documentElement) found.push({ doc: inner, frame }, ...frameDocuments(inner));
  }
  return found;
}

/** The field a frame's editor shows when the editable body is inside it. */
function editableBodyOf(frame: Element): NoteField | null {
  let body: HTMLElement | null;
  try {
    body = (frame as HTMLIFrameElement).contentDocument?.body ?? null;
  } catch {
    return null;
  }
  return body && (body.isContentEditable || body.ownerDocument.designMode === 'on') ? { kind: 'rich', element: body } : null;
}

/** The visible editor that replaced a hidden field: an editable element or editable frame that follows it in its container. */
function replacementFor(hidden: Element, hasArea: HasArea): NoteField | null {
  for (let container = hidden.parentElement, depth = 0; container && depth < 3; container = container.parentElement, depth++) {
    for (const candidate of Array.from(container.querySelectorAll('[contenteditable], iframe'))) {
      if (!(hidden.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
      const field = candidate.tagName === 'IFRAME' ? editableBodyOf(candidate) : asField(candidate);
      if (field && isShown(candidate, hasArea) && isWritable(field)) return field;
    }
  }
  return null;
}

/** The notes field the adapter's selectors find, in selector order; null when the page shows none. */
export function findNoteField(doc: Document, selectors: string[], hasArea: HasArea = hasLayoutArea): NoteField | null {
  // A frame the worker cannot see holds no field the worker can type in.
  const docs = [doc, ...frameDocuments(doc).flatMap(({ doc: inner, frame }) => (isShown(frame, hasArea) ? [inner] : []))];
  for (const selector of selectors) {
    for (const d of docs) {
      let matches: Element[];
      try {
        matches = Array.from(d.querySelectorAll(selector));
      } catch {
        continue; // the adapter schema checks selectors; a frame's document may still refuse one
      }
      for (const el of matches) {
        const field = el.tagName === 'IFRAME' ? editableBodyOf(el) : asField(el);
        if (!field) continue;
        if (isShown(field.element, hasArea) && isWritable(field)) return field;
        const replacement = replacementFor(el, hasArea);
        if (replacement) return replacement;
      }
    }
  }
  return null;
}

/** A name for the field in the panel's words and the tests: its id, or its tag. */
export function fieldName(field: NoteField): string {
  const el = field.element;
  return el.id || (el.tagName === 'BODY' ? 'editor frame' : el.tagName.toLowerCase());
}
