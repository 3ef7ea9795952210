// What a pick means: the worker clicked an element whose text holds the child's ID, alone ("1234567") or among
// other words ("Jo Sample (Mosaic ID: 1234567) · born 01/02/2016"). Alone, the element's text is the ID. Among
// other words, the ID is read with a regex anchored on the label just before it when there is one ("Mosaic ID:"),
// so another child's page (another name, another date) reads its own ID the same way; with no label, on the ID
// standing as a word of its own, never part of a date.
import { isValidChildId, TOKEN } from './extract';
import type { HostAdapter } from './schema';
import { validatorLike } from './selector';

/** Words that end a label ("Mosaic ID", "Person No.", "Case ref"), or a label ended by a colon. */
const LABEL_END = /(?:\b(?:id|no|num|number|ref|reference|identifier|nhs|upn|uln)\.?|:)\s*$/i;

export interface PickedId {
  /** The ID the worker will be asked to confirm. */
  childId: string;
  /** How to read it out of the element's text; null when the element holds the ID alone. */
  regex: string | null;
  validator: HostAdapter['childId']['validator'];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function validatorFor(token: string, base?: HostAdapter) {
  return base && isValidChildId(base, token) ? base.childId.validator : validatorLike(token);
}

/** The ID in the picked text, or null when it holds nothing that could be one. */
export function readPickedText(sample: string, base?: HostAdapter): PickedId | null {
  const text = sample.replace(/\s+/g, ' ').trim();
  if (text.length === 0 || text.length > 200) return null;
  const words = [...text.matchAll(TOKEN)].filter(([w]) => /[0-9]/.test(w) && !w.includes('/'));
  if (words.length === 1 && words[0]![0] === text) return { childId: text, regex: null, validator: validatorFor(text, base) };
  // Prefer a word the site's adapter already accepts, then one right after a label, then the longest.
  const labelled = (m: RegExpMatchArray) => LABEL_END.test(text.slice(0, m.index).replace(/[\s([{#—–-]+$/, ''));
  const chosen =
    (base && words.find(([w]) => isValidChildId(base, w))) ??
    words.find(labelled) ??
    [...words].sort((a, b) => b[0].length - a[0].length)[0];
  if (!chosen) return null;
  const childId = chosen[0];
  const validator = validatorFor(childId, base);
  const before = text.slice(0, chosen.index).replace(/[\s([{#:—–-]+$/, '');
  const label = labelled(chosen) ? (before.match(/(?:[\p{L}\p{N}.]+ ){0,2}[\p{L}\p{N}.]+$/u)?.[0] ?? '') : '';
  const regex = label
    ? `${escape(label)}[\\s:#(—–-]{0,4}(${validator.pattern})(?![A-Za-z0-9])`
    : `(?<![A-Za-z0-9/])(${validator.pattern})(?![A-Za-z0-9/])`;
  // The regex must read back exactly the chosen ID from this text, or the pick is not used.
  const check = new RegExp(regex).exec(text);
  return check?.[1] === childId ? { childId, regex, validator } : null;
}
