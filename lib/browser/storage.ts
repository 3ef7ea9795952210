// Every key the extension keeps in the browser's extension storage, defined once: its area, its
// type, what it is when absent, and a check of what was read (storage is shared by every context,
// so a value is never trusted to have the right shape). Nowhere else names a storage key.
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import type { AdapterHealth } from '../hosts/health';
import type { HostAdapter } from '../hosts/schema';
import type { PanelPlacement, PanelSide } from '../messages/types';
import type { ChipPlace } from '../page/chip-place';
import type { ResolvedSettings } from '../settings';
import type { TabReadings } from '../tab-readings';
import type { Session } from '../sync/oidc';

export interface StoredItem<T> {
  readonly key: StorageItemKey;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Writes only when the value differs from what is stored (each write wakes every listener). */
  setIfChanged(value: T): Promise<void>;
  /** Calls back with each new value; returns a function that stops. */
  watch(callback: (value: T) => void): () => void;
}

function item<T>(key: StorageItemKey, fallback: T, isValid: (value: unknown) => boolean): StoredItem<T> {
  const stored = storage.defineItem<T>(key, { fallback });
  const checked = (value: unknown): T => (isValid(value) ? (value as T) : fallback);
  return {
    key,
    get: async () => checked(await stored.getValue()),
    set: (value) => stored.setValue(value),
    async setIfChanged(value) {
      if (JSON.stringify(await stored.getValue()) !== JSON.stringify(value)) await stored.setValue(value);
    },
    watch: (callback) => stored.watch((value) => callback(checked(value))),
  };
}

/**
 * Extension storage for the extension's own pages and its service worker only. By default a record page's
 * script could read and write it, and so could anything that compromised a granted site's renderer: the
 * worker's name, role and agency, closure days that move every deadline, reminders, the adapters. Chrome
 * and Edge take the restriction (storage.local.setAccessLevel); the record-page script then gets what it
 * needs by message (lib/messages/record-page-to-extension.ts pageSetup). Firefox has no such switch for
 * storage.local (bug 1724754): there the page's script can still reach it. Resolves to whether it applied.
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
export const WORKER_ITEM = item<Worker | null>('local:worker', null, (v) => isRecord(v) && text(v.name) && text(v.role) && text(v.agency));

/** Which side of the record page the in-page panel docks on. */
export const PANEL_SIDE_ITEM = item<PanelSide>('local:panelSide', 'right', (v) => v === 'right' || v === 'left');

// Adapters are validated (zod, lib/hosts) before they are saved, so the record-page script can read
// them without carrying zod: here only their outline is checked.
const isAdapterList = (v: unknown) =>
  Array.isArray(v) && v.every((a) => isRecord(a) && typeof a.id === 'string' && Array.isArray(a.matches));

/** Site adapters the worker imported, corrected or picked. */
export const USER_ADAPTERS_ITEM = item<HostAdapter[]>('local:userAdapters', [], isAdapterList);

/** The organisation's adapters, validated by the background from policy and kept here for the record-page script. */
export const MANAGED_ADAPTERS_ITEM = item<HostAdapter[]>('local:managedAdapters', [], isAdapterList);

/** The worker’s own settings (validated with the policy’s by lib/settings/resolve.ts resolveSettings). */
export const USER_SETTINGS_ITEM = item<Record<string, unknown>>('local:userSettings', {}, isRecord);

/** Test and development builds only: stands in for an enterprise policy in the browser tests. */
export const TEST_MANAGED_ITEM = item<Record<string, unknown> | null>('local:__testManagedSettings', null, isRecord);

/** Reminders already shown, so none is shown twice (kept across restarts). */
/** Each adapter's health per site and path shape (lib/hosts/health.ts): dates and counts, never a child's ID. */
export const ADAPTER_HEALTH_ITEM = item<AdapterHealth>('local:adapterHealth', {}, isRecord);

export const SENT_REMINDERS_ITEM = item<string[]>(
  'local:sentReminders',
  [],
  (v) => Array.isArray(v) && v.every((k) => typeof k === 'string'),
);

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
export const LAUNCHER_ITEM = item<LauncherSettings>(
  'local:launcher',
  { placement: 'side-panel', chipShowsStatus: true, showChip: true },
  (v) =>
    isRecord(v) &&
    (v.placement === 'side-panel' || v.placement === 'in-page') &&
    typeof v.chipShowsStatus === 'boolean' &&
    (v.showChip === undefined || typeof v.showChip === 'boolean'),
);

/**
 * Where the worker put the record page's chip (corner, collapsed), per case-record site (origin). Written only by
 * the chip's own frame, an extension page: in Chrome and Edge the record page's script cannot write it.
 */
export const CHIP_PLACES_ITEM = item<Record<string, ChipPlace>>('local:chipPlaces', {}, isRecord);

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
export const PROTOCOL_LIBRARY_ITEM = item<ProtocolLibrary>(
  'local:protocolLibrary',
  { definitions: [], imported: [], organisation: [], builtInsKept: [] },
  (v) => isRecord(v) && Array.isArray(v.definitions) && isKeyList(v.imported) && isKeyList(v.organisation) && isKeyList(v.builtInsKept),
);

/**
 * Every version of the built-in protocols this device has run, kept so an escalation that started under one still
 * follows it after an update of the extension changes it. Read only when the library names a version the code no
 * longer has.
 */
export const BUILT_IN_ARCHIVE_ITEM = item<unknown[]>('local:builtInProtocolArchive', [], Array.isArray);

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
