// Reading the child's ID from a page: what a person sees, or nothing. Host text is untrusted data: it is only
// ever read as text (as drawn, lib/hosts/rendered.ts), bounded in length, and accepted only when the field's
// whole value is one ID that passes the adapter's validator. When that is not so we say why, never guess.
import { matchesOf, matchesWhole, MAX_MATCHED_TEXT } from './patterns';
import { blockAround, collapse, displayOf, isDrawn, linesAfter, renderedText, withoutFormat } from './rendered';
import type { ChildIdSource, HostAdapter } from './schema';

/** How many text nodes a label search reads before giving up. */
const MAX_TEXT_NODES = 5_000;
/** A text node longer than this is prose, not a banner or a field: it is not searched for labels. */
const MAX_LABELLED_TEXT = 300;

/**
 * Why no child was read: 'not-found' no source found its field on the page; 'empty' the field is there with
 * nothing in it; 'invalid' the field shows something that is not one whole ID ("Not recorded", "447 1203", a
 * date); 'ambiguous' the page shows the field more than once and they differ (a family, a search result);
 * 'pattern-refused' the adapter's pattern is unsafe to run (lib/hosts/patterns.ts).
 */
export type NoChildReason = 'not-found' | 'empty' | 'invalid' | 'ambiguous' | 'pattern-refused';
export type ChildIdResult = { found: true; childId: string; source: ChildIdSource['kind'] } | { found: false; reason: NoChildReason };

/** A word that could be an ID: letters and digits, with - _ . / inside (labels and picks read words alike). */
export const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}_./-]*[\p{L}\p{N}])?/gu;
const TOKEN_AT = /[\p{L}\p{N}](?:[\p{L}\p{N}_./-]*[\p{L}\p{N}])?/uy;
const HAS_DIGIT = /\p{N}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The value that starts at `start` in a line of drawn text: a word, and each further word after one space
 * that has a digit in it (digit groups are one value: "447 1203"). It ends at the end of the line, at any
 * other character (")", ",", "·", "|", two words apart by anything but a space), or before a word with no
 * digit ("1234567 Jo Sample" is "1234567"). Null when no word starts there.
 */
export function valueAt(text: string, start: number): string | null {
  TOKEN_AT.lastIndex = start;
  const first = TOKEN_AT.exec(text);
  if (!first) return null;
  let end = start + first[0].length;
  while (text[end] === ' ') {
    TOKEN_AT.lastIndex = end + 1;
    const next = TOKEN_AT.exec(text);
    if (!next || !HAS_DIGIT.test(next[0])) break;
    end += 1 + next[0].length;
  }
  return text.slice(start, end);
}

/**
 * Whether a value may start at `at`: not touching a letter or digit, not after a group of digits ("1203" of
 * "447 1203", "447-1203", "2019" of "02/09/2019"); after a prefix of letters it may ("778899" of "P-778899").
 */
export function startsValue(text: string, at: number): boolean {
  const before = text[at - 1];
  if (before === undefined) return true;
  if (LETTER_OR_DIGIT.test(before)) return false;
  if ('_./-'.includes(before) && HAS_DIGIT.test(text[at - 2] ?? '')) return false;
  if (before === ' ') {
    const word = /[\p{L}\p{N}_./-]*$/u.exec(text.slice(0, at - 1))![0];
    if (HAS_DIGIT.test(word)) return false;
  }
  return true;
}

/** The ID a value stands for: the separators the adapter declares for IDs printed in groups removed ("943 476 5919"). */
export function idFromValue(adapter: HostAdapter, value: string): string {
  const separators = adapter.childId.separators ?? [];
  return separators.length ? [...value].filter((c) => !separators.includes(c as ' ')).join('') : value;
}

/** True when `value` is one whole ID by the adapter's validator (false also when the validator is refused). */
export function isValidChildId(adapter: HostAdapter, value: string): boolean {
  const { pattern, maxLength } = adapter.childId.validator;
  return value.length > 0 && value.length <= maxLength && matchesWhole(pattern, value) === true;
}

/** What one field of the page shows: an ID, nothing, or something that is not one whole ID. */
type FieldReading =
  { id: string; read: string } | { empty: true; read: '' } | { invalid: true; read: string } | { refused: true; read: string };

