// Which protocols (and versions) this page knows, as a signal: what a page draws from them (the protocols
// offered, whether an escalation follows an older version) is drawn again when an import, a policy or a
// backup changes them, even where nothing else it shows has changed.
import { signal } from '@preact/signals';
import { onProtocolsChanged } from '../../lib/protocols';

export const protocolsChanged = signal(0);
onProtocolsChanged(() => (protocolsChanged.value += 1));
