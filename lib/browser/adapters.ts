// Site adapters in use: the built-in ones plus the user's own, saved in
// extension storage after validation (so readers here need no zod).
import { DEMO, MOSAIC } from '../hosts/builtin';
import { mergeAdapters } from '../hosts/select';
import type { HostAdapter } from '../hosts/schema';

const USER_ADAPTERS = 'userAdapters';
/** Adapters set by the organisation, validated by the background and stored here for the record-page script. */
export const MANAGED_ADAPTERS = 'managedAdapters';

export function builtIns(): HostAdapter[] {
  // The demo system's adapter ships only in development and test builds.
  return (import.meta.env.MODE === 'production' ? [MOSAIC] : [DEMO, MOSAIC]) as HostAdapter[];
}

export async function userAdapters(): Promise<HostAdapter[]> {
  const stored = await browser.storage.local.get(USER_ADAPTERS);
  return Array.isArray(stored[USER_ADAPTERS]) ? (stored[USER_ADAPTERS] as HostAdapter[]) : [];
}

export async function managedAdapters(): Promise<HostAdapter[]> {
  const stored = await browser.storage.local.get(MANAGED_ADAPTERS);
  return Array.isArray(stored[MANAGED_ADAPTERS]) ? (stored[MANAGED_ADAPTERS] as HostAdapter[]) : [];
}

/** The organisation's adapters first, then the user's, then the built-in ones. */
export async function loadAdapters(): Promise<HostAdapter[]> {
  const managed = await managedAdapters();
  return mergeAdapters(mergeAdapters(builtIns(), await userAdapters()), managed);
}

/** Saves adapters that have already been validated (lib/hosts parseAdapterFile). */
export async function saveUserAdapters(adapters: HostAdapter[]): Promise<void> {
  await browser.storage.local.set({ [USER_ADAPTERS]: adapters });
}
