// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { builtInAdaptersFor } from '../../lib/browser/adapters';
import { adapterForUrl, mergeAdapters, parseAdapterFile, readChildId } from '../../lib/hosts';
import { readSource } from '../../lib/hosts/extract';
import { matchesUrl, originPattern, siteToOrigin } from '../../lib/hosts/match';
import { HostAdapterSchema, type HostAdapter } from '../../lib/hosts/schema';

function page(html: string, title = ''): Document {
  const doc = document.implementation.createHTMLDocument(title);
  doc.title = title;
  doc.body.innerHTML = html;
  return doc;
}

const [DEMO, MOSAIC] = builtInAdaptersFor('development') as [HostAdapter, HostAdapter];

function adapter(sources: unknown[], pattern = '[0-9]{3,10}', maxLength = 10): HostAdapter {
  return HostAdapterSchema.parse({
    id: 'test',
    name: 'Test',
    matches: ['https://records.example.gov.uk/*'],
    childId: { label: 'ID', sources, validator: { pattern, maxLength } },
    notes: {},
  });
}

const URL_ = 'https://records.example.gov.uk/person?id=445566&tab=notes';

describe('extraction strategies', () => {
  it('selector: an element’s text', () => {
    const a = adapter([{ kind: 'selector', selector: '.pid' }]);
    expect(readChildId(a, page('<span class="pid"> 123456 </span>'), URL_)).toEqual({ found: true, childId: '123456', source: 'selector' });
  });

  it('selector: an attribute, with a regex', () => {
    const a = adapter([{ kind: 'selector', selector: '[data-person]', attribute: 'data-person', regex: 'P-(\\d+)' }]);
    expect(readChildId(a, page('<div data-person="P-778899"></div>'), URL_)).toMatchObject({ childId: '778899' });
  });

  it('label: the next element (dt/dd, th/td)', () => {
    const a = adapter([{ kind: 'label', labels: ['Person ID'] }]);
    expect(readChildId(a, page('<dl><dt>Name</dt><dd>A</dd><dt>Person ID</dt><dd>2233445</dd></dl>'), URL_)).toMatchObject({
      childId: '2233445',
    });
    expect(readChildId(a, page('<table><tr><th>person id:</th><td>99887</td></tr></table>'), URL_)).toMatchObject({ childId: '99887' });
  });

  it('label: in the same text, and only within the header when asked', () => {
    const a = adapter([{ kind: 'label', labels: ['Mosaic ID'], within: 'header' }]);
    const doc = page('<p>Mosaic ID: 111</p><header><span>Mosaic ID: 445566</span></header>');
    expect(readChildId(a, doc, URL_)).toMatchObject({ childId: '445566' });
  });

  it('label: a label inside a longer sentence is not a label', () => {
    const a = adapter([{ kind: 'label', labels: ['Person ID'] }]);
    expect(readChildId(a, page('<p>Person IDs are shown above 12345</p>'), URL_)).toEqual({ found: false, reason: 'not-found' });
  });

  describe('label: the ID in running text beside its label', () => {
    const a = adapter([{ kind: 'label', labels: ['Mosaic ID', 'Person ID'] }], '[0-9]{7}', 7);
    const shapes: [string, string][] = [
      ['a banner sentence', '<div class="banner">Jo Sample (Mosaic ID: 1234567)</div>'],
      ['no colon, in brackets', '<p>Jo Sample (Mosaic ID 1234567) · DOB 01/02/2016</p>'],
      ['an em dash', '<p>Mosaic ID — 1234567</p>'],
      ['label and value split across inline elements', '<p><b>Mosaic ID</b>: <span class="v">1234567</span></p>'],
      ['the value in the next inline element', '<div><span class="l">Person ID</span><span class="v">1234567</span></div>'],
      ['a definition list', '<dl><dt>Name</dt><dd>Jo</dd><dt>Mosaic ID</dt><dd>1234567</dd></dl>'],
      ['a table row', '<table><tr><th>Mosaic ID</th><td>1234567</td><th>DOB</th><td>01/02/2016</td></tr></table>'],
      [
        'a help sentence elsewhere that mentions the label',
        '<p>Your Mosaic ID is shown in the banner.</p><div>Jo Sample (Mosaic ID: 1234567)</div>',
      ],
      ['the same ID shown twice', '<header>Mosaic ID: 1234567</header><aside>Person ID 1234567</aside>'],
    ];
    for (const [shape, html] of shapes) {
      it(shape, () => {
        expect(readChildId(a, page(html), URL_)).toEqual({ found: true, childId: '1234567', source: 'label' });
      });
    }

    it('two different children on one page are ambiguous: no child, never a guess', () => {
      const family = page('<ul><li>Jo Sample (Mosaic ID: 1234567)</li><li>Sam Sample (Mosaic ID: 7654321)</li></ul>');
      expect(readChildId(a, family, URL_)).toEqual({ found: false, reason: 'ambiguous' });
      // …and a later source does not get to guess either.
      const withUrl = adapter(
        [
          { kind: 'label', labels: ['Mosaic ID'] },
          { kind: 'url-param', param: 'id' },
        ],
        '[0-9]{6,7}',
        7,
      );
      expect(readChildId(withUrl, family, URL_)).toEqual({ found: false, reason: 'ambiguous' });
    });

    it('an ID beside another field of the same name that shows no ID is not the page’s child either (issue 38)', () => {
      // Was read as 1234567: the "pending" field may be the child the page is about (a new record beside a sibling's).
      expect(readChildId(a, page('<p>Mosaic ID: pending</p><div>Mosaic ID: 1234567</div>'), URL_)).toEqual({
        found: false,
        reason: 'ambiguous',
      });
    });

    it('a label with no valid ID near it is "invalid", and a word that merely contains the label is no label', () => {
      expect(readChildId(a, page('<p>Mosaic ID: not yet allocated</p>'), URL_)).toEqual({ found: false, reason: 'invalid' });
      expect(readChildId(a, page('<p>Person IDs 1234567 are private</p>'), URL_)).toEqual({ found: false, reason: 'not-found' });
    });
  });

  it('url-param', () => {
    expect(readChildId(adapter([{ kind: 'url-param', param: 'id' }]), page(''), URL_)).toMatchObject({
      childId: '445566',
      source: 'url-param',
    });
  });

  it('url-path, read with a regex', () => {
    const a = adapter([{ kind: 'url-path', regex: '/person/(\\d+)' }]);
    expect(readChildId(a, page(''), 'https://records.example.gov.uk/person/3344556/notes')).toMatchObject({ childId: '3344556' });
  });

  it('title, with a regex', () => {
    const a = adapter([{ kind: 'title', regex: '\\((\\d+)\\)' }]);
    expect(readChildId(a, page('', 'Amelia Hart (1000001) - Person summary'), URL_)).toMatchObject({ childId: '1000001', source: 'title' });
  });

  it('tries the sources in order: one that finds nothing passes on, the first that finds its field decides', () => {
    const a = adapter([
      { kind: 'selector', selector: '.missing' },
      { kind: 'selector', selector: '.bad' },
      { kind: 'url-param', param: 'id' },
    ]);
    expect(readChildId(a, page('<b class="other">not-an-id</b>'), URL_)).toMatchObject({ childId: '445566', source: 'url-param' });
    // The page shows the field, and it holds no ID: a later source does not fill it in (issue 38).
    expect(readChildId(a, page('<b class="bad">not-an-id</b>'), URL_)).toEqual({ found: false, reason: 'invalid' });
    expect(readChildId(a, page('<b class="bad"> </b>'), URL_)).toEqual({ found: false, reason: 'empty' });
  });
});

