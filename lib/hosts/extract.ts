// Reading the child's ID from a page. Host text is untrusted data: it is only
// ever read as text, bounded in length, and accepted only if it passes the
// adapter's validator. When nothing valid is found we say so, never guess.
import type { ChildIdSource, HostAdapter } from './schema';

/** Longer host text than this is not an ID and is not even searched. */
const MAX_RAW_LENGTH = 200;
/** How many text nodes a label search reads before giving up. */
const MAX_TEXT_NODES = 5_000;

/** 'ambiguous': one source found two different valid IDs (a page listing more than one child). */
export type ChildIdResult =
  { found: true; childId: string; source: ChildIdSource['kind'] } | { found: false; reason: 'not-found' | 'invalid' | 'ambiguous' };

function clean(text: string | null | undefined): string | null {
  if (text == null) return null;
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed.length > 0 && collapsed.length <= MAX_RAW_LENGTH ? collapsed : collapsed.length > 0 ? '' : null;
}

/** How far after a label the ID may be, across inline and neighbouring elements ("Mosaic ID" in a dt, the number in its dd). */
const LABEL_WINDOW = 40;
/** A text node longer than this is prose, not a banner or a field: it is not searched for labels. */
const MAX_LABELLED_TEXT = 300;
/** A word that could be an ID: letters and digits, with - _ . / inside (labels and picks read words alike). */
export const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}_./-]*[\p{L}\p{N}])?/gu;

/** Where each label ends in the text, as a whole word in any case ("Person IDs" is not "Person ID"). */
function labelEnds(text: string, labels: string[]): number[] {
  const lower = text.toLowerCase();
  const ends: number[] = [];
  for (const label of labels) {
    const l = label.toLowerCase();
    for (let at = lower.indexOf(l); at !== -1; at = lower.indexOf(l, at + 1)) {
      const before = lower[at - 1];
      const after = lower[at + l.length];
      if ((before === undefined || !/[\p{L}\p{N}]/u.test(before)) && (after === undefined || !/[\p{L}\p{N}]/u.test(after)))
        ends.push(at + l.length);
    }
  }
  return ends;
}

/**
 * The text just after each place a label appears: the rest of its own text, then the text that follows
 * in the page (split inline elements, a dd after its dt, a td after its th), up to LABEL_WINDOW characters.
 */
export function labelWindows(doc: Document, labels: string[], within?: string): string[] {
  const roots = within ? Array.from(doc.querySelectorAll(within)) : [doc.body];
  const windows: string[] = [];
  for (const root of roots) {
    if (!root) continue;
    const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = 0, node = walker.nextNode(); node && n < MAX_TEXT_NODES; n++, node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (text.length > MAX_LABELLED_TEXT) continue;
      for (const end of labelEnds(text, labels)) {
        let window = text.slice(end);
        const following = doc.createTreeWalker(root, 4);
        following.currentNode = node;
        for (let next = following.nextNode(); next && window.length < LABEL_WINDOW; next = following.nextNode()) {
          window += ` ${next.textContent ?? ''}`;
        }
        windows.push(window.replace(/\s+/g, ' ').slice(0, LABEL_WINDOW));
      }
    }
  }
  return windows;
}

/** The first word in a label's window that passes the validator (or what the source's regex picks out of it). */
function idInWindow(window: string, source: Extract<ChildIdSource, { kind: 'label' }>, adapter: HostAdapter): string | null {
  if (source.regex) {
    const m = new RegExp(source.regex).exec(window);
    const value = m ? (m[1] ?? m[0]).trim() : '';
    return isValidChildId(adapter, value) ? value : null;
  }
  for (const [token] of window.matchAll(TOKEN)) if (isValidChildId(adapter, token)) return token;
  return null;
}

/**
 * A label source: every place the label appears is tried. One ID found (however often) is the child;
 * two different ones mean the page lists more than one child (a family, a search result): ambiguous, never a guess.
 */
function readByLabel(source: Extract<ChildIdSource, { kind: 'label' }>, adapter: HostAdapter, doc: Document): ChildIdResult | null {
  const windows = labelWindows(doc, source.labels, source.within);
  if (windows.length === 0) return null;
  const ids = new Set(windows.map((w) => idInWindow(w, source, adapter)).filter((id): id is string => id !== null));
  if (ids.size === 1) return { found: true, childId: [...ids][0]!, source: 'label' };
  return { found: false, reason: ids.size > 1 ? 'ambiguous' : 'invalid' };
}

function firstLabelToken(source: Extract<ChildIdSource, { kind: 'label' }>, doc: Document): string | null | undefined {
  const [window] = labelWindows(doc, source.labels, source.within);
  if (window === undefined) return undefined;
  if (source.regex) return window;
  return [...window.matchAll(TOKEN)][0]?.[0] ?? '';
}

function rawValue(source: ChildIdSource, doc: Document, url: URL): string | null | undefined {
  switch (source.kind) {
    case 'selector': {
      const el = doc.querySelector(source.selector);
      if (!el) return undefined;
      return source.attribute ? el.getAttribute(source.attribute) : el.textContent;
    }
    case 'label':
      return firstLabelToken(source, doc);
    case 'url-param':
      return url.searchParams.get(source.param) ?? undefined;
    case 'url-path':
      return url.pathname;
    case 'title':
      return doc.title || undefined;
  }
}

/** The ID a source gives, before validation: null when the source has nothing. */
export function readSource(source: ChildIdSource, doc: Document, url: URL): string | null {
  let value = clean(rawValue(source, doc, url));
  if (value === null) return null;
  if (value !== '' && 'regex' in source && source.regex) {
    const m = new RegExp(source.regex).exec(value);
    value = m ? (m[1] ?? m[0]).trim() : null;
  }
  return value;
}

export function isValidChildId(adapter: HostAdapter, value: string): boolean {
  const { pattern, maxLength } = adapter.childId.validator;
  return value.length > 0 && value.length <= maxLength && new RegExp(`^(?:${pattern})$`).test(value);
}

/** What one source makes of the page: null when it finds nothing there at all. */
export function readOneSource(source: ChildIdSource, adapter: HostAdapter, doc: Document, url: URL): ChildIdResult | null {
  if (source.kind === 'label') return readByLabel(source, adapter, doc);
  const value = readSource(source, doc, url);
  if (value === null) return null;
  return isValidChildId(adapter, value) ? { found: true, childId: value, source: source.kind } : { found: false, reason: 'invalid' };
}

/**
 * Tries the adapter's sources in order; the first one giving a valid ID wins. A source that finds two
 * different IDs ends the search: the page is about more than one child, and a later source must not guess.
 */
export function readChildId(adapter: HostAdapter, doc: Document, href: string): ChildIdResult {
  const url = new URL(href);
  let sawSomething = false;
  for (const source of adapter.childId.sources) {
    const result = readOneSource(source, adapter, doc, url);
    if (result === null) continue;
    if (result.found || result.reason === 'ambiguous') return result;
    sawSomething = true;
  }
  return { found: false, reason: sawSomething ? 'invalid' : 'not-found' };
}
