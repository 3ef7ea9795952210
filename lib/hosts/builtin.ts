import type { HostAdapterInput } from './schema';

/**
 * Best effort for Mosaic: real Mosaic markup is not available to us, so this
 * reads the number beside a "Mosaic ID" or "Person ID" label anywhere in the
 * page header. Correct the labels or add a selector in the options page (or by
 * policy) when your Mosaic shows it differently.
 */
export const MOSAIC: HostAdapterInput = {
  id: 'mosaic',
  name: 'Mosaic (best effort)',
  matches: ['https://*/*'],
  childId: {
    label: 'Mosaic ID',
    sources: [
      {
        kind: 'label',
        labels: ['Mosaic ID', 'Person ID', 'Mosaic Number', 'Person Number'],
        within: 'header, [class*="header" i], [id*="header" i]',
      },
      { kind: 'label', labels: ['Mosaic ID', 'Person ID'] },
    ],
    validator: { pattern: '[0-9]{3,10}', maxLength: 10 },
  },
  notes: { fields: ['textarea[name*="note" i]', '[contenteditable="true"]', 'textarea'] },
};

/** The demo case-record system shipped in demo/ (development and test builds only). */
export const DEMO: HostAdapterInput = {
  id: 'demo',
  name: 'Demo case-record system',
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  childId: {
    label: 'Mosaic ID',
    sources: [
      { kind: 'selector', selector: '#person-header .person-id' },
      { kind: 'label', labels: ['Mosaic ID'], within: '#person-header' },
    ],
    validator: { pattern: '[0-9]{7}', maxLength: 7 },
  },
  // The demo's own rich field first, then what any record system's note editor looks like (?editor=…).
  notes: { fields: ['#note-editor', 'textarea[name*="note" i]', '[contenteditable="true"]', 'textarea'], history: '#recorded-notes' },
};
