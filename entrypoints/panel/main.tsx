// First: the worker's language, before any component module computes its words.
import '../../lib/browser/language';
import { render } from 'preact';
import { Panel } from '../../components/panel/Panel';
import { takeHandover } from '../../components/panel/tab-child';

// The child the launcher read, before the first render: the panel asks for its escalations at once.
takeHandover(location.hash);
render(<Panel />, document.getElementById('app')!);
