// A small key-value store in the extension's own IndexedDB, for what a record page's script must never
// write. A content script's `indexedDB` is the page origin's, never the extension's, in Firefox as in Chrome,
// whereas Firefox lets content scripts read and write `storage.local` (no setAccessLevel: Mozilla bug 1724754).
// The raw API, not Dexie: the panels read this before their first paint, and Dexie (the records' database
// code) is loaded only when a page needs the records. Changes are announced on a BroadcastChannel of the
// extension's origin, naming the key only: a listener reads the value again from the store, so a message
// from anywhere else could at most cause a re-read.

const DATABASE = 'extension-store';
const ITEMS = 'items';
const CHANNEL = 'extension-store-changes';

type Listener = (key: string) => void;

/** Where a page that the browser refuses IndexedDB reads and writes the store instead (the background, by message). */
export interface Remote {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  /** Calls back with each key changed; returns a function that stops. */
  changes(callback: (key: string) => void): () => void;
}

export interface ExtensionStore {
  get(key: string): Promise<unknown>;
  /** Every key and value (the test builds' view of what is kept). */
  getAll(): Promise<Record<string, unknown>>;
  set(key: string, value: unknown): Promise<void>;
  /** Calls back after each change to `key` made in any of the extension's pages or its background. */
  watch(key: string, callback: () => void): () => void;
  /** Calls back with the key of each change made here or in another first-party context (the background passes them on to framed pages). */
  watchAll(callback: (key: string) => void): () => void;
}

/** The raw operations, for a migration that runs before the store answers anything else. */
export interface StoreTransaction {
  get(key: string): Promise<unknown>;
  /** Puts each value (not undefined) whose key holds nothing yet; resolves to the keys it put. */
  putMissing(values: Record<string, unknown>): Promise<string[]>;
}

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
const done = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('The extension’s store could not be written.'));
  });

function openDatabase(): Promise<IDBDatabase> {
  const opening = indexedDB.open(DATABASE, 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore(ITEMS);
  return request(opening);
}

/**
 * The store for this context (one connection, opened on first use). `firstOpen` runs once, before any other
 * read or write is answered (the migration from storage.local).
 */
export function extensionStore(firstOpen: (tx: StoreTransaction) => Promise<void>, remote?: Remote): ExtensionStore {
  let ready: Promise<IDBDatabase> | undefined;
  const listeners = new Map<string, Set<() => void>>();
  const everything = new Set<Listener>();
  let channel: BroadcastChannel | undefined;
  const heard: Listener = (key) => listeners.get(key)?.forEach((l) => l());
  /** A change in this context or another of the extension's (not one the background passed on). */
  const changed: Listener = (key) => {
    heard(key);
    everything.forEach((l) => l(key));
  };
  /** Refused IndexedDB (once refused, always: the page's context does not change). */
  let refused = false;
  let hearingRemote = false;
  /** A page refused IndexedDB hears changes from the background (its BroadcastChannel is not the extension's). */
  const hearRemote = () => {
    if (hearingRemote || !refused || !remote || (!listeners.size && !everything.size)) return;
    hearingRemote = true;
    remote.changes(heard);
  };
  const changes = () => {
    if (!channel && typeof BroadcastChannel !== 'undefined') {
      channel = new BroadcastChannel(CHANNEL);
      channel.onmessage = ({ data }) => typeof data === 'string' && changed(data);
      (channel as { unref?: () => void }).unref?.(); // Node (unit tests): never keeps the process alive
    }
    return channel;
  };

  const raw = (db: IDBDatabase): StoreTransaction => ({
    get: (key) => request(db.transaction(ITEMS).objectStore(ITEMS).get(key)),
    async putMissing(values) {
      const tx = db.transaction(ITEMS, 'readwrite');
      const items = tx.objectStore(ITEMS);
      const put: string[] = [];
      // Checked and put in one transaction: a value written meanwhile by another page is never replaced.
      await Promise.all(
        Object.entries(values).map(async ([key, value]) => {
          if (value === undefined || (await request(items.get(key))) !== undefined) return;
          items.put(value, key);
          put.push(key);
        }),
      );
      await done(tx);
      return put;
    },
  });
  const db = () =>
    (ready ??= openDatabase().then(async (opened) => {
      // Never hold up a later version of the extension that changes (or deletes) the store: let go, and open
      // it again when next asked.
      opened.onversionchange = () => {
        opened.close();
        ready = undefined;
      };
      await firstOpen(raw(opened));
      return opened;
    })).catch((error: unknown) => {
      ready = undefined; // try again next time (a page opened while another version upgraded it)
      throw error;
    });

  /** The database, or null when this page is refused it and may ask the background instead. */
  const local = async () => {
    if (refused && remote) return null;
    try {
      return await db();
    } catch (error) {
      if (!remote) throw error;
      refused = true;
      hearRemote();
      return null;
    }
  };

  return {
    async get(key) {
      const here = await local();
      return here ? raw(here).get(key) : remote!.get(key);
    },
    async getAll() {
      const items = (await db()).transaction(ITEMS).objectStore(ITEMS);
      const [keys, values] = await Promise.all([request(items.getAllKeys()), request(items.getAll())]);
      return Object.fromEntries(keys.map((k, i) => [String(k), values[i]]));
    },
    async set(key, value) {
      const here = await local();
      if (!here) {
        await remote!.set(key, value);
        heard(key);
        return;
      }
      const tx = here.transaction(ITEMS, 'readwrite');
      tx.objectStore(ITEMS).put(value, key);
      await done(tx);
      changed(key);
      changes()?.postMessage(key);
    },
    watch(key, callback) {
      changes();
      const forKey = listeners.get(key) ?? new Set();
      listeners.set(key, forKey);
      forKey.add(callback);
      hearRemote();
      return () => void forKey.delete(callback);
    },
    watchAll(callback) {
      changes();
      everything.add(callback);
      return () => void everything.delete(callback);
    },
  };
}
