// Runs on granted case-record pages only (see lib/browser/record-pages.ts).
// It adds a small launcher; everything about escalations renders inside an
// extension-origin frame that the host page's scripts cannot read.
import { mountCompanion } from '../lib/page/companion';

export default defineContentScript({
  registration: 'runtime',
  main() {
    if (window.top !== window) return; // one launcher per tab
    mountCompanion(document, browser.runtime.getURL('/panel.html'));
  },
});
