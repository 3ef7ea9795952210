// First: the worker's language, before any component module computes its words.
import '../../lib/browser/language';
import { render } from 'preact';
import { protocolsReady } from '../../lib/browser/protocols';
import { followSettings } from '../../components/shared/settings-signal';
import { Dashboard } from '../../components/dashboard/Dashboard';
import { openRecordsHere } from '../../components/shared/useRecords';
import { askFirstScreen } from '../../components/dashboard/EscalationList';

// The first screenful, read straight from IndexedDB while the rest of the page starts.
askFirstScreen();
// The dashboard reads thousands of records: it opens the database itself, once its first screenful is drawn.
openRecordsHere();

// Escalations are drawn with the protocol version each follows and the organisation's closure days: the stored
// protocols and the settings are read first.
void Promise.all([protocolsReady(), followSettings()]).then(() => render(<Dashboard />, document.getElementById('app')!));
