// First: the worker's language, before any component module computes its words.
import '../../lib/browser/language';
import { render } from 'preact';
import { DUE_SUMMARY, Popup } from '../../components/popup/Popup';
import { askEarly } from '../../components/shared/useRecords';

// What is due: asked as the page starts, while it draws its frame.
askEarly(DUE_SUMMARY);
render(<Popup />, document.getElementById('app')!);
