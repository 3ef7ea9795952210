// The panel framed in the record page (in-page placement): it follows its own tab.
// First: the worker's language, before any component module computes its words.
import '../../lib/browser/language';
import { render } from 'preact';
import { protocolsReady } from '../../lib/browser/protocols';
import { followSettings } from '../../components/shared/settings';
import { followTab, Panel } from '../../components/panel/Panel';

// Where the first paint's time goes (npm run bench): every module loaded and evaluated by here.
performance.mark('panel-script');
// Which child: asked now, while the stored protocols and the settings are read.
followTab('in-page');
// Escalations are drawn with the protocol version each follows and the organisation's closure days: the stored
// protocols and the settings are read first.
void Promise.all([protocolsReady(), followSettings()]).then(() => render(<Panel surface="in-page" />, document.getElementById('app')!));
