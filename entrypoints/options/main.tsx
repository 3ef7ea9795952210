// First: the worker's language, before any component module computes its words.
import '../../lib/browser/language';
import { render } from 'preact';
import { protocolsReady } from '../../lib/browser/protocols';
import { followSettings } from '../../components/shared/settings-signal';
import { OptionsPage } from '../../components/options/OptionsPage';

// The stored protocols and the settings are read first: the page shows each setting as it is, never the
// built-in value for a moment.
void Promise.all([protocolsReady(), followSettings()]).then(() => render(<OptionsPage />, document.getElementById('app')!));