describe('values that fail validation are refused, never guessed', () => {
  const a = adapter([{ kind: 'selector', selector: '.pid' }], '[0-9]{7}', 7);
  const hostile: [string, string][] = [
    ['HTML', '<span class="pid">&lt;img src=x onerror=alert(1)&gt;</span>'],
    ['script text', '<span class="pid">javascript:alert(document.cookie)</span>'],
    ['10,000 characters', `<span class="pid">${'1'.repeat(10_000)}</span>`],
    ['look-alike Unicode digits (Arabic-Indic)', '<span class="pid">١٢٣٤٥٦٧</span>'],
    ['look-alike Unicode digits (full-width)', '<span class="pid">１２３４５６７</span>'],
    ['too short', '<span class="pid">12345</span>'],
    ['an element child rather than text', '<span class="pid"><img src="x" alt=""></span>'],
  ];
  for (const [name, html] of hostile) {
    it(name, () => {
      const result = readChildId(a, page(html), URL_);
      expect(result.found).toBe(false);
    });
  }

  it('a page with no ID says not found', () => {
    expect(readChildId(a, page('<p>Welcome</p>'), URL_)).toEqual({ found: false, reason: 'not-found' });
  });

  it('readSource treats host markup as text', () => {
    const doc = page('<span class="pid"><b>12</b>34<i>567</i></span>');
    expect(readSource({ kind: 'selector', selector: '.pid' }, doc, new URL(URL_))).toBe('1234567');
  });
});

