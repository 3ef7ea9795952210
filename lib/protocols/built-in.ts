// The five built-in protocols as loaded: validated at build time (lib/protocols/seeds.ts says how and where
// that is proved), so a page draws its first ladder without running the schema over them.
import enfield from '../../docs/protocols/enfield.json' with { type: 'json' };
import halton from '../../docs/protocols/halton.json' with { type: 'json' };
import herefordshire from '../../docs/protocols/herefordshire.json' with { type: 'json' };
import panCheshire from '../../docs/protocols/pan-cheshire.json' with { type: 'json' };
import panSussex from '../../docs/protocols/pan-sussex.json' with { type: 'json' };
import enfield1 from '../../docs/protocols/earlier/enfield@1.json' with { type: 'json' };
import halton1 from '../../docs/protocols/earlier/halton@1.json' with { type: 'json' };
import herefordshire1 from '../../docs/protocols/earlier/herefordshire@1.json' with { type: 'json' };
import panCheshire1 from '../../docs/protocols/earlier/pan-cheshire@1.json' with { type: 'json' };
import panSussex1 from '../../docs/protocols/earlier/pan-sussex@1.json' with { type: 'json' };
import type { Protocol } from './schema';

export const BUILT_IN = [panCheshire, halton, enfield, panSussex, herefordshire] as unknown as readonly Protocol[];

/**
 * Earlier versions of the built-ins, exactly as released (never regenerated): escalations started under them
 * keep their deadlines until a worker moves them to the current version.
 */
export const EARLIER_BUILT_IN = [panCheshire1, halton1, enfield1, panSussex1, herefordshire1] as unknown as readonly Protocol[];
