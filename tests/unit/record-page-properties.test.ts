// @vitest-environment happy-dom
// Issue 38: property tests over generated record pages, read with the built-in Mosaic and demo adapters.
// Any page that shows ID X in the labelled field, drawn with any mix of inline elements, invisible characters
// and neighbouring fields, reads X (or nothing), never another ID; any page whose labelled field is empty or
// not one whole ID reads no child.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInAdaptersFor } from '../../lib/browser/adapters';
import { readChildId } from '../../lib/hosts';
import type { HostAdapter } from '../../lib/hosts/schema';

const [DEMO, MOSAIC] = builtInAdaptersFor('development') as [HostAdapter, HostAdapter];

/** Format characters that draw nothing: zero-width space, joiners, word joiner, soft hyphen, direction marks, isolates, BOM. */
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\u00ad', '\u200e', '\u200f', '\u2066', '\u2069', '\ufeff'];
const INLINE = ['span', 'b', 'strong', 'em', 'i', 'mark', 'a', 'small', 'code'];

const invisibles = fc.array(fc.constantFrom(...INVISIBLE), { maxLength: 2 }).map((cs) => cs.join(''));

/** X drawn in pieces: each piece plain or in an inline element, with invisible characters between and around. */
function drawn(id: string) {
  return fc
    .tuple(
      fc.array(fc.integer({ min: 1, max: id.length - 1 }), { maxLength: 3 }),
      fc.array(fc.tuple(fc.option(fc.constantFrom(...INLINE), { nil: null }), invisibles), { minLength: 4, maxLength: 4 }),
      invisibles,
      invisibles,
    )
    .map(([cuts, wraps, before, after]) => {
      const at = [...new Set(cuts)].sort((a, b) => a - b);
      const pieces = [0, ...at].map((start, i) => id.slice(start, at[i] ?? id.length));
      const html = pieces
        .map((piece, i) => {
          const [tag, gap] = wraps[i % wraps.length]!;
          return (tag ? `<${tag}>${piece}</${tag}>` : piece) + (i < pieces.length - 1 ? gap : '');
        })
        .join('');
      return before + html + after;
    });
}

/** What a field that holds no ID may show: nothing, words, grouped digits, a date, a reference. */
const notAnId = fc.oneof(
  fc.constant(''),
  fc.constantFrom('Not recorded', 'pending', 'Not yet allocated', 'N/A', '—', 'Unknown'),
  fc
    .tuple(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 100, max: 99999 }), fc.constantFrom(' ', '-', '\u00a0', '<span> </span>'))
    .map(([a, b, sep]) => `${a}${sep}${b}`),
  fc
    .tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2000, max: 2026 }))
    .map(([d, m, y]) => `${d}/${m}/${y}`),
  fc.integer({ min: 1000, max: 9999 }).map((n) => `REF-${n}`),
);

/** Fields around the labelled one: other labels with numbers that would pass the validator. */
const neighbour = fc
  .tuple(
    fc.constantFrom('NHS number', 'Legacy ref', 'Date of birth', 'Case number', 'Phone', 'Team'),
    fc.integer({ min: 1_000_000, max: 9_999_999 }),
  )
  .map(([label, n]) => ({ label, value: String(n) }));

type Layout = 'dl' | 'row-header' | 'column-header' | 'same-element' | 'label-span' | 'div-rows';
const layout = fc.constantFrom<Layout>('dl', 'row-header', 'column-header', 'same-element', 'label-span', 'div-rows');

