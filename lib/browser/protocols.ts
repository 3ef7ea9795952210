// The protocols kept in extension storage (imported by the worker, deployed by the organisation, earlier
// versions escalations follow), read into lib/protocols' catalogue. Every page that shows an escalation waits
// for `protocolsReady()` before it draws one; the background keeps the organisation's and the built-ins'
// definitions here so a page never has to wait on the policy store.
import {
  builtInProtocols,
  definitionConflict,
  protocolCatalogue,
  type CatalogueEntry,
  knownDefinitions,
  protocolKey,
  rememberDefinitions,
  setProtocols,
  type Protocol,
} from '../protocols';
import { BUILT_IN_ARCHIVE_ITEM, PROTOCOL_LIBRARY_ITEM, type ProtocolLibrary } from './storage';
import { messageOf } from '../errors';

/** The `id@version` of a stored definition (not yet validated: '' when it is not an object). */
const storedKey = (d: unknown) => (typeof d === 'object' && d !== null ? `${(d as Protocol).id}@${(d as Protocol).version}` : '');

/**
 * Validates stored definitions (storage is shared: never trusted) and keeps those that are valid and not known
 * yet. The schema (lib/protocols/read.ts) is loaded only when there is one to check: a device with only the
 * built-ins draws its first escalation without it.
 */
async function rememberStored(definitions: readonly unknown[]): Promise<void> {
  const known = new Set(knownDefinitions().map(protocolKey));
  const unknown = definitions.filter((d) => !known.has(storedKey(d)));
  if (!unknown.length) return;
  const { parseProtocol } = await import('../protocols/read');
  const valid: Protocol[] = [];
  for (const definition of unknown) {
    try {
      valid.push(parseProtocol(definition));
    } catch (error) {
      console.warn('A stored protocol is not valid and was left out:', messageOf(error));
    }
  }
  rememberDefinitions(valid);
}

let reading: Promise<void> = Promise.resolve();
/** One reading at a time, in the order storage changed: an older library never lands after a newer one. */
function readLibrary(library: ProtocolLibrary): Promise<void> {
  const next = reading.then(() => applyLibrary(library));
  reading = next.catch(() => undefined);
  return next;
}

async function applyLibrary(library: ProtocolLibrary): Promise<void> {
  await rememberStored(library.definitions);
  // A built-in version this code no longer has (the extension was updated): its kept copy, for the escalations that follow it.
  const inCode = new Set(builtInProtocols().map(protocolKey));
  if (library.builtInsKept.some((key) => !inCode.has(key))) await rememberStored(await BUILT_IN_ARCHIVE_ITEM.get());
  const byKey = new Map(knownDefinitions().map((p) => [protocolKey(p), p]));
  const current = (keys: string[]) => keys.flatMap((k) => (byKey.has(k) ? [byKey.get(k)!] : []));
  setProtocols('imported', current(library.imported));
  setProtocols('organisation', current(library.organisation));
}

let ready: Promise<void> | undefined;

/**
 * Reads the stored protocols once per page (and again whenever they change). `stored`: a reading the page began
 * as it started (components/panel/opening-questions.ts), before this code had loaded.
 */
export function protocolsReady(stored?: Promise<ProtocolLibrary>): Promise<void> {
  if (!ready) {
    // The built-ins' earlier versions come with it (fetched apart from the page's first load): the stored library
    // is read against every definition this code has, and an escalation may follow one of them.
    const earlier = import('../protocols/earlier-built-in').then((m) => m.knowEarlierBuiltIns());
    ready = Promise.all([stored ?? PROTOCOL_LIBRARY_ITEM.get(), earlier]).then(([library]) => readLibrary(library));
    PROTOCOL_LIBRARY_ITEM.watch((library) => void readLibrary(library));
    // That reading began before the watch did: read once more, in case the protocols changed in between.
    if (stored)
      void PROTOCOL_LIBRARY_ITEM.get()
        .then(readLibrary)
        .catch(() => undefined);
  }
  return ready;
}

/** Adds definitions to the library, never replacing one already kept under the same id and version. */
function withDefinitions(library: ProtocolLibrary, list: readonly Protocol[]): ProtocolLibrary {
  const keys = new Set(library.definitions.map(storedKey));
  const added = list.filter((p) => !keys.has(protocolKey(p)));
  return added.length ? { ...library, definitions: [...library.definitions, ...added] } : library;
}

export interface ImportResult {
  protocol: Protocol;
  /** The version it replaced as current, if any. */
  replaced?: string;
  /** What new escalations follow for this id now, read back after storing (an organisation's stays first). */
  current: CatalogueEntry;
}

/** What new escalations follow for an id, read back from the catalogue; undefined when none. */
const currentFor = (id: string) => protocolCatalogue().find((e) => e.protocol.id === id);

