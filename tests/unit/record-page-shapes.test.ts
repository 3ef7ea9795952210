// @vitest-environment happy-dom
// Issue 38, "Read what a person sees, or nothing": record pages nobody here wrote, read with the built-in Mosaic
// adapter as shipped. An ID drawn in pieces is read whole as drawn, or not at all; an empty field is never filled
// from the next one. Each shape below was read as another child's number (or a fragment of this one) before.
import { describe, expect, it } from 'vitest';
import { builtInAdaptersFor } from '../../lib/browser/adapters';
import { adapterFromPick, readChildId } from '../../lib/hosts';
import { readPickedText } from '../../lib/hosts/pick';
import { renderedText, wholeValueElement } from '../../lib/hosts/rendered';
import { watchChildId } from '../../lib/page/detector';
import type { HostAdapter } from '../../lib/hosts/schema';

const [DEMO, MOSAIC] = builtInAdaptersFor('development') as [HostAdapter, HostAdapter];
const MOSAIC_URL = 'https://mosaic.council.example.gov.uk/web/portal/person';
const DEMO_URL = 'http://127.0.0.1:4173/shapes/page';

/** A Mosaic person header holding `fields` (markup), as a page nobody here wrote might draw it. */
function mosaicPage(fields: string): Document {
  const doc = document.implementation.createHTMLDocument('Person summary');
  doc.body.innerHTML = `<div class="personHeader"><h1>Jo Sample</h1>${fields}</div><main><p>Home visit on 12/11/2026.</p></main>`;
  return doc;
}

const read = (fields: string) => readChildId(MOSAIC, mosaicPage(fields), MOSAIC_URL);

describe('an ID drawn in pieces is read as drawn, never as one of its pieces', () => {
  const whole: [string, string][] = [
    ['split by a zero-width space', '<dl><dt>Mosaic ID</dt><dd>447\u200b1203</dd></dl>'],
    ['split by a soft hyphen', '<dl><dt>Mosaic ID</dt><dd>447\u00ad1203</dd></dl>'],
    ['split by a word joiner and a zero-width joiner', '<dl><dt>Mosaic ID</dt><dd>44\u20607\u200d1203</dd></dl>'],
    ['a BOM before it', '<p>Mosaic ID: \ufeff4471203</p>'],
    ['one digit group per span', '<dl><dt>Mosaic ID</dt><dd><span>447</span><span>1203</span></dd></dl>'],
    ['a search highlight inside it', '<p><b>Mosaic ID</b>: 44<mark>71</mark>203</p>'],
    ['direction marks around it', '<table><tr><th>Mosaic ID</th><td>\u200e4471203\u200f</td></tr></table>'],
  ];
  for (const [shape, html] of whole) {
    it(`${shape}: the whole ID`, () => expect(read(html)).toEqual({ found: true, childId: '4471203', source: 'label' }));
  }

  const notOne: [string, string][] = [
    ['split by a space', '<dl><dt>Mosaic ID</dt><dd>447 1203</dd></dl>'],
    ['split by a no-break space', '<p>Mosaic ID: 447\u00a01203</p>'],
    ['split by a hyphen', '<dl><dt>Mosaic ID</dt><dd>447-1203</dd></dl>'],
    ['two spans set apart by a space', '<p>Mosaic ID: <span>447</span> <span>1203</span></p>'],
    ['two blocks', '<dl><dt>Mosaic ID</dt><dd><div>447</div><div>1203</div></dd></dl>'],
  ];
  for (const [shape, html] of notOne) {
    it(`${shape}: not one whole ID, so no child`, () => expect(read(html)).toEqual({ found: false, reason: 'invalid' }));
  }
});

describe('an empty field is never filled from the next one', () => {
  const shapes: [string, string, 'empty' | 'invalid'][] = [
    ['a dd left empty, then an NHS number', '<dl><dt>Mosaic ID</dt><dd></dd><dt>NHS number</dt><dd>943 476 5919</dd></dl>', 'empty'],
    ['a dd left empty, then a legacy reference', '<dl><dt>Mosaic ID</dt><dd> </dd><dt>Legacy ref</dt><dd>2000456</dd></dl>', 'empty'],
    ['a dd left empty, then a date', '<dl><dt>Mosaic ID</dt><dd></dd><dt>Date of birth</dt><dd>14 March 2016</dd></dl>', 'empty'],
    [
      'a row header with an empty cell, then an NHS number',
      '<table><tr><th>Mosaic ID</th><td></td><th>NHS number</th><td>943 476 5919</td></tr></table>',
      'empty',
    ],
    [
      'a column header over an empty cell',
      '<table><thead><tr><th>Name</th><th>Mosaic ID</th><th>NHS number</th></tr></thead><tbody><tr><td>Jo Sample</td><td></td><td>9434765919</td></tr></tbody></table>',
      'empty',
    ],
    [
      'label and value spans, the value empty, then the next row',
      '<div class="row"><span class="label">Mosaic ID</span><span class="value"></span></div><div class="row"><span class="label">Case number</span><span class="value">2000456</span></div>',
      'invalid',
    ],
    ['running text with nothing after the colon', '<p>Jo Sample (Mosaic ID: ) NHS 9434765919</p>', 'invalid'],
    ['"Not recorded", then a legacy reference', '<p>Mosaic ID: Not recorded · Legacy ref 2000456</p>', 'invalid'],
  ];
  for (const [shape, html, reason] of shapes) {
    it(shape, () => expect(read(html)).toEqual({ found: false, reason }));
  }

  it('the header’s empty field is not filled from a related person further down the page', () => {
    const doc = mosaicPage('<dl><dt>Mosaic ID</dt><dd></dd></dl>');
    doc.body.insertAdjacentHTML('beforeend', '<section><h2>Relationships</h2><p>Sibling: Sam Sample (Mosaic ID: 7654321)</p></section>');
    expect(readChildId(MOSAIC, doc, MOSAIC_URL)).toEqual({ found: false, reason: 'empty' });
  });

  it('what is not drawn is not read: a hidden value beside an empty field', () => {
    expect(read('<dl><dt>Mosaic ID</dt><dd><span hidden>7654321</span></dd></dl>')).toEqual({ found: false, reason: 'empty' });
    expect(read('<p>Mosaic ID: <span style="display:none">765</span>4321</p>')).toMatchObject({ childId: '4321' });
  });
});

