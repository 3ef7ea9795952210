// First: the worker's language, before any component module computes its words.
import '../../lib/browser/language';
import { render } from 'preact';
import { Popup } from '../../components/popup/Popup';

render(<Popup />, document.getElementById('app')!);
