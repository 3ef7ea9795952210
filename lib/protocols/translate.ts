// A protocol's own words in another language (second edition): a Welsh partnership publishes both. The
// translations name the piece of the protocol they replace by its path (`stages[0].title`); anything not
// translated stays in the document's own language, so a worker never sees a blank.
import type { Protocol } from './schema';

export type ProtocolLanguage = keyof NonNullable<Protocol['translations']>;

/** The protocol with its words in `language` where the file gives them; the same object when it gives none. */
export function translatedProtocol(protocol: Protocol, language: string): Protocol {
  const words = protocol.translations?.[language as ProtocolLanguage];
  if (!words) return protocol;
  const copy = structuredClone(protocol);
  for (const [path, text] of Object.entries(words)) setAt(copy, path, text);
  return copy;
}

/** Replaces the string at a path such as `stages[0].duties[1].text` (the schema checked every path names one). */
function setAt(root: unknown, path: string, text: string): void {
  const parts = path.match(/[^.[\]]+/g) ?? [];
  let value = root as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) value = value[part] as Record<string, unknown>;
  const last = parts.at(-1)!;
  if (typeof value?.[last] === 'string') value[last] = text;
}

/** The language of the browser's words ("cy" from "cy-GB"). */
export const languageOf = (locale: string): string => locale.toLowerCase().split(/[-_]/)[0]!;

/** Which language a protocol's own words are shown in: the organisation's choice (policy `protocolLanguage`), else the browser's. */
export type ProtocolWordsSetting = 'browser' | 'en' | ProtocolLanguage;

/**
 * The language for the protocol's words: the one the setting names, or (`browser`) the browser's language. The
 * protocol's words follow it where the file translates them (translatedProtocol), English otherwise; the
 * extension's own words follow the browser's i18n files, whatever this says.
 */
export function protocolWordsLanguage(setting: ProtocolWordsSetting, browserLocale: string): string {
  return setting === 'browser' ? languageOf(browserLocale) : setting;
}

/**
 * A clock's words in the translated protocol: the rule with this id at the stage (its clocks, then its duties'
 * deadlines), else among the protocol-wide clocks. Undefined for a clock the protocol does not define (the
 * immediate-risk route's, whose words are the extension's).
 */
export function clockWords(protocol: Protocol, stageId: string, clockId: string): { label: string; quote?: string } | undefined {
  const stage = protocol.stages.find((s) => s.id === stageId);
  const rules = [
    ...(stage?.clocks ?? []),
    ...(stage?.duties.flatMap((d) => (d.due ? [d.due] : [])) ?? []),
    ...protocol.clocks.filter((c) => c.stages.includes(stageId)),
  ];
  return rules.find((r) => r.id === clockId);
}
