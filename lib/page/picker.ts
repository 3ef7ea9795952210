// "Click the child's ID on the page": outlines the element under the pointer
// and reports the one clicked. The click is kept from the host page; Esc
// cancels. The outline is drawn in our own shadow root, not on host elements.
// Keyboard users pick too: Tab and Shift+Tab step through the elements the page
// shows with a number in their text, Enter chooses the outlined one. What is picked is the element that holds
// the whole value as drawn (wholeValueElement): never one span of an ID drawn in pieces.
import { wholeValueElement } from '../hosts/rendered';

/** Elements that could hold the ID: shown, with a digit in a short text of their own, ours excluded. */
function candidates(doc: Document, ours: Element): Element[] {
  const found = new Set<Element>();
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(), n = 0; node && found.size < 200 && n < 5_000; node = walker.nextNode(), n++) {
    const el = node.parentElement;
    const text = node.textContent ?? '';
    if (!el || !/[0-9]/.test(text) || text.length > 200 || ours.contains(el) || el.closest('escalation-companion, script, style')) continue;
    if (el.getClientRects().length > 0) found.add(wholeValueElement(el));
  }
  return [...found];
}
export function pickElement(doc: Document, onPick: (el: Element) => void, onCancel: () => void): () => void {
  const host = doc.createElement('escalation-picker');
  // Closed: the page's scripts get no handle on what we draw.
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `
    :host { all: initial; }
    .box { position: fixed; pointer-events: none; z-index: 2147483647; outline: 3px solid #ffbf47; background: rgba(255,191,71,.15); }
    .hint { position: fixed; top: 8px; left: 50%; transform: translateX(-50%); z-index: 2147483647; background: #0b0c0c; color: #fff;
      font: 600 14px/1.3 system-ui, sans-serif; padding: 8px 12px; border-radius: 4px; pointer-events: none; }`;
  const box = doc.createElement('div');
  box.className = 'box';
  const hint = doc.createElement('div');
  hint.className = 'hint';
  hint.textContent = browser.i18n.getMessage('pickerHint');
  root.append(style, box, hint);
  doc.documentElement.append(host);

  const target = (e: Event) => {
    const el = e.target as Element | null;
    return el && el !== host && !host.contains(el) && el.closest('escalation-companion') === null ? el : null;
  };
  const outline = (el: Element) => {
    const r = el.getBoundingClientRect();
    Object.assign(box.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
  };
  const move = (e: MouseEvent) => {
    const el = target(e);
    if (el) outline(wholeValueElement(el));
  };
  let list: Element[] | null = null;
  let current = -1;
  const click = (e: MouseEvent) => {
    const el = target(e);
    if (!el) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    stop();
    onPick(wholeValueElement(el));
  };
  const key = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      stop();
      onCancel();
    } else if (e.key === 'Tab') {
      e.preventDefault();
      e.stopImmediatePropagation();
      list ??= candidates(doc, host);
      if (list.length === 0) return;
      current = (current + (e.shiftKey ? -1 : 1) + list.length) % list.length;
      list[current]!.scrollIntoView({ block: 'nearest' });
      outline(list[current]!);
    } else if (e.key === 'Enter' && list && current >= 0) {
      e.preventDefault();
      e.stopImmediatePropagation();
      const chosen = list[current]!;
      stop();
      onPick(chosen);
    }
  };
  function stop() {
    doc.removeEventListener('mousemove', move, true);
    doc.removeEventListener('click', click, true);
    doc.removeEventListener('keydown', key, true);
    host.remove();
  }
  doc.addEventListener('mousemove', move, true);
  doc.addEventListener('click', click, true);
  doc.addEventListener('keydown', key, true);
  return stop;
}