describe('built-in adapters', () => {
  it('the demo adapter reads the demo header', () => {
    const doc = page('<section id="person-header"><h1>Amelia Hart</h1><dt>Mosaic ID</dt><dd class="person-id">1000001</dd></section>');
    expect(readChildId(DEMO, doc, 'http://127.0.0.1:4173/person/1000001')).toMatchObject({ childId: '1000001' });
  });

  it('the Mosaic adapter reads the number beside "Mosaic ID" or "Person ID" in a header', () => {
    const mosaic = page('<div class="personHeader"><span>Person ID:</span> <span>5512345</span></div><p>Person ID: 999</p>');
    expect(readChildId(MOSAIC, mosaic, 'https://mosaic.council.gov.uk/web/portal')).toMatchObject({ childId: '5512345' });
    const plain = page('<table><tr><td>Mosaic ID</td><td>778812</td></tr></table>');
    expect(readChildId(MOSAIC, plain, 'https://mosaic.council.gov.uk/')).toMatchObject({ childId: '778812' });
  });
});

describe('URL matching', () => {
  it('follows Chrome match patterns', () => {
    expect(matchesUrl('https://*.council.gov.uk/mosaic/*', 'https://cs.council.gov.uk/mosaic/person?id=1')).toBe(true);
    expect(matchesUrl('https://*.council.gov.uk/mosaic/*', 'https://council.gov.uk/mosaic/x')).toBe(true);
    expect(matchesUrl('https://*.council.gov.uk/mosaic/*', 'https://evil.example/council.gov.uk/mosaic/')).toBe(false);
    expect(matchesUrl('https://*.council.gov.uk/*', 'http://cs.council.gov.uk/')).toBe(false);
    expect(matchesUrl('http://127.0.0.1/*', 'http://127.0.0.1:4173/person/1')).toBe(true);
    expect(matchesUrl('*://records.example.org/*', 'https://records.example.org.evil.com/')).toBe(false);
    // What adapters have always allowed beyond the library: a port, and capitals in the host.
    expect(matchesUrl('https://mosaic.council.gov.uk:8443/*', 'https://mosaic.council.gov.uk:8443/p/1')).toBe(true);
    expect(matchesUrl('https://mosaic.council.gov.uk:8443/*', 'https://mosaic.council.gov.uk/p/1')).toBe(false);
    expect(matchesUrl('https://Mosaic.Council.gov.uk/*', 'https://mosaic.council.gov.uk/p/1')).toBe(true);
    expect(matchesUrl('not a pattern', 'https://mosaic.council.gov.uk/')).toBe(false);
    expect(originPattern('https://*.council.gov.uk/mosaic/*')).toBe('https://*.council.gov.uk/*');
    expect(siteToOrigin(' https://mosaic.council.gov.uk/web/person?id=1 ')).toEqual({ origin: 'https://mosaic.council.gov.uk/*' });
    expect(siteToOrigin('mosaic.council.gov.uk')).toEqual({ error: expect.stringMatching(/full address/) });
    expect(siteToOrigin('ftp://x.gov.uk/')).toEqual({ error: expect.stringMatching(/Only http and https/) });
  });

  it('user adapters come first and replace built-ins with the same id', () => {
    const mine = { ...MOSAIC, name: 'Our Mosaic', matches: ['https://mosaic.ourcouncil.gov.uk/*'] };
    const all = mergeAdapters([DEMO, MOSAIC], [mine]);
    expect(all.map((a) => a.name)).toEqual(['Our Mosaic', 'Demo case-record system']);
    expect(adapterForUrl(all, 'https://mosaic.ourcouncil.gov.uk/p/1')?.name).toBe('Our Mosaic');
    expect(adapterForUrl(all, 'https://elsewhere.gov.uk/')).toBeUndefined();
  });

  it('production builds ship no demo adapter, and every built-in adapter is exactly what the schema accepts', () => {
    // builtInAdaptersFor is what the extension itself calls (lib/browser/adapters.ts builtIns).
    expect(builtInAdaptersFor('production').map((a) => a.id)).toEqual(['mosaic']);
    for (const a of builtInAdaptersFor('development')) expect(a).toEqual(HostAdapterSchema.parse(a));
  });
});

