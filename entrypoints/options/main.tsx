// First: the worker's language, before any component module computes its words.
import '../../lib/browser/language';
import { render } from 'preact';
import { OptionsPage } from '../../components/options/OptionsPage';

render(<OptionsPage />, document.getElementById('app')!);