/** A field's drawn text (starting at the value), judged: the whole value must be one ID. */
function judgeValue(adapter: HostAdapter, text: string): FieldReading {
  // A field drawn on several lines is read across them: "447" over "1203" is not one ID, nor its first line.
  const line = text.replace(/\n/g, ' ').trim();
  if (line === '') return { empty: true, read: '' };
  const value = valueAt(line, 0);
  if (value === null) return { invalid: true, read: line };
  if (!validatorUsable(adapter)) return { refused: true, read: line };
  const id = idFromValue(adapter, value);
  return isValidChildId(adapter, id) ? { id, read: value } : { invalid: true, read: value };
}

const validatorUsable = (adapter: HostAdapter) => matchesWhole(adapter.childId.validator.pattern, '') !== null;

/**
 * A field's text read with the source's regex: the regex says where the value is, and only a capture that is
 * a whole value (not the start or end of a longer one: "447" of "447 1203") and passes the validator is an ID.
 * Matches but no such capture: the field shows no ID. Two different IDs in one text: ambiguous (answerOf).
 */
function judgeWithRegex(adapter: HostAdapter, regex: string, text: string, pageText: boolean): FieldReading[] {
  const matches = matchesOf(regex, text);
  if (matches === null || !validatorUsable(adapter)) return [{ refused: true, read: text }];
  if (matches.length === 0) return [];
  const ids: FieldReading[] = [];
  for (const m of matches) {
    const captured = m[1] ?? m[0];
    const at = m.index + (m[1] === undefined ? 0 : m[0].indexOf(m[1]));
    const whole = pageText ? startsValue(text, at) && valueAt(text, at) === captured : wholeInAddress(text, at, captured);
    const id = idFromValue(adapter, captured.trim());
    if (whole && isValidChildId(adapter, id)) ids.push({ id, read: captured });
  }
  return ids.length ? ids : [{ invalid: true, read: (matches[0]![1] ?? matches[0]![0]).slice(0, 60) }];
}

/** The IDs a regex reads in a text as drawn, by the same rule as a source: what a pick's regex will read back. */
export function idsReadWith(adapter: HostAdapter, regex: string, text: string): string[] {
  return judgeWithRegex(adapter, regex, text, true).flatMap((f) => ('id' in f ? [f.id] : []));
}

/** In an address, a value is whole when no letter or digit touches it on either side. */
function wholeInAddress(text: string, at: number, value: string): boolean {
  return value !== '' && !LETTER_OR_DIGIT.test(text[at - 1] ?? '') && !LETTER_OR_DIGIT.test(text[at + value.length] ?? '');
}

/** Where each label ends in the text, as whole words in any case ("Person IDs" is not "Person ID"). */
function labelEnds(text: string, labels: string[]): number[] {
  const lower = text.toLowerCase();
  const ends: number[] = [];
  for (const label of labels) {
    const l = label.toLowerCase();
    for (let at = lower.indexOf(l); at !== -1; at = lower.indexOf(l, at + 1)) {
      const before = lower[at - 1];
      const after = lower[at + l.length];
      if ((before === undefined || !LETTER_OR_DIGIT.test(before)) && (after === undefined || !LETTER_OR_DIGIT.test(after)))
        ends.push(at + l.length);
    }
  }
  return ends;
}

/** A label inside one of these is a link, a button or a form's own label: it names no field of the record. */
const NOT_A_FIELD = 'a, button, label, option, select, textarea, summary, [role="button"], [role="link"], [role="menuitem"], [role="tab"]';

/** Where the label that ends at `end` starts. */
function labelStart(text: string, end: number, labels: string[]): number {
  const lower = text.toLowerCase();
  const label = labels.find((l) => lower.slice(end - l.length, end) === l.toLowerCase());
  return end - (label?.length ?? 0);
}

