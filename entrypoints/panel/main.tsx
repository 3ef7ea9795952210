// The panel framed in the record page (in-page placement): it follows its own tab.
// First: the worker's language, before any component module computes its words.
import '../../lib/browser/language';
import { render } from 'preact';
import { protocolsReady } from '../../lib/browser/protocols';
import { Panel } from '../../components/panel/Panel';

// Where the first paint's time goes (npm run bench): every module loaded and evaluated by here.
performance.mark('panel-script');
// Escalations are drawn with the protocol version each follows: the stored protocols are read first.
void protocolsReady().then(() => render(<Panel surface="in-page" />, document.getElementById('app')!));
