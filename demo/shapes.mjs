// The record pages of one shape each from issue 38 (tests/browser/record-shapes.spec.ts), served by the demo at
// /shapes/<name>.html: one record page, in which only the person header's facts differ. Each shape is written as
// the case system draws it, so that the reader meets the same markup (the portal that frames one is a file,
// demo/public/shapes/framed.html).

/** A definition list of label and value, one to a line, as Mosaic's person header draws its facts. */
const labelled = (pairs) => [
  '<dl class="person-facts">',
  ...pairs.flatMap(([dt, dd]) => [`  <dt>${dt}</dt>`, `  <dd>${dd}</dd>`]),
  '</dl>',
];
const BORN = ['Date of birth', '14/03/2016'];

/** Each shape: what the page is called, and the header's facts (trusted HTML, written here). */
export const SHAPES = {
  spaced: { title: 'An ID printed in two groups', facts: labelled([['Mosaic ID', '447 1203'], BORN]) },
  spans: {
    title: 'An ID drawn one digit group per span',
    facts: labelled([['Mosaic ID', '<span class="grp">447</span><span class="grp">1203</span>'], BORN]),
  },
  'zero-width': { title: 'An ID split by a zero-width space', facts: labelled([['Mosaic ID', '447\u200b1203'], BORN]) },
  highlight: {
    title: 'A search highlight inside the ID',
    facts: ['<p class="facts"><b>Mosaic ID</b>: 44<mark>71</mark>203 · born 14/03/2016</p>'],
  },
  'empty-nhs': {
    title: 'No Mosaic ID yet, then an NHS number',
    facts: labelled([
      ['Mosaic ID', ''],
      ['NHS number', '943 476 5919'],
    ]),
  },
  'empty-date': {
    title: 'No Mosaic ID yet, then a date of birth',
    facts: [
      '<table class="facts">',
      '  <tr>',
      '    <th>Mosaic ID</th>',
      '    <td></td>',
      '    <th>Date of birth</th>',
      '    <td>14 March 2016</td>',
      '  </tr>',
      '</table>',
    ],
  },
  'empty-column': {
    title: 'No Mosaic ID yet, in a table with a column per field',
    facts: [
      '<table class="facts">',
      '  <thead>',
      '    <tr><th>Name</th><th>Mosaic ID</th><th>NHS number</th></tr>',
      '  </thead>',
      '  <tbody>',
      '    <tr><td>Jo Sample</td><td></td><td>9434765919</td></tr>',
      '  </tbody>',
      '</table>',
    ],
  },
  'empty-legacy': {
    title: 'Mosaic ID not recorded, then a legacy reference',
    facts: ['<p class="facts">Mosaic ID: Not recorded · Legacy ref 2000456</p>'],
  },
};

/** The page of the shape `name` (a key of SHAPES). */
export function shapePage(name) {
  const { title, facts } = SHAPES[name];
  return `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <title>${title} - record page shapes (demo)</title>
    <link rel="stylesheet" href="/demo.css" />
  </head>
  <body>
    <!-- A record page of one shape from issue 38 (tests/browser/record-shapes.spec.ts): not the demo app. -->
    <main id="record">
      <section class="person-header personHeader" aria-label="Person details">
        <h1>Jo Sample</h1>
${facts.map((line) => `        ${line}`).join('\n')}
      </section>
      <section aria-label="Relationships">
        <h2>Relationships</h2>
        <p>Sibling: Sam Sample (Mosaic ID: 7654321)</p>
      </section>
      <section class="case-note-form" aria-label="Add a case note">
        <label>Note (plain text) <textarea name="note" rows="4"></textarea></label>
      </section>
    </main>
  </body>
</html>
`;
}