describe('what names no field is passed over, so it cannot stand against the child’s ID', () => {
  it('a link, a button, a search form’s label, a phrase ending in the label', () => {
    const shapes = [
      '<nav><a href="/search">Search by Mosaic ID</a> <a href="/recent">Recent</a></nav>',
      '<form><label>Person ID <input name="q"></label><button>Find</button></form>',
      '<div class="tools"><button>Copy Mosaic ID</button></div>',
      '<div class="tools"><span>Search by Mosaic ID</span></div><div>Recent records</div>',
    ];
    for (const tools of shapes)
      expect(read(`${tools}<dl><dt>Mosaic ID</dt><dd>4471203</dd></dl>`), tools).toEqual({
        found: true,
        childId: '4471203',
        source: 'label',
      });
  });
});

describe('where `within` finds a label in an inline element', () => {
  it('the value beside it is read, outside that element', () => {
    const doc = document.implementation.createHTMLDocument('x');
    doc.body.innerHTML = '<div class="bar"><span class="headerLabel">Mosaic ID</span> <span class="v">4471203</span></div>';
    expect(readChildId(MOSAIC, doc, MOSAIC_URL)).toEqual({ found: true, childId: '4471203', source: 'label' });
    doc.body.innerHTML = '<div class="bar"><span class="headerLabel">Mosaic ID</span> <span class="v">447 1203</span></div>';
    expect(readChildId(MOSAIC, doc, MOSAIC_URL)).toEqual({ found: false, reason: 'invalid' });
  });
});

describe('IDs printed in groups, where the adapter declares the separators', () => {
  const nhsStyle: HostAdapter = {
    ...MOSAIC,
    childId: { ...MOSAIC.childId, validator: { pattern: '[0-9]{10}', maxLength: 10 }, separators: [' '] },
  };
  it('are joined; without the declaration, grouped digits are no ID', () => {
    const doc = mosaicPage('<dl><dt>Person ID</dt><dd>943 476 5919</dd></dl>');
    expect(readChildId(nhsStyle, doc, MOSAIC_URL)).toEqual({ found: true, childId: '9434765919', source: 'label' });
    expect(readChildId(MOSAIC, doc, MOSAIC_URL)).toEqual({ found: false, reason: 'invalid' });
    // A separator the adapter did not declare is still no ID.
    expect(readChildId(nhsStyle, mosaicPage('<p>Person ID: 943-476-5919</p>'), MOSAIC_URL)).toEqual({ found: false, reason: 'invalid' });
  });
});

