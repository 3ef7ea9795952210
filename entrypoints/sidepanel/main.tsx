// The browser's own side panel (Chrome/Edge side_panel, Firefox sidebar_action): beside the record, never
// over it. It follows the active tab of its window; `?tab=ID` or `?window=ID` fixes which, as when it is
// opened as a page of its own (the browser tests, a link).
// First: the worker's language, before any component module computes its words.
import '../../lib/browser/language';
import { render } from 'preact';
import { protocolsReady } from '../../lib/browser/protocols';
import { Panel } from '../../components/panel/Panel';

const params = new URLSearchParams(location.search);
const id = (name: string) => (/^\d{1,10}$/.test(params.get(name) ?? '') ? Number(params.get(name)) : undefined);

// Where the first paint's time goes (npm run bench): every module loaded and evaluated by here.
performance.mark('panel-script');
// Escalations are drawn with the protocol version each follows: the stored protocols are read first.
void protocolsReady().then(() =>
  render(<Panel surface="side-panel" bound={{ tabId: id('tab'), windowId: id('window') }} />, document.getElementById('app')!),
);
