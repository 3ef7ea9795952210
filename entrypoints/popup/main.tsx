// First: the worker's language, before any component module computes its words.
import '../../lib/browser/language';
import { render } from 'preact';
import { askDueSummary, Popup } from '../../components/popup/Popup';

// What is due: asked as the page starts, while it draws its frame.
const asked = askDueSummary();
render(<Popup asked={asked} />, document.getElementById('app')!);
