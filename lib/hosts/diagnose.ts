// What IT needs to correct an adapter, with nothing personal in it: which sources were tried and why each
// failed, and the shape of the page's header area (tags and classes, all text removed). Values read from the
// page are reported only as their shape (every letter "a", every digit "9"), so no child's ID, name or note
// text leaves the worker's screen.
import { readOneSource, readSource, type NoChildReason } from './extract';
import { pathShape } from './health';
import type { ChildIdSource, HostAdapter } from './schema';

/** Each reason a source gave no child, as the report and the options page's test say it. */
const OUTCOMES = {
  'not-found': 'found nothing',
  empty: 'found the field empty',
  invalid: 'found text that is not a valid ID',
  ambiguous: 'found more than one different ID',
  'pattern-refused': 'refused its pattern as unsafe to run',
} as const;

export interface SourceTried {
  source: string;
  outcome: 'found a valid ID' | 'found nothing' | (typeof OUTCOMES)[NoChildReason];
  /** What was read, as a shape: "9999999", "aaaa 999". */
  readShape?: string;
  /** What was read, as it is: only when the person testing an adapter sees it on their own screen, never in a report. */
  read?: string;
}

export interface DiagnosticReport {
  format: 'escalation-companion-adapter-diagnostics';
  adapter: { id: string; name: string };
  pathShape: string;
  sourcesTried: SourceTried[];
  notesFieldFound: boolean;
  /** The header area as nested tag.class lines, no text; digits in class names masked. */
  pageOutline: string[];
}

/** Letters to "a", digits to "9", other characters kept: the shape of a value, not the value. */
export function shapeOf(text: string): string {
  return text.replace(/\p{L}/gu, 'a').replace(/\p{N}/gu, '9').slice(0, 60);
}

function describeSource(source: ChildIdSource): string {
  switch (source.kind) {
    case 'selector':
      return `selector ${source.selector}${source.attribute ? ` [${source.attribute}]` : ''}${source.regex ? ' with regex' : ''}`;
    case 'label':
      return `label "${source.labels.join('" / "')}"${source.within ? ` within ${source.within}` : ''}`;
    case 'url-param':
      return `address parameter ${source.param}`;
    case 'url-path':
      return 'address path with regex';
    case 'title':
      return 'page title';
  }
}

/**
 * Each source of the adapter, what it read on this page and whether that passed: as a shape for a report,
 * or as read (`showValues`) for the options page's "Test on an open tab", which shows it only on that screen.
 */
export function trySources(adapter: HostAdapter, doc: Document, url: string, showValues = false): SourceTried[] {
  const address = new URL(url);
  return adapter.childId.sources.map((source) => {
    const result = readOneSource(source, adapter, doc, address);
    const read = readSource(source, doc, address, adapter);
    const shape = read ? (showValues ? { read: read.slice(0, 60) } : { readShape: shapeOf(read) }) : {};
    if (result === null) return { source: describeSource(source), outcome: 'found nothing' };
    if (result.found) return { source: describeSource(source), outcome: 'found a valid ID', ...shape };
    const outcome = OUTCOMES[result.reason];
    return { source: describeSource(source), outcome, ...shape };
  });
}

/** The header area's structure: tag.class per element, indented by depth, no text, no attributes but class. */
export function pageOutline(doc: Document, maxLines = 80): string[] {
  const root = doc.querySelector('header, [class*="header" i], [id*="header" i], [class*="banner" i], main, [role="main"]') ?? doc.body;
  const lines: string[] = [];
  const walk = (el: Element, depth: number) => {
    if (lines.length >= maxLines || depth > 8) return;
    const classes = [...el.classList]
      .slice(0, 4)
      .map((c) => `.${c.replace(/[0-9]/g, '#').slice(0, 40)}`)
      .join('');
    lines.push(`${'  '.repeat(depth)}${el.tagName.toLowerCase()}${classes}`);
    for (const child of Array.from(el.children)) {
      if (['SCRIPT', 'STYLE', 'ESCALATION-COMPANION', 'ESCALATION-PICKER'].includes(child.tagName)) continue;
      walk(child, depth + 1);
    }
  };
  if (root) walk(root, 0);
  return lines;
}

export function diagnosticReport(adapter: HostAdapter, doc: Document, url: string, notesFieldFound: boolean): DiagnosticReport {
  return {
    format: 'escalation-companion-adapter-diagnostics',
    adapter: { id: adapter.id, name: adapter.name },
    pathShape: pathShape(url),
    sourcesTried: trySources(adapter, doc, url),
    notesFieldFound,
    pageOutline: pageOutline(doc),
  };
}
