import { render } from 'preact';
import { Dashboard } from '../../components/Dashboard';
import { database } from '../../lib/browser/database';

// Open the records while the page draws.
void database().catch(() => undefined);

render(<Dashboard />, document.getElementById('app')!);
