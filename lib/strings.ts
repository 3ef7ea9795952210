// Every word the extension's pages show, by key. The words themselves are in the browser's own
// i18n files (public/_locales/<language>/messages.json), so a Welsh or any other translation is a
// file, not a code change: the browser picks the worker's language and falls back to English.
// lib/ uses no browser API, so the extension's pages and its background hand `t` the browser's lookup at start
// (lib/browser/language.ts), which itself falls back to English; the English file is not in the pages'
// code (it is 32 kB every page would parse before its first paint). Unit tests hand it the file itself.
// Protocol text stays in the documents' own words.
import type english from '../public/_locales/en/messages.json';

export type StringKey = keyof typeof english;
type Words = (key: StringKey) => string;

let lookup: Words = () => '';
let fallback: Words = () => '';

/** Where the words come from (the browser's i18n); '' means "not translated": the fallback is used. */
export function useTranslations(source: Words, otherwise: Words = fallback): void {
  lookup = source;
  fallback = otherwise;
}

/** The words for `key`, with {name} placeholders filled from `vars`. */
export function t(key: StringKey, vars: Record<string, string> = {}): string {
  // A key with no words at all shows as itself: a missing string is seen, never a blank button.
  const text = lookup(key) || fallback(key) || key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? `{${name}}`);
}

/**
 * Words by id (a status, a due bucket) from their keys, each looked up when read: a table made when a module
 * loads still follows the language the page set at start, and reads like a plain record.
 */
export function wordsByKey<Id extends string>(keys: Record<Id, StringKey>): Readonly<Record<Id, string>> {
  const table = {} as Record<Id, string>;
  for (const id of Object.keys(keys) as Id[]) Object.defineProperty(table, id, { get: () => t(keys[id]), enumerable: true });
  return table;
}

/** "1 escalation", "3 escalations". */
export const escalationCount = (n: number) => t(n === 1 ? 'escalationCountOne' : 'escalationCountMany', { n: n.toLocaleString('en-GB') });