/** What may stand between a label and its value: spaces, a colon, a hash, an opening bracket, a dash, an equals sign. */
const LABEL_SEPARATOR = /^[\s:#=([—–-]*/;

/** The cells of a row, each with the column it starts in (colspan counted). */
function cellsWithColumns(row: Element): { cell: Element; column: number }[] {
  let column = 0;
  return Array.from(row.children)
    .filter((c) => c.tagName === 'TD' || c.tagName === 'TH')
    .map((cell) => {
      const at = column;
      column += Math.max(1, Number(cell.getAttribute('colspan')) || 1);
      return { cell, column: at };
    });
}

/**
 * The field a label alone in its box names: a dt's dd; a row header's next cell; a column header's cell in
 * each row below it; otherwise the box that follows. Null when there is none (the field is empty).
 */
function fieldsNamedBy(block: Element): Element[] {
  if (block.tagName === 'DT') {
    for (let next = block.nextElementSibling; next; next = next.nextElementSibling) {
      if (next.tagName === 'DD') return [next];
      if (next.tagName === 'DT') break;
    }
    return [];
  }
  if (block.tagName === 'TH' || block.tagName === 'TD') {
    const row = block.parentElement;
    const cells = row ? cellsWithColumns(row) : [];
    const mine = cells.find((c) => c.cell === block);
    const columnHeader = block.tagName === 'TH' && (block.closest('thead') !== null || cells.every((c) => c.cell.tagName === 'TH'));
    if (!columnHeader) {
      const next = block.nextElementSibling;
      return next && (next.tagName === 'TD' || next.tagName === 'TH') ? [next] : [];
    }
    const table = block.closest('table');
    if (!table || !mine) return [];
    const rows = Array.from(table.querySelectorAll('tr')).filter((r) => r.closest('table') === table && r !== row);
    const after = rows.filter((r) => row!.compareDocumentPosition(r) & 4 /* DOCUMENT_POSITION_FOLLOWING */);
    return after
      .flatMap((r) => cellsWithColumns(r).filter((c) => c.column === mine.column && c.cell.tagName === 'TD'))
      .map((c) => c.cell)
      .slice(0, 50);
  }
  for (let next = block.nextElementSibling; next; next = next.nextElementSibling) if (displayOf(next) !== 'none') return [next];
  return [];
}

/**
 * Every field a label names on the page, each as what it shows. A label counts as naming a field when a
 * separator follows it (':', '#', '(', a dash), when it ends its own element, or when the next word has a digit;
 * "Your Mosaic ID is shown above" is a sentence, not a field.
 */
function labelledFields(source: Extract<ChildIdSource, { kind: 'label' }>, adapter: HostAdapter, doc: Document): FieldReading[] {
  const roots = source.within ? Array.from(doc.querySelectorAll(source.within)) : doc.body ? [doc.body] : [];
  const readings: FieldReading[] = [];
  for (const root of roots) {
    const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = 0, node = walker.nextNode() as Text | null; node && n < MAX_TEXT_NODES; n++, node = walker.nextNode() as Text | null) {
      const raw = node.textContent ?? '';
      if (raw.length > MAX_LABELLED_TEXT) continue;
      const text = withoutFormat(raw);
      const ends = labelEnds(text, source.labels);
      if (ends.length === 0 || !isDrawn(node) || node.parentElement?.closest(NOT_A_FIELD)) continue;
      // `within` says where labels are looked for, not where their values are: a root that is itself inline
      // (a span whose class says "header") holds the label, and the value beside it is outside it.
      const page = doc.body ?? root;
      const block = blockAround(node, page);
      for (const end of ends) {
        const rest = text.slice(end);
        const { sameLine, nextLine } = linesAfter(node, rest, block);
        const separator = LABEL_SEPARATOR.exec(sameLine)![0];
        const value = sameLine.slice(separator.length);
        const endsOwnElement = collapse(rest).replace(LABEL_SEPARATOR, '') === '';
        if (value !== '') {
          if (!separator.trim() && !endsOwnElement && !HAS_DIGIT.test(valueAt(value, 0) ?? '')) continue; // a sentence
          readings.push(...(source.regex ? judgeWithRegex(adapter, source.regex, value, true) : [judgeValue(adapter, value)]));
          continue;
        }
        // The label stands alone on its line: its value is the field it names (a dt's dd, a header's cell),
        // else the next line of its own box, else the box after it; with none, the field is empty.
        const structural = ['DT', 'TH', 'TD'].includes(block.tagName);
        // Outside a list or table, a label at the end of a phrase ("Search by Mosaic ID") names nothing.
        const phrase = /[\p{L}\p{N}]/u.test(text.slice(0, labelStart(text, end, source.labels)));
        if (!structural && phrase && !separator.trim()) continue;
        const named = structural || (nextLine === null && block !== page) ? fieldsNamedBy(block) : [];
        const texts = named.length ? named.map((el) => renderedText(el)) : !structural && nextLine !== null ? [nextLine] : [''];
        for (const t of texts) readings.push(...(source.regex ? judgeWithRegex(adapter, source.regex, t, true) : [judgeValue(adapter, t)]));
      }
    }
  }
  return readings;
}

