// First: the worker's language, before any component module computes its words.
import '../../lib/browser/language';
import { render } from 'preact';
import { RecordsPage } from '../../components/records/RecordsPage';

render(<RecordsPage />, document.getElementById('app')!);
