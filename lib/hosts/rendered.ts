// Host text as a person sees it drawn, not as the markup stores it. Adjacent inline elements are drawn touching
// (<span>447</span><span>1203</span> reads "4471203"); a block boundary, a table cell or a <br> is a line
// break; format characters that draw nothing (Unicode category Cf: zero-width space and joiners, word joiner,
// soft hyphen, direction marks, BOM) are removed; any run of spaces (no-break and thin spaces too) is one space;
// what is not drawn (display: none, visibility: hidden, the hidden attribute, scripts) is not read.

/** Every Unicode format character (category Cf): drawn as nothing. */
const FORMAT = /\p{Cf}/gu;

const HAS_FORMAT = /\p{Cf}/u;

/** The text less its format characters (the same string, not a copy, when it has none: most text nodes). */
export const withoutFormat = (text: string): string => (HAS_FORMAT.test(text) ? text.replace(FORMAT, '') : text);

/** Whitespace within a line as one space; lines trimmed; no empty lines. */
export function collapse(text: string): string {
  return text
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\n ]*/g, '\n')
    .trim();
}

/** Elements that are blocks by default, for a DOM that does not say (happy-dom leaves `display` empty for most). */
const BLOCK_TAGS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY CAPTION DD DETAILS DIALOG DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HGROUP HR HTML LEGEND LI MAIN MENU NAV OL P PRE SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL'.split(
    ' ',
  ),
);
/** Never drawn as text. */
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TITLE', 'HEAD', 'ESCALATION-COMPANION', 'ESCALATION-PICKER']);

export type Display = 'none' | 'inline' | 'block';

/** How an element is drawn: not at all, inline (touching its neighbours) or as a box of its own. */
export function displayOf(el: Element): Display {
  if (NOT_TEXT.has(el.tagName) || el.hasAttribute('hidden')) return 'none';
  // A document with no window (one a test makes, or a parser's) has no computed style: its own style attribute then.
  const style = el.ownerDocument.defaultView?.getComputedStyle?.(el) ?? (el as HTMLElement).style;
  const display = style?.display ?? '';
  if (display === 'none' || style?.visibility === 'hidden' || style?.visibility === 'collapse') return 'none';
  if (display === '') return BLOCK_TAGS.has(el.tagName) ? 'block' : 'inline';
  // inline, inline-block, inline-flex, contents: drawn in the line; block, flex, grid, table-cell, list-item: a box.
  return display.startsWith('inline') || display === 'contents' || display === 'ruby' ? 'inline' : 'block';
}

/** True when `node` and every element above it (up to `root`) is drawn. */
export function isDrawn(node: Node, root?: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (displayOf(el) === 'none') return false;
    if (el === root) break;
  }
  return true;
}

/** The nearest element around `node` drawn as a box of its own (a paragraph, a cell, a dd), no higher than `root`. */
export function blockAround(node: Node, root: Element): Element {
  for (let el = node.parentElement; el && el !== root; el = el.parentElement) if (displayOf(el) === 'block') return el;
  return root;
}

/** Longer than this, an element's text is not a field: reading stops (so a huge page costs nothing). */
const MAX_CHARS = 400;

/** The text of `el` as drawn: inline elements joined, blocks and <br> as line breaks, format characters removed. */
export function renderedText(el: Element, max = MAX_CHARS): string {
  if (displayOf(el) === 'none') return '';
  let out = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child && out.length < max; child = child.nextSibling) {
      if (child.nodeType === 3) out += withoutFormat(child.textContent ?? '');
      else if (child.nodeType === 1) {
        const e = child as Element;
        if (e.tagName === 'BR') out += '\n';
        else {
          const display = displayOf(e);
          if (display === 'none') continue;
          if (display === 'block') out += '\n';
          walk(e);
          if (display === 'block') out += '\n';
        }
      }
    }
  };
  walk(el);
  return collapse(out.slice(0, max));
}

/** How many nodes of a block are looked at after a label: enough for any header, nothing like a whole page. */
const MAX_NODES = 400;

/**
 * What is drawn after a label inside `block`: the rest of the label's own line (`start`, the text left in
 * the label's text node, then what follows up to a block boundary or a <br>), and the next line of the block
 * that has any text (null if none).
 */
export function linesAfter(from: Text, start: string, block: Element): { sameLine: string; nextLine: string | null } {
  let out = withoutFormat(start);
  let seen = false;
  let nodes = 0;
  const walk = (node: Node): boolean => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (seen && (++nodes > MAX_NODES || out.length > MAX_CHARS)) return false;
      if (child === from) seen = true;
      else if (child.nodeType === 3) {
        if (seen) out += withoutFormat(child.textContent ?? '');
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.tagName === 'BR') {
          if (seen) out += '\n';
          continue;
        }
        const display = displayOf(el);
        if (display === 'none') continue;
        if (display === 'block' && seen) out += '\n';
        if (!walk(el)) return false;
        if (display === 'block' && seen) out += '\n';
      }
    }
    return true;
  };
  walk(block);
  const [first = '', ...rest] = out.slice(0, MAX_CHARS).split('\n');
  return { sameLine: collapse(first), nextLine: rest.map(collapse).find((line) => line !== '') ?? null };
}

const JOINS = /[\p{L}\p{N}]/u;

/** The character drawn right before (or after) `node` among its siblings, '' at a line break or the end. */
function drawnBeside(node: Node, side: 'before' | 'after'): string {
  for (
    let sib = side === 'before' ? node.previousSibling : node.nextSibling;
    sib;
    sib = side === 'before' ? sib.previousSibling : sib.nextSibling
  ) {
    if (sib.nodeType === 1 && ((sib as Element).tagName === 'BR' || displayOf(sib as Element) === 'block')) return '';
    const text =
      sib.nodeType === 3
        ? withoutFormat(sib.textContent ?? '')
        : sib.nodeType === 1
          ? renderedText(sib as Element).replace(/\n/g, ' ')
          : '';
    if (text !== '') return side === 'before' ? text[text.length - 1]! : text[0]!;
  }
  return '';
}

/**
 * The element whose drawn text holds the whole of what was clicked: a click on the "1203" of
 * <span>447</span><span>1203</span> is a click on the ID 4471203, so the pick is its parent (and so on up, while
 * letters or digits are drawn touching it), never a fragment.
 */
export function wholeValueElement(el: Element): Element {
  let current = el;
  while (current.parentElement && current.parentElement !== current.ownerDocument.body && displayOf(current) === 'inline') {
    const own = renderedText(current);
    const touches =
      (JOINS.test(own[0] ?? '') && JOINS.test(drawnBeside(current, 'before'))) ||
      (JOINS.test(own[own.length - 1] ?? '') && JOINS.test(drawnBeside(current, 'after')));
    if (!touches) break;
    current = current.parentElement;
  }
  return current;
}
