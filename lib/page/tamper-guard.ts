// Keeps the launcher's element as we made it, in the manner of password managers' in-page menus: a page
// script that restyles it (to hide it, move it under something, or overlay it to catch clicks), adds
// attributes to it, or removes it has the change undone. A page that keeps doing it is not going to stop:
// after MAX_FOREIGN_CHANGES the in-page part closes itself (the toolbar button and shortcut still work).
export const MAX_FOREIGN_CHANGES = 5;

/** Watches `el` (whose only attribute is `style`, equal to `style`); returns a function that stops. */
export function guardElement(el: HTMLElement, style: string, onTooMany: () => void, limit = MAX_FOREIGN_CHANGES): () => void {
  const parent = el.parentNode;
  let foreign = 0;
  let stopped = false;
  const observer = new MutationObserver(() => {
    if (stopped) return;
    let changed = false;
    for (const name of el.getAttributeNames()) {
      if (name !== 'style') {
        el.removeAttribute(name);
        changed = true;
      }
    }
    if (el.getAttribute('style') !== style) {
      el.setAttribute('style', style);
      changed = true;
    }
    if (parent && el.parentNode !== parent) {
      parent.appendChild(el);
      changed = true;
    }
    // Our own restoring shows up as one more batch of records: only a real difference counts.
    if (!changed) return;
    foreign += 1;
    if (foreign >= limit) {
      stop();
      onTooMany();
    }
  });
  observer.observe(el, { attributes: true });
  if (parent) observer.observe(parent, { childList: true });
  const stop = () => {
    stopped = true;
    observer.disconnect();
  };
  return stop;
}
