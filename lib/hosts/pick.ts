// What a pick means: the worker clicked an element whose text holds the child's ID, alone ("1234567") or among
// other words ("Jo Sample (Mosaic ID: 1234567) · born 01/02/2016"). The text is read as drawn, by the same rule
// as every other reading (lib/hosts/extract.ts): a value is a whole word, or digit groups apart by one space,
// and a value that is not one whole ID ("447 1203") is no pick. Alone, the element's text is the ID. Among other
// words, the ID is read with a regex anchored on the label just before it when there is one ("Mosaic ID:"), so
// another child's page (another name, another date) reads its own ID the same way; with no label, on the ID
// standing as a value of its own, never part of a date (reading keeps only whole values).
import { idFromValue, idsReadWith, isValidChildId, startsValue, TOKEN, valueAt } from './extract';
import { collapse, withoutFormat } from './rendered';
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

/** The validator the adapter will have: the site's own when it accepts the ID, else one shaped like it. */
function validatorFor(id: string, base?: HostAdapter) {
  return base && isValidChildId(base, id) ? base.childId.validator : validatorLike(id);
}

/** Whether `id` is one whole ID by the validator the pick would give it. */
function isId(id: string, base?: HostAdapter): boolean {
  return isValidChildId(withValidator(validatorFor(id, base), base), id);
}

const withValidator = (validator: HostAdapter['childId']['validator'], base?: HostAdapter): HostAdapter =>
  ({ ...base, childId: { ...base?.childId, label: 'ID', sources: [], validator } }) as HostAdapter;

/** The ID in the picked text, or null when it holds nothing that could be one. */
export function readPickedText(sample: string, base?: HostAdapter): PickedId | null {
  const text = collapse(withoutFormat(sample)).replace(/\n/g, ' ');
  if (text.length === 0 || text.length > 200) return null;
  // Every value in the text with a digit in it, where a value may start; dates ("01/02/2016") are not IDs.
  const values: { value: string; index: number; id: string }[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (!startsValue(text, m.index)) continue;
    const value = valueAt(text, m.index);
    if (value && /[0-9]/.test(value) && !value.includes('/'))
      values.push({ value, index: m.index, id: base ? idFromValue(base, value) : value });
  }
  const alone = values.length === 1 && values[0]!.value === text ? values[0]! : null;
  if (alone) return isId(alone.id, base) ? { childId: alone.id, regex: null, validator: validatorFor(alone.id, base) } : null;
  const ids = values.filter((v) => isId(v.id, base));
  // Prefer a value the site's adapter already accepts, then one right after a label, then the longest.
  const labelled = (v: { index: number }) => LABEL_END.test(text.slice(0, v.index).replace(/[\s([{#—–-]+$/, ''));
  const chosen =
    (base && ids.find((v) => isValidChildId(base, v.id))) ?? ids.find(labelled) ?? [...ids].sort((a, b) => b.id.length - a.id.length)[0];
  if (!chosen) return null;
  const validator = validatorFor(chosen.id, base);
  const before = text.slice(0, chosen.index).replace(/[\s([{#:—–-]+$/, '');
  const label = labelled(chosen) ? (before.match(/(?:[\p{L}\p{N}.]+ ){0,2}[\p{L}\p{N}.]+$/u)?.[0] ?? '') : '';
  // No lookarounds: whether a capture is a whole value is the reader's rule, the same for every source.
  const regex = label ? `${escape(label)}[\\s:#(—–-]{0,4}(${validator.pattern})` : `(${validator.pattern})`;
  // The regex must read back exactly the chosen ID from this text, or the pick is not used.
  const readBack = idsReadWith(withValidator(validator, base), regex, text);
  return readBack.length === 1 && readBack[0] === chosen.id ? { childId: chosen.id, regex, validator } : null;
}
