import { signal } from '@preact/signals';

/**
 * What identifies a child (the child-ID search) is kept in this page's state, never in its address: the browser's
 * history, and history sync, keep every address a tab shows. The page's state stays with its entry in this tab
 * (a reload or going back keeps the search) and goes nowhere else.
 */
const IN_PAGE_STATE = ['child'] as const;

function fromPageState(): URLSearchParams {
  const kept = (history.state as { search?: unknown } | null)?.search;
  return new URLSearchParams(typeof kept === 'string' ? kept : '');
}

/** The view and its filters: the address after #, with the search from the page's state. */
function read(): URLSearchParams {
  const params = new URLSearchParams(location.hash.slice(1));
  const state = fromPageState();
  for (const key of IN_PAGE_STATE) {
    params.delete(key);
    const value = state.get(key);
    if (value) params.set(key, value);
  }
  return params;
}

/** Writes the address (without the search) and the page's state (the search), replacing the current entry. */
function write(params: URLSearchParams): void {
  const inAddress = new URLSearchParams(params);
  const inState = new URLSearchParams();
  for (const key of IN_PAGE_STATE) {
    const value = inAddress.get(key);
    inAddress.delete(key);
    if (value) inState.set(key, value);
  }
  history.replaceState({ search: inState.toString() }, '', `#${inAddress}`);
}

/**
 * The address and search now. An address that names a child (a link made before the search moved out of it):
 * the search goes to the page's state and the address loses it at once.
 */
function takeUp(): URLSearchParams {
  const given = new URLSearchParams(location.hash.slice(1));
  if (IN_PAGE_STATE.some((key) => given.has(key))) write(given);
  return read();
}

/** The dashboard's address after #, as parameters: which view, which escalation, which filters (and the search). */
export const address = signal(takeUp());
addEventListener('hashchange', () => (address.value = takeUp()));
addEventListener('popstate', () => (address.value = read()));

/** Changes the address without adding a history entry for every keystroke of a filter. */
export function replaceAddress(params: URLSearchParams): void {
  write(params);
  address.value = params;
}
