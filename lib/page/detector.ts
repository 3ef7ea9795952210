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

/** A reading for the whole tab, from each frame's: the top frame's if it found a child, else the first frame that did. */
export function childForTab(
  frames: ReadonlyMap<number, { hostId: string; result: ChildIdResult; mayNeedUpdating?: boolean }>,
): { found: true; hostId: string; childId: string } | { found: false; ambiguous: boolean; mayNeedUpdating: boolean } {
  const ordered = [...frames].sort(([a], [b]) => a - b);
  for (const [, { hostId, result }] of ordered) {
    if (result.found) return { found: true, hostId, childId: result.childId };
  }
  return {
    found: false,
    ambiguous: ordered.some(([, { result }]) => !result.found && result.reason === 'ambiguous'),
    mayNeedUpdating: ordered.some(([, frame]) => frame.mayNeedUpdating === true),
  };
}

const HANDOVER_ID = /^[\p{L}\p{N}\-/. ]{1,64}$/u;

/**
 * The child the launcher has read, handed to the panel in its address when it
 * first opens, so the panel can ask for that child's escalations at once
 * instead of waiting for the page to report (two message round trips). The
 * page's own report replaces it as soon as it arrives.
 */
export function panelHandover(child: ReturnType<typeof childForTab>, idLabel: string): string {
  return child.found ? `#${new URLSearchParams({ host: child.hostId, child: child.childId, label: idLabel })}` : '';
}

/** Reads a handover; null when there is none or it is not a plausible child. */
export function readPanelHandover(hash: string): { hostId: string; childId: string; idLabel: string } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const hostId = params.get('host') ?? '';
  const childId = params.get('child') ?? '';
  const idLabel = params.get('label') ?? 'ID';
  if (!/^[a-z0-9-]{1,64}$/.test(hostId) || !HANDOVER_ID.test(childId) || idLabel.length > 100) return null;
  return { hostId, childId, idLabel };
}
