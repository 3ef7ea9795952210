// Every word the extension's pages show, by key. The words themselves are in the browser's own
// i18n files (public/_locales/<language>/messages.json), so a Welsh or any other translation is a
// file, not a code change: the browser picks the worker's language and falls back to English.
// lib/ uses no browser API, so extension pages hand `t` the browser's lookup at start
// (lib/browser/language.ts); until then, and in unit tests, the English file is used directly.
// Protocol text stays in the documents' own words.
import english from '../public/_locales/en/messages.json';

export type StringKey = keyof typeof english;

let lookup: (key: StringKey) => string = () => '';

/** Where translated words come from (the browser's i18n); '' means "not translated": English is used. */
export function useTranslations(source: (key: StringKey) => string): void {
  lookup = source;
}

/** The words for `key`, with {name} placeholders filled from `vars`. */
export function t(key: StringKey, vars: Record<string, string> = {}): string {
  const text = lookup(key) || english[key].message;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? `{${name}}`);
}
