// Follows the child's ID on a record page: on load, after client-side
// navigation and after late rendering. No polling: a MutationObserver and
// navigation events trigger a debounced re-check, bounded so a busy page is
// re-read at most every MAX_WAIT_MS.
import { readChildId, type ChildIdResult } from '../hosts/extract';
import type { HostAdapter } from '../hosts/schema';

const DEBOUNCE_MS = 15;
const MAX_WAIT_MS = 60;

export function sameResult(a: ChildIdResult | undefined, b: ChildIdResult): boolean {
  if (!a || a.found !== b.found) return false;
  return a.found ? a.childId === (b as typeof a).childId : a.reason === (b as typeof a).reason;
}

/** Calls `onChange` with the first reading and whenever it changes; returns a function that stops watching. */
export function watchChildId(adapter: HostAdapter, win: Window, onChange: (result: ChildIdResult) => void): () => void {
  const doc = win.document;
  let last: ChildIdResult | undefined;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let firstPending: number | undefined;

  function check() {
    debounce = undefined;
    firstPending = undefined;
    const result = readChildId(adapter, doc, win.location.href);
    if (!sameResult(last, result)) {
      last = result;
      onChange(result);
    }
  }

  function schedule() {
    const now = performance.now();
    firstPending ??= now;
    clearTimeout(debounce);
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, firstPending + MAX_WAIT_MS - now));
    debounce = setTimeout(check, wait);
  }

  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, { subtree: true, childList: true, characterData: true });
  win.addEventListener('popstate', schedule);
  win.addEventListener('hashchange', schedule);
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', schedule);
  check();

  return () => {
    observer.disconnect();
    clearTimeout(debounce);
    win.removeEventListener('popstate', schedule);
    win.removeEventListener('hashchange', schedule);
    navigation?.removeEventListener('currententrychange', schedule);
  };
}
