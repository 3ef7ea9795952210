// "Click the child's ID on the page": outlines the element under the pointer
// and reports the one clicked. The click is kept from the host page; Esc
// cancels. The outline is drawn in our own shadow root, not on host elements.
export function pickElement(doc: Document, onPick: (el: Element) => void, onCancel: () => void): () => void {
  const host = doc.createElement('escalation-picker');
  const root = host.attachShadow({ mode: 'open' });
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
  const move = (e: MouseEvent) => {
    const el = target(e);
    if (!el) return;
    const r = el.getBoundingClientRect();
    Object.assign(box.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
  };
  const click = (e: MouseEvent) => {
    const el = target(e);
    if (!el) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    stop();
    onPick(el);
  };
  const key = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    stop();
    onCancel();
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