describe('one rule for every source', () => {
  it('a selector reads the element as drawn, and its whole text must be one ID', () => {
    const doc = (value: string) => {
      const d = document.implementation.createHTMLDocument('x');
      d.body.innerHTML = `<section id="person-header"><dl><dt>Mosaic ID</dt><dd class="person-id">${value}</dd></dl></section>`;
      return d;
    };
    expect(readChildId(DEMO, doc('100<span>0001</span>'), DEMO_URL)).toMatchObject({ childId: '1000001', source: 'selector' });
    expect(readChildId(DEMO, doc('100\u200b0001'), DEMO_URL)).toMatchObject({ childId: '1000001' });
    expect(readChildId(DEMO, doc('1000001 2000456'), DEMO_URL)).toEqual({ found: false, reason: 'invalid' });
    expect(readChildId(DEMO, doc(''), DEMO_URL)).toEqual({ found: false, reason: 'empty' });
  });

  it('a regex reads only whole values: never the first group of a longer number', () => {
    const adapter: HostAdapter = {
      ...MOSAIC,
      childId: { ...MOSAIC.childId, sources: [{ kind: 'selector', selector: '.banner', regex: 'Mosaic ID[\\s:]{0,4}([0-9]{3,10})' }] },
    };
    const banner = (text: string) => {
      const d = document.implementation.createHTMLDocument('x');
      d.body.innerHTML = `<div class="banner">${text}</div>`;
      return d;
    };
    expect(readChildId(adapter, banner('Jo (Mosaic ID: 4471203)'), MOSAIC_URL)).toMatchObject({ childId: '4471203' });
    expect(readChildId(adapter, banner('Jo (Mosaic ID: 447 1203)'), MOSAIC_URL)).toEqual({ found: false, reason: 'invalid' });
    expect(readChildId(adapter, banner('Jo (Mosaic ID: 447<i>1203</i>)'), MOSAIC_URL)).toMatchObject({ childId: '4471203' });
    expect(readChildId(adapter, banner('Jo (Mosaic ID: 447-1203)'), MOSAIC_URL)).toEqual({ found: false, reason: 'invalid' });
  });

  it('the title and the address: a fragment of a longer number is no ID', () => {
    const titled = { ...MOSAIC, childId: { ...MOSAIC.childId, sources: [{ kind: 'title' as const, regex: '\\(([0-9]{3,7})' }] } };
    const doc = document.implementation.createHTMLDocument();
    doc.title = 'Jo Sample (447 1203)';
    expect(readChildId(titled, doc, MOSAIC_URL)).toEqual({ found: false, reason: 'invalid' });
    const pathed = { ...MOSAIC, childId: { ...MOSAIC.childId, sources: [{ kind: 'url-path' as const, regex: '/person/([0-9]{3,7})' }] } };
    expect(readChildId(pathed, doc, 'https://m.example.gov.uk/person/44712033')).toEqual({ found: false, reason: 'invalid' });
    expect(readChildId(pathed, doc, 'https://m.example.gov.uk/person/4471203/notes')).toMatchObject({ childId: '4471203' });
  });
});

describe('picking the ID on the page follows the same rule', () => {
  const doc = (html: string) => {
    const d = document.implementation.createHTMLDocument('x');
    d.body.innerHTML = html;
    return d;
  };

  it('a click on one piece of an ID drawn in pieces picks the element that holds it whole', () => {
    const spans = doc('<dl><dt>Mosaic ID</dt><dd><span>447</span><span id="p">1203</span></dd></dl>');
    const picked = wholeValueElement(spans.getElementById('p')!);
    expect(picked.tagName).toBe('DD');
    expect(readPickedText(renderedText(picked), MOSAIC)).toMatchObject({ childId: '4471203', regex: null });
    const highlight = doc('<p>Mosaic ID: 44<mark id="p">71</mark>203 · born 14/03/2016</p>');
    expect(wholeValueElement(highlight.getElementById('p')!).tagName).toBe('P');
    // Set apart by a space, the value is the element itself.
    const legacy = doc('<div class="banner"><span class="ref-label">Ref</span> <span id="p">1000002</span></div>');
    expect(wholeValueElement(legacy.getElementById('p')!).id).toBe('p');
  });

  it('a pick that shows no whole ID is refused, never taken in part', () => {
    expect(readPickedText('447 1203')).toBeNull();
    expect(readPickedText('Jo Sample (Mosaic ID: 447 1203)', MOSAIC)).toBeNull();
    expect(() => adapterFromPick(MOSAIC, MOSAIC_URL, '.banner', 'Jo Sample (Mosaic ID: 447 1203)')).toThrow(/does not look like an ID/);
  });

  it('the regex a pick learns reads another child’s page by the same rule', () => {
    const { adapter } = adapterFromPick(undefined, MOSAIC_URL, '.banner', 'Jo Sample (Mosaic ID: 4471203) · born 14/03/2016');
    const other = (id: string) => doc(`<div class="banner">Sam Sample (Mosaic ID: ${id}) · born 02/09/2019</div>`);
    expect(readChildId(adapter, other('7654321'), MOSAIC_URL)).toMatchObject({ childId: '7654321' });
    expect(readChildId(adapter, other('7654 321'), MOSAIC_URL)).toEqual({ found: false, reason: 'invalid' });
    expect(readChildId(adapter, other('765<b>4321</b>'), MOSAIC_URL)).toMatchObject({ childId: '7654321' });
  });
});

describe('the re-read after a single-page app changes the page', () => {
  it('follows the same rule: an empty field after a child is no child, its ID in pieces is read whole', async () => {
    const readings: unknown[] = [];
    document.body.innerHTML =
      '<div class="personHeader"><dl><dt>Mosaic ID</dt><dd>4471203</dd><dt>NHS number</dt><dd>943 476 5919</dd></dl></div>';
    const stop = watchChildId(MOSAIC, window, (r) => readings.push(r));
    const settled = () => new Promise((resolve) => setTimeout(resolve, 100));
    document.querySelector('dd')!.replaceChildren();
    await settled();
    document.querySelector('dd')!.innerHTML = '552<span>0001</span>';
    await settled();
    stop();
    expect(readings).toEqual([
      { found: true, childId: '4471203', source: 'label' },
      { found: false, reason: 'empty' },
      { found: true, childId: '5520001', source: 'label' },
    ]);
  });
});
