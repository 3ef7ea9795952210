// Earlier versions of the built-ins, exactly as released (never regenerated): escalations started under them
// keep their deadlines until a worker moves them to the current version. Apart from built-in.ts so that a page
// whose first screen draws only the current versions does not load them (about 12 kB gzipped of the panels'
// first load): the service worker makes them known as it starts, every page as it reads the stored protocols
// (protocolsReady, lib/browser/protocols.ts), and unit tests in their setup.
import enfield1 from '../../docs/protocols/earlier/enfield@1.json' with { type: 'json' };
import halton1 from '../../docs/protocols/earlier/halton@1.json' with { type: 'json' };
import herefordshire1 from '../../docs/protocols/earlier/herefordshire@1.json' with { type: 'json' };
import panCheshire1 from '../../docs/protocols/earlier/pan-cheshire@1.json' with { type: 'json' };
import panSussex1 from '../../docs/protocols/earlier/pan-sussex@1.json' with { type: 'json' };
import { rememberDefinitions } from '.';
import type { Protocol } from './schema';

export const EARLIER_BUILT_IN = [panCheshire1, halton1, enfield1, panSussex1, herefordshire1] as unknown as readonly Protocol[];

/** Makes the earlier built-in versions known here; calling it again changes nothing. */
export function knowEarlierBuiltIns(): void {
  rememberDefinitions(EARLIER_BUILT_IN);
}
