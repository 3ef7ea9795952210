// First: the worker's language, before any component module computes its words.
import '../../lib/browser/language';
import { render } from 'preact';
import { protocolsReady } from '../../lib/browser/protocols';
import { RecordsPage } from '../../components/records/RecordsPage';
import { openRecordsHere } from '../../components/shared/useRecords';

// Every escalation at once: read by the page itself, not carried over from the background.
openRecordsHere();

// Escalations are drawn with the protocol version each follows: the stored protocols are read first.
void protocolsReady().then(() => render(<RecordsPage />, document.getElementById('app')!));
