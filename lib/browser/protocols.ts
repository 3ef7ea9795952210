// The protocols kept in extension storage (imported by the worker, deployed by the organisation, earlier
// versions escalations follow), read into lib/protocols' catalogue. Every page that shows an escalation waits
// for `protocolsReady()` before it draws one; the background keeps the organisation's and the built-ins'
// definitions here so a page never has to wait on the policy store.
import {
  builtInProtocols,
  definitionConflict,
  knownDefinitions,
  parseProtocol,
  protocolKey,
  readProtocolFile,
  rememberDefinitions,
  setProtocols,
  type Protocol,
} from '../protocols';
import { PROTOCOL_LIBRARY_ITEM, type ProtocolLibrary } from './storage';

/** Validates what storage holds (storage is shared: never trusted), keeping every definition that is valid. */
function readLibrary(library: ProtocolLibrary): void {
  const known = new Set(knownDefinitions().map(protocolKey));
  const valid: Protocol[] = [];
  for (const definition of library.definitions) {
    const key =
      typeof definition === 'object' && definition !== null ? `${(definition as Protocol).id}@${(definition as Protocol).version}` : '';
    if (known.has(key)) continue;
    try {
      valid.push(parseProtocol(definition));
    } catch (error) {
      console.warn('A stored protocol is not valid and was left out:', (error as Error).message);
    }
  }
  rememberDefinitions(valid);
  const byKey = new Map(knownDefinitions().map((p) => [protocolKey(p), p]));
  const current = (keys: string[]) => keys.flatMap((k) => (byKey.has(k) ? [byKey.get(k)!] : []));
  setProtocols('imported', current(library.imported));
  setProtocols('organisation', current(library.organisation));
}

let ready: Promise<void> | undefined;

/** Reads the stored protocols once per page (and again whenever they change). */
export function protocolsReady(): Promise<void> {
  if (!ready) {
    ready = PROTOCOL_LIBRARY_ITEM.get().then(readLibrary);
    PROTOCOL_LIBRARY_ITEM.watch(readLibrary);
  }
  return ready;
}

/** Adds definitions to the library, never replacing one already kept under the same id and version. */
function withDefinitions(library: ProtocolLibrary, list: readonly Protocol[]): ProtocolLibrary {
  const keys = new Set(library.definitions.map((d) => `${(d as Protocol).id}@${(d as Protocol).version}`));
  const added = list.filter((p) => !keys.has(protocolKey(p)));
  return added.length ? { ...library, definitions: [...library.definitions, ...added] } : library;
}

export interface ImportResult {
  protocol: Protocol;
  /** The version it replaced as current, if any. */
  replaced?: string;
}

/** Imports a protocol file: validated, then kept and made current for its id. Refused (nothing changes) when invalid or in conflict. */
export async function importProtocolFile(text: string): Promise<ImportResult> {
  await protocolsReady();
  const protocol = readProtocolFile(text);
  const conflict = definitionConflict(protocol);
  if (conflict) throw new Error(`This protocol was not imported: ${conflict}.`);
  const library = await PROTOCOL_LIBRARY_ITEM.get();
  const key = protocolKey(protocol);
  const earlier = library.imported.find((k) => k.startsWith(`${protocol.id}@`));
  const next = withDefinitions(library, [protocol]);
  await PROTOCOL_LIBRARY_ITEM.set({ ...next, imported: [...library.imported.filter((k) => k !== earlier), key] });
  readLibrary(await PROTOCOL_LIBRARY_ITEM.get());
  // The same file imported again replaces nothing.
  return { protocol, replaced: earlier && earlier !== key ? earlier.slice(protocol.id.length + 1) : undefined };
}

/** Takes an imported protocol off the list of those a new escalation may follow; its definitions stay for the escalations that followed it. */
export async function removeImportedProtocol(id: string): Promise<void> {
  const library = await PROTOCOL_LIBRARY_ITEM.get();
  await PROTOCOL_LIBRARY_ITEM.set({ ...library, imported: library.imported.filter((k) => !k.startsWith(`${id}@`)) });
  readLibrary(await PROTOCOL_LIBRARY_ITEM.get());
}

/**
 * Background only: keeps the organisation's valid protocols (and the built-ins, so an update of the extension
 * never loses a version an escalation follows) in the library, and makes the organisation's current.
 */
export async function keepDefinitions(organisation: readonly Protocol[]): Promise<void> {
  const library = await PROTOCOL_LIBRARY_ITEM.get();
  const next = withDefinitions(library, [...builtInProtocols(), ...organisation]);
  await PROTOCOL_LIBRARY_ITEM.setIfChanged({ ...next, organisation: organisation.map(protocolKey) });
}

/** Keeps definitions a backup carries, for the escalations it restores. */
export async function keepBackupDefinitions(list: readonly Protocol[]): Promise<void> {
  const usable = list.filter((p) => !definitionConflict(p));
  await PROTOCOL_LIBRARY_ITEM.setIfChanged(withDefinitions(await PROTOCOL_LIBRARY_ITEM.get(), usable));
  rememberDefinitions(usable);
}
