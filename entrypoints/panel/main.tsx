// The panel framed in the record page (in-page placement): it follows its own tab.
// First: the worker's language, before any component module computes its words.
import '../../lib/browser/language';
import { render } from 'preact';
import { Panel } from '../../components/panel/Panel';

// Where the first paint's time goes (npm run bench): every module loaded and evaluated by here.
performance.mark('panel-script');
render(<Panel surface="in-page" />, document.getElementById('app')!);
