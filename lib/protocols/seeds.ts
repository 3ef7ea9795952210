// The five built-in protocols as written from their documents, each rule with its quote. Validated at build
// time: scripts/gen-protocol-files.mjs writes what ProtocolSchema makes of each to docs/protocols/ID.json,
// which is what the extension loads (lib/protocols/built-in.ts); tests/unit/protocol-files.test.ts proves
// the two equal, so no page spends its first paint validating them.
import { enfield } from './enfield';
import { halton } from './halton';
import { herefordshire } from './herefordshire';
import { panCheshire } from './pan-cheshire';
import { panSussex } from './pan-sussex';
import type { ProtocolInput } from './schema';

export const SEEDS: readonly ProtocolInput[] = [panCheshire, halton, enfield, panSussex, herefordshire];
