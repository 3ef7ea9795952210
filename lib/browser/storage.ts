// Every key the extension keeps, defined once: where it is kept, its type, what it is when absent, and a check
// of what was read (a value is never trusted to have the right shape). Nowhere else names a key.
// Where: what a record page's script must never write (who the worker is, their settings, the adapters and
// protocols, the reminders already shown, ...) is in the extension's own IndexedDB (lib/browser/extension-store.ts),
// which content scripts cannot open in any browser; what lasts only for the browser session is in storage.session,
// which neither Chrome nor Firefox gives content scripts. storage.local holds only the test builds' stand-ins.
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import type { AdapterHealth } from '../hosts/health';
import type { HostAdapter } from '../hosts/schema';
import type { PanelPlacement, PanelSide } from '../messages/types';
import type { ChipPlace } from '../chip/place';
import type { ResolvedSettings } from '../settings';
import type { TabReadings } from '../tabs/readings';
import type { Session } from '../sync/oidc';
import type { Sender } from './messaging';
import { extensionStore, type StoreTransaction } from './extension-store';
import { framedPagesStore } from '../messages/framed-pages-store';

export interface StoredItem<T> {
  readonly key: string;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Writes only when the value differs from what is stored (each write wakes every listener). */
  setIfChanged(value: T): Promise<void>;
  /** Calls back with each new value; returns a function that stops. */
  watch(callback: (value: T) => void): () => void;
}

/** The raw operations an item needs, from whichever place keeps it. */
interface Place {
  get(): Promise<unknown>;
  set(value: unknown): Promise<void>;
  watch(callback: (value: unknown) => void): () => void;
}

function checkedItem<T>(key: string, place: Place, fallback: T, isValid: (value: unknown) => boolean): StoredItem<T> {
  const checked = (value: unknown): T => (value !== undefined && value !== null && isValid(value) ? (value as T) : fallback);
  return {
    key,
    get: async () => checked(await place.get()),
    set: (value) => place.set(value),
    async setIfChanged(value) {
      if (JSON.stringify(checked(await place.get())) !== JSON.stringify(value)) await place.set(value);
    },
    watch: (callback) => place.watch((value) => callback(checked(value))),
  };
}

/** An item in the browser's extension storage (session, or the test builds' stand-ins in local). */
function item<T>(key: StorageItemKey, fallback: T, isValid: (value: unknown) => boolean): StoredItem<T> {
  const stored = storage.defineItem<T | null>(key, { fallback: null });
  return checkedItem(
    key,
    {
      get: () => stored.getValue(),
      set: (value) => stored.setValue(value as T),
      watch(callback) {
        try {
          return stored.watch(callback);
        } catch {
          return () => undefined; // the area is not given to this page (Firefox: storage.session in a framed page)
        }
      },
    },
    fallback,
    isValid,
  );
}

/**
 * The keys moved from storage.local into the extension's store, under the same names. An earlier version kept
 * them there, where Firefox's content scripts can write them.
 */
const MOVED_FROM_LOCAL: string[] = [];
/** Set in the store once every moved key was copied: storage.local is never read for them again. */
const MOVED_MARK = '__movedFromStorageLocal';

/**
 * Copies each moved key's value from storage.local into the store (never over a value the store already has),
 * then removes them from storage.local. Runs in each context before its first read of the store; once the mark is
 * set it reads nothing more, so what a content script writes to storage.local afterwards is never read.
 */
export async function moveFromStorageLocal(tx: StoreTransaction): Promise<void> {
  if ((await tx.get(MOVED_MARK)) !== undefined) return;
  const old = (await browser.storage.local.get(MOVED_FROM_LOCAL)) as Record<string, unknown>;
  await tx.putMissing(old);
  await tx.putMissing({ [MOVED_MARK]: new Date().toISOString() });
  await browser.storage.local.remove(MOVED_FROM_LOCAL);
}

const store = extensionStore(moveFromStorageLocal, {
  // A framed page the browser refuses IndexedDB asks the background (lib/messages/framed-pages-store.ts).
  get: (key) => framedPagesStore.send('storeRead', key),
  async set(key, value) {
    if (!(await framedPagesStore.send('storeWrite', { key, value }))) throw new Error('The extension’s store could not be written.');
  },
  changes: (callback) => framedPagesStore.handle({ storeChanged: (key) => void (typeof key === 'string' && callback(key)) }),
});

/**
 * Background only: answers the framed pages' reads and writes of the store (extension pages only, and only the keys
 * defined here), and tells every extension page of each change.
 */
