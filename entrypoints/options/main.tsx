// First: the worker's language, before any component module computes its words.
import '../../lib/browser/language';
import { render } from 'preact';
import { protocolsReady } from '../../lib/browser/protocols';
import { OptionsPage } from '../../components/options/OptionsPage';

// Escalations are drawn with the protocol version each follows: the stored protocols are read first.
void protocolsReady().then(() => render(<OptionsPage />, document.getElementById('app')!));
