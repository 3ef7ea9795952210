// The rest of a panel's page, evaluated after its first questions are out (components/panel/opening.ts).
// First: the worker's language, before any component module computes its words.
import '../../lib/browser/language';
import { render } from 'preact';
import { protocolsReady } from '../../lib/browser/protocols';
import { followSettings } from '../shared/settings-signal';
import { followTab, Panel, type Surface } from './Panel';
import type { Bound, Opening } from './opening-questions';

/** Follows the tab and draws the panel once the stored protocols and the settings are read. */
export function startPanel(surface: Surface, opening: Opening, bound: Bound = {}): void {
  // Where the first paint's time goes (npm run bench): every module loaded and evaluated by here.
  performance.mark('panel-script');
  followTab(surface, opening.tab, bound);
  // Escalations are drawn with the protocol version each follows and the organisation's closure days: the stored
  // protocols and the settings are read first (the settings the background holds come with its opening answer).
  const held = opening.tab.then(({ answer }) => answer?.settings);
  void Promise.all([protocolsReady(opening.storedProtocols), followSettings(held)]).then(() =>
    render(<Panel surface={surface} />, document.getElementById('app')!),
  );
}