export function serveStoreToFramedPages(isOwnPage: (sender: Sender) => boolean): void {
  const known = (key: unknown): key is string => typeof key === 'string' && MOVED_FROM_LOCAL.includes(key);
  framedPagesStore.handle({
    storeRead: (key, sender) => (isOwnPage(sender) && known(key) ? store.get(key) : undefined),
    storeWrite: ({ key, value }, sender) =>
      isOwnPage(sender) && known(key)
        ? store.set(key, value).then(
            () => true,
            () => false,
          )
        : false,
  });
  store.watchAll((key) => void framedPagesStore.send('storeChanged', key).catch(() => undefined));
}

/** Test and development builds only (the background puts it on its global): what the browser tests read and set. */
export const storeForTests = { get: store.get, getAll: store.getAll, set: store.set };

/** An item in the extension's own IndexedDB (out of content scripts' reach). */
function kept<T>(key: string, fallback: T, isValid: (value: unknown) => boolean): StoredItem<T> {
  MOVED_FROM_LOCAL.push(key);
  return checkedItem(
    key,
    {
      get: () => store.get(key),
      set: (value) => store.set(key, value),
      watch: (callback) => store.watch(key, () => void store.get(key).then(callback, () => undefined)),
    },
    fallback,
    isValid,
  );
}

/**
 * storage.local for the extension's own pages and its service worker only, where the browser has the switch
 * (Chrome and Edge: setAccessLevel; Firefox has none, bug 1724754). Nothing that decides deadlines or who the
 * worker is is kept there any more (the store above); this keeps a record page's script from even the test
 * builds' stand-ins. The record-page script gets what it needs by message (pageSetup). Resolves to whether it applied.
 */