/** A record header: the labelled field (value as markup) among its neighbours, laid out one way. */
function header(
  kind: Layout,
  label: string,
  value: string,
  before: { label: string; value: string }[],
  after: { label: string; value: string }[],
  valueClass = '',
) {
  const all = [...before, { label, value, cls: valueClass }, ...after] as { label: string; value: string; cls?: string }[];
  const cls = (f: { cls?: string }) => (f.cls ? ` class="${f.cls}"` : '');
  switch (kind) {
    case 'dl':
      return `<dl>${all.map((f) => `<dt>${f.label}</dt>\n<dd${cls(f)}>${f.value}</dd>`).join('\n')}</dl>`;
    case 'row-header':
      return `<table><tr>${all.map((f) => `<th>${f.label}</th><td${cls(f)}>${f.value}</td>`).join('')}</tr></table>`;
    case 'column-header':
      return `<table><thead><tr>${all.map((f) => `<th>${f.label}</th>`).join('')}</tr></thead><tbody><tr>${all.map((f) => `<td${cls(f)}>${f.value}</td>`).join('')}</tr></tbody></table>`;
    case 'same-element':
      return `<p>${all.map((f) => `${f.label}: <span${cls(f)}>${f.value}</span>`).join(' · ')}</p>`;
    case 'label-span':
      return all
        .map((f) => `<div class="row"><span class="label">${f.label}</span><span class="value ${f.cls ?? ''}">${f.value}</span></div>`)
        .join('\n');
    case 'div-rows':
      return all.map((f) => `<div class="field"><div class="label">${f.label}</div><div class="value">${f.value}</div></div>`).join('');
  }
}

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('Person');
  doc.body.innerHTML = html;
  return doc;
}

const pageOf = (adapter: 'mosaic' | 'demo', headerHtml: string, elsewhere: string) =>
  adapter === 'mosaic'
    ? page(`<div class="personHeader"><h1>Jo Sample</h1>${headerHtml}</div><main>${elsewhere}</main>`)
    : page(`<section id="person-header"><h1>Jo Sample</h1>${headerHtml}</section><main>${elsewhere}</main>`);

/** Elsewhere on the page: a related person's ID under the same label, or nothing. */
const elsewhere = fc
  .option(fc.integer({ min: 1_000_000, max: 9_999_999 }), { nil: null })
  .map((n) => (n === null ? '' : `<p>Sibling: Sam Sample (Mosaic ID: ${n})</p>`));

const cases = [
  {
    name: 'Mosaic',
    adapter: MOSAIC,
    id: 'mosaic' as const,
    url: 'https://mosaic.council.example.gov.uk/web/portal/person',
    ids: fc.stringMatching(/^[1-9][0-9]{2,9}$/),
    labels: ['Mosaic ID', 'Person ID', 'Mosaic Number', 'Person Number'],
  },
  {
    name: 'demo',
    adapter: DEMO,
    id: 'demo' as const,
    url: 'http://127.0.0.1:4173/person/page',
    ids: fc.stringMatching(/^[1-9][0-9]{6}$/),
    labels: ['Mosaic ID'],
  },
];

describe.each(cases)('generated record pages, $name adapter', ({ adapter, id, url, ids, labels }) => {
  it('a page that shows ID X in the labelled field reads X, never another ID', () => {
    fc.assert(
      fc.property(
        ids.chain((x) => fc.tuple(fc.constant(x), drawn(x))),
        layout,
        fc.constantFrom(...labels),
        fc.array(neighbour, { maxLength: 2 }),
        fc.array(neighbour, { maxLength: 2 }),
        elsewhere,
        fc.boolean(),
        ([x, value], kind, label, before, after, other, marked) => {
          const doc = pageOf(id, header(kind, label, value, before, after, marked && id === 'demo' ? 'person-id' : ''), other);
          const result = readChildId(adapter, doc, url);
          expect(result).toMatchObject({ found: true, childId: x });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a page whose labelled field is empty or not one whole ID reads no child', () => {
    fc.assert(
      fc.property(
        notAnId,
        layout,
        fc.constantFrom(...labels),
        fc.array(neighbour, { maxLength: 2 }),
        fc.array(neighbour, { maxLength: 2 }),
        elsewhere,
        invisibles,
        (value, kind, label, before, after, other, gap) => {
          const doc = pageOf(id, header(kind, label, gap + value, before, after), other);
          const result = readChildId(adapter, doc, url);
          expect(result.found).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });
});
