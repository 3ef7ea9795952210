// Choosing the adapter for a page. No zod here: the content script imports
// this, and stored adapters were validated when they were saved.
import { matchesUrl } from './match';
import type { HostAdapter } from './schema';

/** User adapters first (they are more specific), replacing built-ins of the same id. */
export function mergeAdapters(builtIn: HostAdapter[], user: HostAdapter[]): HostAdapter[] {
  const userIds = new Set(user.map((a) => a.id));
  return [...user, ...builtIn.filter((a) => !userIds.has(a.id))];
}

export function adapterForUrl(adapters: HostAdapter[], url: string): HostAdapter | undefined {
  return adapters.find((a) => a.matches.some((pattern) => matchesUrl(pattern, url)));
}
