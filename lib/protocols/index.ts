// The protocols this device knows: the five built in, those the worker imported, those the organisation
// deploys by policy, and every earlier version an escalation still follows. Which version is current
// decides new escalations only: an escalation keeps the version it started under (`protocolOf`).
import { BUILT_IN } from './built-in';
import type { Protocol, Stage } from './schema';
import { sameContent } from '../same-content';

// Reading someone else's protocol (lib/protocols/read.ts) needs the schema library; the catalogue does not,
// so a page that only draws escalations never loads it.
export type { Protocol, Stage } from './schema';

/** Where a current protocol comes from; an organisation's beats the worker's, which beats the built-in. */
export type ProtocolSource = 'built-in' | 'imported' | 'organisation';
export interface CatalogueEntry {
  protocol: Protocol;
  source: ProtocolSource;
}

/** The version of escalations recorded before protocols had versions: the built-ins' first. */
export const FIRST_VERSION = '1';

let builtIns: ReadonlyMap<string, Protocol> | undefined;
const layers: Record<Exclude<ProtocolSource, 'built-in'>, Map<string, Protocol>> = { imported: new Map(), organisation: new Map() };
/** Every definition known here, by `id@version`. */
const definitions = new Map<string, Protocol>();

export const protocolKey = (p: { id: string; version: string }) => `${p.id}@${p.version}`;

const listeners = new Set<() => void>();
/** Calls back whenever the protocols known here change (an import, a policy, a backup); returns a function that stops. */
export function onProtocolsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const changed = () => listeners.forEach((listener) => listener());

function builtInMap(): ReadonlyMap<string, Protocol> {
  if (!builtIns) {
    builtIns = new Map(BUILT_IN.map((p) => [p.id, p]));
    // The earlier versions join as each context starts (lib/protocols/earlier-built-in.ts), not with the current ones.
    for (const p of builtIns.values()) definitions.set(protocolKey(p), p);
  }
  return builtIns;
}

export function builtInProtocols(): Protocol[] {
  return [...builtInMap().values()];
}

/**
 * Why a definition cannot join those known here, or null: the same id and version with different
 * content would change the deadlines of escalations that follow that version.
 */
export function definitionConflict(p: Protocol): string | null {
  builtInMap();
  const known = definitions.get(protocolKey(p));
  return known && !sameDefinition(known, p)
    ? `version ${p.version} of “${p.id}” is already installed with different content: give the changed protocol a new version`
    : null;
}

/** Keeps definitions escalations follow (stored copies, a backup's), whether or not they are current. */
export function rememberDefinitions(list: readonly Protocol[]): void {
  builtInMap();
  const added = list.filter((p) => !definitions.has(protocolKey(p)));
  for (const p of added) definitions.set(protocolKey(p), p);
  if (added.length) changed();
}

/** Replaces the worker's imported protocols or the organisation's deployed ones (each already validated). */
export function setProtocols(source: Exclude<ProtocolSource, 'built-in'>, list: readonly Protocol[]): void {
  rememberDefinitions(list);
  const before = [...layers[source].values()].map(protocolKey).join();
  layers[source] = new Map(list.map((p) => [p.id, definitions.get(protocolKey(p))!]));
  if ([...layers[source].values()].map(protocolKey).join() !== before) changed();
}

/** The current protocols with where each comes from: the built-ins in their order, then the others by title. */
export function protocolCatalogue(): CatalogueEntry[] {
  const entries = new Map<string, CatalogueEntry>();
  for (const p of builtInMap().values()) entries.set(p.id, { protocol: p, source: 'built-in' });
  const added = [...layers.imported.values(), ...layers.organisation.values()].sort((a, b) => a.title.localeCompare(b.title));
  for (const p of added) {
    const source = layers.organisation.has(p.id) ? 'organisation' : 'imported';
    entries.set(p.id, { protocol: layers[source].get(p.id)!, source });
  }
  return [...entries.values()];
}

/** The current protocols (what a new escalation may follow). */
export function listProtocols(): Protocol[] {
  return protocolCatalogue().map((e) => e.protocol);
}

/** Every definition known here, current or followed by an escalation. */
export function knownDefinitions(): Protocol[] {
  builtInMap();
  return [...definitions.values()];
}

/** A protocol: the given version, or the current one. */
export function getProtocol(id: string, version?: string): Protocol {
  if (version !== undefined) {
    builtInMap();
    const pinned = definitions.get(`${id}@${version}`);
    if (pinned) return pinned;
    throw new Error(
      `Version ${JSON.stringify(version)} of protocol ${JSON.stringify(id)} is not on this device; restore a backup that carries it, or import that version`,
    );
  }
  const protocol = layers.organisation.get(id) ?? layers.imported.get(id) ?? builtInMap().get(id);
  if (!protocol) {
    throw new Error(
      `Unknown protocol ${JSON.stringify(id)}; known protocols: ${listProtocols()
        .map((p) => p.id)
        .join(', ')}`,
    );
  }
  return protocol;
}

/** The protocol an escalation follows: the version it started under (or was moved to), never silently the current one. */
export function protocolOf(escalation: { protocolId: string; protocolVersion?: string }): Protocol {
  return getProtocol(escalation.protocolId, escalation.protocolVersion ?? FIRST_VERSION);
}

/** Whose bank holidays an escalation's working days leave out (England and Wales if its protocol version is not on this device). */
export function protocolCalendar(escalation: { protocolId: string; protocolVersion?: string }): Protocol['calendar'] {
  try {
    return protocolOf(escalation).calendar;
  } catch {
    return 'england-and-wales';
  }
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

/** The same content, whatever the key order: how two definitions with one id and version are compared. */
export function sameDefinition(a: Protocol, b: Protocol): boolean {
  return sameContent(a, b);
}
