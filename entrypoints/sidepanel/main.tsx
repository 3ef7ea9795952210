// The browser's own side panel (Chrome/Edge side_panel, Firefox sidebar_action): beside the record, never
// over it. It follows the active tab of its window; `?tab=ID` or `?window=ID` fixes which, as when it is
// opened as a page of its own (the browser tests, a link).
import { openSidePanel } from '../../components/panel/opening';

const params = new URLSearchParams(location.search);
const id = (name: string) => (/^\d{1,10}$/.test(params.get(name) ?? '') ? Number(params.get(name)) : undefined);
const bound = { tabId: id('tab'), windowId: id('window') };

// Which child, its escalations, the settings and the stored protocols: asked before the rest of the page's code loads.
const opening = openSidePanel(bound);
void import('../../components/panel/start').then(({ startPanel }) => startPanel('side-panel', opening, bound));
