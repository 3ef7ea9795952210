import { signal } from '@preact/signals';

/** The dashboard's address after #, as parameters: which view, which escalation, which filters. */
export const address = signal(new URLSearchParams(location.hash.slice(1)));
addEventListener('hashchange', () => (address.value = new URLSearchParams(location.hash.slice(1))));

/** Changes the address without adding a history entry for every keystroke of a filter. */
export function replaceAddress(params: URLSearchParams): void {
  history.replaceState(null, '', `#${params}`);
  address.value = params;
}
