// The five seed protocols, validated against the schema when first loaded.
import { enfield } from './enfield';
import { halton } from './halton';
import { herefordshire } from './herefordshire';
import { panCheshire } from './pan-cheshire';
import { panSussex } from './pan-sussex';
import { ProtocolSchema, type Protocol, type ProtocolInput, type Stage } from './schema';

export type { Protocol, Stage } from './schema';

const SEEDS: ProtocolInput[] = [panCheshire, halton, enfield, panSussex, herefordshire];

let loaded: ReadonlyMap<string, Protocol> | undefined;

/** Validates a protocol, naming the protocol and the path of anything wrong. */
export function parseProtocol(input: unknown): Protocol {
  const result = ProtocolSchema.safeParse(input);
  if (result.success) return result.data;
  const id = (input as { id?: unknown } | null)?.id;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(protocol)'}: ${i.message}`);
  throw new Error(`Protocol ${JSON.stringify(id ?? '?')} is not valid: ${problems.join('; ')}`);
}

function protocols(): ReadonlyMap<string, Protocol> {
  loaded ??= new Map(SEEDS.map((seed) => [seed.id, parseProtocol(seed)]));
  return loaded;
}

export function listProtocols(): Protocol[] {
  return [...protocols().values()];
}

export function getProtocol(id: string): Protocol {
  const protocol = protocols().get(id);
  if (!protocol) {
    throw new Error(`Unknown protocol ${JSON.stringify(id)}; known protocols: ${[...protocols().keys()].join(', ')}`);
  }
  return protocol;
}

export function getStage(protocol: Protocol, stageId: string): Stage {
  const stage = protocol.stages.find((s) => s.id === stageId);
  if (!stage) {
    throw new Error(
      `Unknown stage ${JSON.stringify(stageId)} for protocol ${protocol.id}; its stages are ${protocol.stages.map((s) => s.id).join(', ')}`,
    );
  }
  return stage;
}
