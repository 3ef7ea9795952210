// The five built-in protocols as loaded: validated at build time (lib/protocols/seeds.ts says how and where
// that is proved), so a page draws its first ladder without running the schema over them.
import enfield from '../../docs/protocols/enfield.json' with { type: 'json' };
import halton from '../../docs/protocols/halton.json' with { type: 'json' };
import herefordshire from '../../docs/protocols/herefordshire.json' with { type: 'json' };
import panCheshire from '../../docs/protocols/pan-cheshire.json' with { type: 'json' };
import panSussex from '../../docs/protocols/pan-sussex.json' with { type: 'json' };
import type { Protocol } from './schema';

export const BUILT_IN = [panCheshire, halton, enfield, panSussex, herefordshire] as unknown as readonly Protocol[];