export async function restrictStorageToExtension(): Promise<boolean> {
  const local = browser.storage.local as { setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void> };
  if (!local.setAccessLevel) return false;
  try {
    await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch {
    return false; // an older browser that allows it for storage.session only
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => typeof v === 'string' && v.length <= 200;

/** Who the worker is ("About you"): remembered on this device for the start form and case notes. */
export interface Worker {
  name: string;
  role: string;
  agency: string;
}
export const WORKER_ITEM = kept<Worker | null>('worker', null, (v) => isRecord(v) && text(v.name) && text(v.role) && text(v.agency));

/** Which side of the record page the in-page panel docks on. */
export const PANEL_SIDE_ITEM = kept<PanelSide>('panelSide', 'right', (v) => v === 'right' || v === 'left');

// Adapters are validated (zod, lib/hosts) before they are saved, so the record-page script can read
// them without carrying zod: here only their outline is checked.
const isAdapterList = (v: unknown) =>
  Array.isArray(v) && v.every((a) => isRecord(a) && typeof a.id === 'string' && Array.isArray(a.matches));

/** Site adapters the worker imported, corrected or picked. */
export const USER_ADAPTERS_ITEM = kept<HostAdapter[]>('userAdapters', [], isAdapterList);

/** The organisation's adapters, validated by the background from policy and kept here for the record-page script. */
export const MANAGED_ADAPTERS_ITEM = kept<HostAdapter[]>('managedAdapters', [], isAdapterList);

/** The worker’s own settings (validated with the policy’s by lib/settings/resolve.ts resolveSettings). */
export const USER_SETTINGS_ITEM = kept<Record<string, unknown>>('userSettings', {}, isRecord);

/** Test and development builds only: stands in for an enterprise policy in the browser tests. */
export const TEST_MANAGED_ITEM = item<Record<string, unknown> | null>('local:__testManagedSettings', null, isRecord);
/** Test and development builds only: how long the stand-in policy store takes to answer (a slow one at browser start). */
export const TEST_POLICY_DELAY_ITEM = item<number>('local:__testPolicyStoreDelayMs', 0, (v) => typeof v === 'number' && v >= 0);

/**
 * The organisation's policy as the policy store last gave it (null: it answered that there is none), and when.
 * Used while the store has not answered a later reading (lib/browser/settings.ts): settings are never resolved
 * as if there were no policy only because the store is slow.
 */
export interface LastPolicy {
  policy: Record<string, unknown> | null;
  readAt: string;
}
export const LAST_POLICY_ITEM = kept<LastPolicy | null>(
  'lastPolicy',
  null,
  (v) => isRecord(v) && typeof v.readAt === 'string' && (v.policy === null || isRecord(v.policy)),
);

/** Each adapter's health per site and path shape (lib/hosts/health.ts): dates and counts, never a child's ID. */
export const ADAPTER_HEALTH_ITEM = kept<AdapterHealth>('adapterHealth', {}, isRecord);

/** Reminders already shown, so none is shown twice (kept across restarts). */
export const SENT_REMINDERS_ITEM = kept<string[]>('sentReminders', [], (v) => Array.isArray(v) && v.every((k) => typeof k === 'string'));

/**
 * What each open tab's frames have read (lib/tab-readings.ts), kept for the browser session so a restarted
 * service worker still knows which child each tab shows. Session storage is closed to record pages by default.
 */
export const TAB_READINGS_ITEM = item<TabReadings>('session:tabReadings', {}, isRecord);

/** Where the panel opens and what the chip shows, as resolved from policy and the worker's settings: kept here by the
 * background so a record page's chip never waits on the policy store (which can take seconds at browser start). */
export interface LauncherSettings {
  placement: PanelPlacement;
  chipShowsStatus: boolean;
  /** Whether record pages show the chip at all (absent in what an earlier version kept: shown). */
  showChip?: boolean;
}
export const LAUNCHER_ITEM = kept<LauncherSettings>(
  'launcher',
  { placement: 'side-panel', chipShowsStatus: true, showChip: true },
  (v) =>
    isRecord(v) &&
    (v.placement === 'side-panel' || v.placement === 'in-page') &&
    typeof v.chipShowsStatus === 'boolean' &&
    (v.showChip === undefined || typeof v.showChip === 'boolean'),
);

/**
 * Where the worker put the record page's chip (corner, collapsed), per case-record site (origin). Written only by
 * the chip's own frame, an extension page; kept in the extension's own store, out of the record page's reach.
 */
export const CHIP_PLACES_ITEM = kept<Record<string, ChipPlace>>('chipPlaces', {}, isRecord);

/**
 * The settings as the background last resolved them (lib/settings/resolve.ts), with what they were resolved
 * from (`from`: lib/browser/settings.ts), so a page can use them without loading the schema library before its
 * first paint. Session storage: the extension's pages and service worker only, and gone when the browser or the
 * extension restarts (which resolves them again).
 */
export interface KeptSettings {
  from: string;
  /** What they were made from apart from the policy (the worker's settings, the imported protocols). */
  mine: string;
  settings: ResolvedSettings;
}
export const KEPT_SETTINGS_ITEM = item<KeptSettings | null>(
  'session:resolvedSettings',
  null,
  (v) =>
    v === null ||
    (isRecord(v) &&
      typeof v.from === 'string' &&
      typeof v.mine === 'string' &&
      isRecord(v.settings) &&
      isRecord(v.settings.values) &&
      isRecord(v.settings.source) &&
      isRecord(v.settings.policy) &&
      Array.isArray(v.settings.warnings)),
);

/**
 * Every protocol definition this device holds beyond the built-in code (lib/protocols): the versions the worker
 * imported, those the organisation deployed, and every earlier version of them that an escalation may still
 * follow. `imported` and `organisation` name which definitions are current for each, as `id@version`;
 * `builtInsKept` names the built-in versions kept in BUILT_IN_ARCHIVE_ITEM. Read by every page before its first
 * paint, so it stays small. Each definition is validated again when read (lib/browser/protocols.ts).
 */
export interface ProtocolLibrary {
  definitions: unknown[];
  imported: string[];
  organisation: string[];
  builtInsKept: string[];
}
const isKeyList = (v: unknown) => Array.isArray(v) && v.every((k) => typeof k === 'string');
export const PROTOCOL_LIBRARY_ITEM = kept<ProtocolLibrary>(
  'protocolLibrary',
  { definitions: [], imported: [], organisation: [], builtInsKept: [] },
  (v) => isRecord(v) && Array.isArray(v.definitions) && isKeyList(v.imported) && isKeyList(v.organisation) && isKeyList(v.builtInsKept),
);

/**
 * Every version of the built-in protocols this device has run, kept so an escalation that started under one still
 * follows it after an update of the extension changes it. Read only when the library names a version the code no
 * longer has.
 */
export const BUILT_IN_ARCHIVE_ITEM = kept<unknown[]>('builtInProtocolArchive', [], Array.isArray);

// ── The team store (lib/sync/, lib/browser/team-sync.ts) ─────────────────────────────────────────────────────────

/**
 * The team-server sign-in: the access token, who it is for and until when. Session storage: trusted contexts only,
 * and gone when the browser closes (an identity provider's refresh token for an extension lasts a day at most).
 */
export const TEAM_SESSION_ITEM = item<Session | null>(
  'session:teamSession',
  null,
  (v) => isRecord(v) && typeof v.accessToken === 'string' && typeof v.subject === 'string' && typeof v.expiresAt === 'number',
);