/** The fields one source finds on the page (none: the source found nothing), with what it read there. */
function fieldsOf(source: ChildIdSource, adapter: HostAdapter, doc: Document, url: URL): FieldReading[] {
  switch (source.kind) {
    case 'label':
      return labelledFields(source, adapter, doc);
    case 'selector': {
      const el = doc.querySelector(source.selector);
      if (!el) return [];
      const text = source.attribute ? collapse(withoutFormat(el.getAttribute(source.attribute) ?? '')) : renderedText(el);
      return pageTextField(source.regex, adapter, text);
    }
    case 'title': {
      const title = collapse(withoutFormat(doc.title ?? ''));
      return title ? pageTextField(source.regex, adapter, title) : [];
    }
    case 'url-param': {
      const value = url.searchParams.get(source.param);
      if (value === null) return [];
      return source.regex ? judgeWithRegex(adapter, source.regex, value, false) : [addressValue(adapter, value)];
    }
    case 'url-path':
      return judgeWithRegex(adapter, source.regex, url.pathname, false);
  }
}

/** An element's or the title's text: with a regex, what it picks out; without, the whole text is the field's value. */
function pageTextField(regex: string | undefined, adapter: HostAdapter, text: string): FieldReading[] {
  if (text.length > MAX_MATCHED_TEXT) return [{ invalid: true, read: text.slice(0, 60) }];
  if (regex) return judgeWithRegex(adapter, regex, text.replace(/\n/g, ' '), true);
  const reading = judgeValue(adapter, text);
  // Without a regex the element holds the ID alone: anything more ("1234567 Jo Sample") is not one whole ID.
  return 'id' in reading && reading.read !== text ? [{ invalid: true, read: text }] : [reading];
}

function addressValue(adapter: HostAdapter, value: string): FieldReading {
  if (value === '') return { empty: true, read: '' };
  const id = idFromValue(adapter, value);
  return isValidChildId(adapter, id) ? { id, read: value } : { invalid: true, read: value.slice(0, 60) };
}

/** One source's answer from its fields: one ID however often shown; anything else is no child, with the reason. */
function answerOf(fields: FieldReading[], kind: ChildIdSource['kind']): ChildIdResult | null {
  if (fields.length === 0) return null;
  if (fields.some((f) => 'refused' in f)) return { found: false, reason: 'pattern-refused' };
  const ids = new Set(fields.flatMap((f) => ('id' in f ? [f.id] : [])));
  // An ID beside an empty or unreadable field of the same name is no more the page's child than the other.
  if (ids.size > 1 || (ids.size === 1 && fields.some((f) => !('id' in f)))) return { found: false, reason: 'ambiguous' };
  if (ids.size === 1) return { found: true, childId: [...ids][0]!, source: kind };
  return { found: false, reason: fields.every((f) => 'empty' in f) ? 'empty' : 'invalid' };
}

/** What one source makes of the page: null when it finds no field there at all. */
export function readOneSource(source: ChildIdSource, adapter: HostAdapter, doc: Document, url: URL): ChildIdResult | null {
  return answerOf(fieldsOf(source, adapter, doc, url), source.kind);
}

/** What a source read on the page, as drawn (for the options page's test and, as a shape, IT's report); null when nothing. */
export function readSource(source: ChildIdSource, doc: Document, url: URL, adapter?: HostAdapter): string | null {
  const any: HostAdapter = adapter ?? {
    id: 'x',
    name: 'x',
    matches: [],
    childId: { label: 'ID', sources: [source], validator: { pattern: '.*', maxLength: 64 } },
    notes: { fields: [] },
  };
  const [first] = fieldsOf(source, any, doc, url);
  return first ? first.read : null;
}

/**
 * The page's child: the adapter's sources in order, and the first that finds its field on the page decides,
 * with an ID or with the reason there is none. A later source never fills a field the page shows empty.
 */
export function readChildId(adapter: HostAdapter, doc: Document, href: string): ChildIdResult {
  const url = new URL(href);
  for (const source of adapter.childId.sources) {
    const result = readOneSource(source, adapter, doc, url);
    if (result !== null) return result;
  }
  return { found: false, reason: 'not-found' };
}
