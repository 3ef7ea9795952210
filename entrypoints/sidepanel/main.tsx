// The browser's own side panel (Chrome/Edge side_panel, Firefox sidebar_action): beside the record, never
// over it. It follows the active tab of its window; `?tab=ID` or `?window=ID` fixes which, as when it is
// opened as a page of its own (the browser tests, a link).
// First: the worker's language, before any component module computes its words.
import '../../lib/browser/language';
import { render } from 'preact';
import { protocolsReady } from '../../lib/browser/protocols';
import { followSettings } from '../../components/shared/settings';
import { followTab, Panel } from '../../components/panel/Panel';

const params = new URLSearchParams(location.search);
const id = (name: string) => (/^\d{1,10}$/.test(params.get(name) ?? '') ? Number(params.get(name)) : undefined);

// Where the first paint's time goes (npm run bench): every module loaded and evaluated by here.
performance.mark('panel-script');
// Which child: asked now, while the stored protocols and the settings are read.
followTab('side-panel', { tabId: id('tab'), windowId: id('window') });
// Escalations are drawn with the protocol version each follows and the organisation's closure days: the stored
// protocols and the settings are read first.
void Promise.all([protocolsReady(), followSettings()]).then(() => render(<Panel surface="side-panel" />, document.getElementById('app')!));