/** Imports a protocol file: validated, then kept and made current for its id. Refused (nothing changes) when invalid or in conflict. */
export async function importProtocolFile(text: string): Promise<ImportResult> {
  await protocolsReady();
  const { readProtocolFile } = await import('../protocols/read');
  const protocol = readProtocolFile(text);
  const conflict = definitionConflict(protocol);
  if (conflict) throw new Error(`${conflict.charAt(0).toUpperCase()}${conflict.slice(1)}.`);
  const library = await PROTOCOL_LIBRARY_ITEM.get();
  const key = protocolKey(protocol);
  const earlier = library.imported.find((k) => k.startsWith(`${protocol.id}@`));
  const next = withDefinitions(library, [protocol]);
  await PROTOCOL_LIBRARY_ITEM.set({ ...next, imported: [...library.imported.filter((k) => k !== earlier), key] });
  const stored = await PROTOCOL_LIBRARY_ITEM.get();
  await readLibrary(stored);
  // Say it was imported only once storage is seen to hold it.
  if (!stored.imported.includes(key) || !stored.definitions.some((d) => storedKey(d) === key)) {
    throw new Error('The protocol could not be saved in this browser’s storage; nothing was imported.');
  }
  return {
    protocol,
    // The same file imported again replaces nothing.
    replaced: earlier && earlier !== key ? earlier.slice(protocol.id.length + 1) : undefined,
    current: currentFor(protocol.id)!,
  };
}

/**
 * Takes an imported protocol off the list of those a new escalation may follow; its definitions stay for the
 * escalations that followed it. Resolves to what new escalations follow for that id now (a built-in or the
 * organisation's of the same id), or undefined when none.
 */
export async function removeImportedProtocol(id: string): Promise<CatalogueEntry | undefined> {
  const library = await PROTOCOL_LIBRARY_ITEM.get();
  await PROTOCOL_LIBRARY_ITEM.set({ ...library, imported: library.imported.filter((k) => !k.startsWith(`${id}@`)) });
  await readLibrary(await PROTOCOL_LIBRARY_ITEM.get());
  return currentFor(id);
}

/**
 * Background only: keeps the organisation's valid protocols in the library and makes them current, and keeps a
 * copy of each built-in version this code has (so an update of the extension never loses a version an
 * escalation follows).
 */
export async function keepDefinitions(organisation: readonly Protocol[]): Promise<void> {
  const library = await PROTOCOL_LIBRARY_ITEM.get();
  const unkept = builtInProtocols().filter((p) => !library.builtInsKept.includes(protocolKey(p)));
  if (unkept.length) {
    // Two starts at once (installed and settings changed) must not keep a version twice.
    const archive = await BUILT_IN_ARCHIVE_ITEM.get();
    const archived = new Set(archive.map(storedKey));
    const toArchive = unkept.filter((p) => !archived.has(protocolKey(p)));
    if (toArchive.length) await BUILT_IN_ARCHIVE_ITEM.set([...archive, ...toArchive]);
  }
  const next = withDefinitions(library, organisation);
  await PROTOCOL_LIBRARY_ITEM.setIfChanged({
    ...next,
    organisation: organisation.map(protocolKey),
    builtInsKept: [...new Set([...library.builtInsKept, ...unkept.map(protocolKey)])],
  });
}

/** Keeps definitions a backup carries (already checked by lib/db/backup.ts), for the escalations it restores. */
export async function keepBackupDefinitions(list: readonly Protocol[]): Promise<void> {
  await PROTOCOL_LIBRARY_ITEM.setIfChanged(withDefinitions(await PROTOCOL_LIBRARY_ITEM.get(), list));
}

/**
 * The definitions the library keeps (from backups, or imported before) that nothing needs: not current for new
 * escalations (imported, the organisation's), not built in, and followed by no escalation in `inUse` (`id@version`).
 */
export async function definitionsNothingFollows(inUse: ReadonlySet<string>): Promise<{ key: string; title: string }[]> {
  const library = await PROTOCOL_LIBRARY_ITEM.get();
  const needed = new Set([...library.imported, ...library.organisation, ...builtInProtocols().map(protocolKey), ...inUse]);
  return library.definitions.flatMap((d) => {
    const key = storedKey(d);
    const title = (d as { title?: unknown }).title;
    return key && !needed.has(key) ? [{ key, title: typeof title === 'string' ? title.slice(0, 200) : key }] : [];
  });
}

/** Removes a kept definition from the library, if nothing needs it (checked again here against `inUse`). */
export async function forgetDefinition(key: string, inUse: ReadonlySet<string>): Promise<boolean> {
  if (!(await definitionsNothingFollows(inUse)).some((d) => d.key === key)) return false;
  const library = await PROTOCOL_LIBRARY_ITEM.get();
  await PROTOCOL_LIBRARY_ITEM.set({ ...library, definitions: library.definitions.filter((d) => storedKey(d) !== key) });
  return !(await PROTOCOL_LIBRARY_ITEM.get()).definitions.some((d) => storedKey(d) === key);
}
