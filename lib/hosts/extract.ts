// Reading the child's ID from a page. Host text is untrusted data: it is only
// ever read as text, bounded in length, and accepted only if it passes the
// adapter's validator. When nothing valid is found we say so, never guess.
import type { ChildIdSource, HostAdapter } from './schema';

/** Longer host text than this is not an ID and is not even searched. */
const MAX_RAW_LENGTH = 200;
/** How many text nodes a label search reads before giving up. */
const MAX_TEXT_NODES = 5_000;

export type ChildIdResult =
  { found: true; childId: string; source: ChildIdSource['kind'] } | { found: false; reason: 'not-found' | 'invalid' };

function clean(text: string | null | undefined): string | null {
  if (text == null) return null;
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed.length > 0 && collapsed.length <= MAX_RAW_LENGTH ? collapsed : collapsed.length > 0 ? '' : null;
}

function labelMatch(text: string, labels: string[]): string | null {
  const lower = text.toLowerCase();
  for (const label of labels) {
    const l = label.toLowerCase();
    if (lower === l || lower === `${l}:`) return '';
    if (lower.startsWith(l)) {
      const rest = text.slice(l.length);
      const m = /^\s*[:#-]?\s*(.+)$/.exec(rest);
      if (m && /^[\s:#-]/.test(rest)) return m[1]!;
    }
  }
  return null;
}

function textOf(el: Element | null | undefined): string | null {
  return el ? el.textContent : null;
}

function byLabel(doc: Document, labels: string[], within?: string): string | null | undefined {
  const roots = within ? Array.from(doc.querySelectorAll(within)) : [doc.body];
  for (const root of roots) {
    if (!root) continue;
    const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = 0, node = walker.nextNode(); node && n < MAX_TEXT_NODES; n++, node = walker.nextNode()) {
      const text = node.textContent?.replace(/\s+/g, ' ').trim();
      if (!text || text.length > 120) continue;
      const rest = labelMatch(text, labels);
      if (rest === null) continue;
      if (rest !== '') return rest;
      const owner = node.parentElement;
      const next = owner?.nextElementSibling ?? owner?.parentElement?.nextElementSibling;
      return textOf(next);
    }
  }
  return undefined;
}

function rawValue(source: ChildIdSource, doc: Document, url: URL): string | null | undefined {
  switch (source.kind) {
    case 'selector': {
      const el = doc.querySelector(source.selector);
      if (!el) return undefined;
      return source.attribute ? el.getAttribute(source.attribute) : el.textContent;
    }
    case 'label':
      return byLabel(doc, source.labels, source.within);
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

/** Tries the adapter's sources in order; the first one giving a valid ID wins. */
export function readChildId(adapter: HostAdapter, doc: Document, href: string): ChildIdResult {
  const url = new URL(href);
  let sawSomething = false;
  for (const source of adapter.childId.sources) {
    const value = readSource(source, doc, url);
    if (value === null) continue;
    sawSomething = true;
    if (isValidChildId(adapter, value)) return { found: true, childId: value, source: source.kind };
  }
  return { found: false, reason: sawSomething ? 'invalid' : 'not-found' };
}