describe('adapter files', () => {
  it('accepts one adapter or a list', () => {
    expect(parseAdapterFile(JSON.stringify(MOSAIC)).map((a) => a.id)).toEqual(['mosaic']);
    expect(parseAdapterFile(JSON.stringify([DEMO, MOSAIC])).length).toBe(2);
  });

  it('says what is wrong with a malformed file', () => {
    expect(() => parseAdapterFile('{"id": "x",')).toThrow(/not valid JSON.*unchanged/);
    expect(() => parseAdapterFile(JSON.stringify({ ...MOSAIC, matches: ['mosaic.gov.uk'] }))).toThrow(/matches\.0: must look like https/);
    expect(() =>
      parseAdapterFile(JSON.stringify({ ...MOSAIC, childId: { ...MOSAIC.childId, validator: { pattern: '([0-9', maxLength: 10 } } })),
    ).toThrow(/childId\.validator\.pattern: is not a valid regular expression/);
    expect(() => parseAdapterFile(JSON.stringify([MOSAIC, MOSAIC]))).toThrow(/two adapters with the id "mosaic"/);
    expect(() => parseAdapterFile('[]')).toThrow(/not valid/);
  });
});

describe('adapters made by picking the ID on a page', () => {
  it('put the picked selector first in the site’s adapter, keeping its other sources', async () => {
    const { adapterFromPick } = await import('../../lib/hosts');
    const { adapter: fixed, childId } = adapterFromPick(
      DEMO,
      'http://127.0.0.1:4173/legacy/person/1000001',
      'div.banner > span.ref-value',
      '1000001',
    );
    expect(childId).toBe('1000001');
    expect(fixed.id).toBe('demo');
    expect(fixed.name).toBe('Demo case-record system (corrected)');
    expect(fixed.childId.sources[0]).toEqual({ kind: 'selector', selector: 'div.banner > span.ref-value' });
    expect(fixed.childId.sources.slice(1)).toEqual(DEMO.childId.sources);
  });
  it('make a new adapter for a site none matched, with a validator shaped like the pick', async () => {
    const { adapterFromPick } = await import('../../lib/hosts');
    const { adapter: made } = adapterFromPick(undefined, 'https://cases.council.gov.uk/p?id=1', '#ref', 'AB-1234');
    expect(made).toMatchObject({ id: 'picked-cases-council-gov-uk', matches: ['https://cases.council.gov.uk/*'] });
  });
  it('learn from an element that holds the ID among other words: a regex anchored on its label', async () => {
    const { adapterFromPick } = await import('../../lib/hosts');
    const banner = 'Amelia Hart (Mosaic ID: 1000001) · born 14/03/2016';
    const { adapter, childId } = adapterFromPick(undefined, 'https://cases.council.gov.uk/p', 'div.banner', banner);
    expect(childId).toBe('1000001');
    expect(adapter.childId.sources[0]).toMatchObject({
      kind: 'selector',
      selector: 'div.banner',
      regex: expect.stringContaining('Mosaic ID'),
    });
    // Another child's page, another name and date: the same adapter reads that child's ID.
    const other = page('<div class="banner">Noah Bennett (Mosaic ID: 1000002) · born 02/09/2019</div>');
    expect(readChildId(adapter, other, 'https://cases.council.gov.uk/p')).toEqual({ found: true, childId: '1000002', source: 'selector' });
    // With no label before it, the ID as a word of its own, never part of the date.
    const unlabelled = adapterFromPick(undefined, 'https://cases.council.gov.uk/p', '.who', '14/03/2016 · 1000001 · Amelia Hart');
    expect(unlabelled.childId).toBe('1000001');
    const another = page('<p class="who">02/09/2019 · 1000002 · Noah Bennett</p>');
    expect(readChildId(unlabelled.adapter, another, 'https://cases.council.gov.uk/p')).toMatchObject({ childId: '1000002' });
    // The site's own validator picks the right word when it has one.
    expect(adapterFromPick(DEMO, 'http://127.0.0.1/', '.x', 'Ref: 1000001 (open since 2024)').childId).toBe('1000001');
  });
  it('refuse a pick that holds no ID, or cannot be found again', async () => {
    const { adapterFromPick } = await import('../../lib/hosts');
    expect(() => adapterFromPick(DEMO, 'http://127.0.0.1/', '.x', 'Ref')).toThrow(/“Ref” does not look like an ID/);
    expect(() => adapterFromPick(undefined, 'https://x.gov.uk/', '.x', 'Surname')).toThrow(/does not look like an ID/);
    expect(() => adapterFromPick(undefined, 'https://x.gov.uk/', '.x', 'Born 01/02/2016')).toThrow(/does not look like an ID/);
    expect(() => adapterFromPick(DEMO, 'http://127.0.0.1/', null, '1000001')).toThrow(/cannot be found again/);
  });
});
