// Site adapters in use: the built-in ones plus the user's own and the organisation's, saved in
// extension storage after validation (so readers here need no zod).
import { DEMO, MOSAIC } from '../hosts/builtin';
import { mergeAdapters } from '../hosts/select';
import type { HostAdapter } from '../hosts/schema';
import { MANAGED_ADAPTERS_ITEM, USER_ADAPTERS_ITEM } from './storage';

/** The built-in adapters this build ships: the demo system's only in development and test builds. */
export function builtIns(): HostAdapter[] {
  return builtInAdaptersFor(import.meta.env.MODE);
}

/**
 * The built-in adapters for a build mode. Typed by the schema's input type and checked by a unit
 * test against the schema (tests/unit/hosts.test.ts), so nothing unparsed ships.
 */
export function builtInAdaptersFor(mode: string): HostAdapter[] {
  return (mode === 'production' ? [MOSAIC] : [DEMO, MOSAIC]) as HostAdapter[];
}

export const userAdapters = (): Promise<HostAdapter[]> => USER_ADAPTERS_ITEM.get();

/** The organisation's adapters first, then the user's, then the built-in ones. */
export async function loadAdapters(): Promise<HostAdapter[]> {
  const [managed, user] = await Promise.all([MANAGED_ADAPTERS_ITEM.get(), USER_ADAPTERS_ITEM.get()]);
  return mergeAdapters(mergeAdapters(builtIns(), user), managed);
}

/** Saves adapters that have already been validated (lib/hosts parseAdapterFile). */
export const saveUserAdapters = (adapters: HostAdapter[]): Promise<void> => USER_ADAPTERS_ITEM.set(adapters);

/** Calls back when the user's or the organisation's adapters change (a pick, an import, a policy). */
export function onAdaptersChanged(callback: () => void): () => void {
  const stops = [USER_ADAPTERS_ITEM.watch(callback), MANAGED_ADAPTERS_ITEM.watch(callback)];
  return () => stops.forEach((stop) => stop());
}
