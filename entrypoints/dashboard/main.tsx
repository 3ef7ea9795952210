// First: the worker's language, before any component module computes its words.
import '../../lib/browser/language';
import { render } from 'preact';
import { Dashboard } from '../../components/dashboard/Dashboard';
import { database } from '../../lib/browser/database';

// Open the records while the page draws.
void database().catch(() => undefined);

render(<Dashboard />, document.getElementById('app')!);
