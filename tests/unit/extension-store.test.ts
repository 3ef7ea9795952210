// What a record page's script must never write is kept in the extension's own IndexedDB (lib/browser/storage.ts,
// lib/browser/extension-store.ts), moved there from storage.local, where an earlier version kept it and where
// Firefox's content scripts can write. Each "context" is a fresh copy of the modules over the same storage, as a
// page or the background starts.
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetExtensionStorage } from './fixtures/extension-store';

async function context() {
  vi.resetModules();
  return import('../../lib/browser/storage');
}

/** Everything an earlier version kept in storage.local, as it kept it. */
const EARLIER = {
  worker: { name: 'Jo Patel', role: 'Social Worker', agency: 'Ourshire CSC' },
  panelSide: 'left',
  userAdapters: [{ id: 'ourshire', name: 'Ourshire Mosaic', matches: ['https://mosaic.ourshire.gov.uk/*'] }],
  managedAdapters: [{ id: 'org', name: 'Organisation Mosaic', matches: ['https://mosaic.example/*'] }],
  userSettings: { reminders: true, quietOutsideWorkingHours: true, retentionMonths: 36, defaultProtocol: 'halton' },
  adapterHealth: { ourshire: { 'https://mosaic.ourshire.gov.uk': { '/person/#': { misses: 1, lastFound: '2026-11-30' } } } },
  sentReminders: ['ESC-1:due:2026-11-20', 'ESC-2:overdue:2026-11-21'],
  launcher: { placement: 'in-page', chipShowsStatus: false },
  protocolLibrary: {
    definitions: [{ id: 'glen-moray', version: '2' }],
    imported: ['glen-moray@2'],
    organisation: [],
    builtInsKept: ['halton@1'],
  },
  builtInProtocolArchive: [{ id: 'halton', version: '1' }],
};

/** Each item, read through its definition. */
async function readAll(storage: Awaited<ReturnType<typeof context>>) {
  return {
    worker: await storage.WORKER_ITEM.get(),
    panelSide: await storage.PANEL_SIDE_ITEM.get(),
    userAdapters: await storage.USER_ADAPTERS_ITEM.get(),
    managedAdapters: await storage.MANAGED_ADAPTERS_ITEM.get(),
    userSettings: await storage.USER_SETTINGS_ITEM.get(),
    adapterHealth: await storage.ADAPTER_HEALTH_ITEM.get(),
    sentReminders: await storage.SENT_REMINDERS_ITEM.get(),
    launcher: await storage.LAUNCHER_ITEM.get(),
    protocolLibrary: await storage.PROTOCOL_LIBRARY_ITEM.get(),
    builtInProtocolArchive: await storage.BUILT_IN_ARCHIVE_ITEM.get(),
  };
}

beforeEach(resetExtensionStorage);

describe('moving what was kept in storage.local', () => {
  it('keeps every value, reads each back identical, and clears the old keys', async () => {
    await fakeBrowser.storage.local.set(EARLIER);
    const storage = await context();
    expect(await readAll(storage)).toEqual(EARLIER);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await storage.storeForTests.getAll()).toMatchObject(EARLIER);
  });

  it('run again (another page, the background after a restart) changes nothing', async () => {
    await fakeBrowser.storage.local.set(EARLIER);
    await readAll(await context());
    const before = await (await context()).storeForTests.getAll();
    expect(await readAll(await context())).toEqual(EARLIER);
    expect(await (await context()).storeForTests.getAll()).toEqual(before);
  });

  it('two contexts starting at once both read every value', async () => {
    await fakeBrowser.storage.local.set(EARLIER);
    const [one, two] = [await context(), await context()];
    expect(await Promise.all([readAll(one), readAll(two)])).toEqual([EARLIER, EARLIER]);
  });

  it('what is written to storage.local afterwards (a content script in Firefox) is never read', async () => {
    await fakeBrowser.storage.local.set(EARLIER);
    await readAll(await context());
    await fakeBrowser.storage.local.set({
      worker: { name: 'Mallory', role: 'Nobody', agency: 'Elsewhere' },
      userSettings: { reminders: false, closureDays: { '2026-12-01': 'closed' } },
      launcher: { placement: 'side-panel', chipShowsStatus: true },
    });
    expect(await readAll(await context())).toEqual(EARLIER);
  });

  it('never replaces a value the store already holds with the old one', async () => {
    const storage = await context();
    await storage.WORKER_ITEM.set({ name: 'Sam Reid', role: 'Health Visitor', agency: 'Community Health' });
    await fakeBrowser.storage.local.set(EARLIER); // (only possible before the mark is set: cleared here to rerun it)
    await storage.storeForTests.set('__movedFromStorageLocal', undefined);
    const later = await context();
    expect(await later.WORKER_ITEM.get()).toEqual({ name: 'Sam Reid', role: 'Health Visitor', agency: 'Community Health' });
    expect(await later.PANEL_SIDE_ITEM.get()).toBe('left');
  });
});

describe('watching', () => {
  it('a change made in one context is heard in another, with the new value', async () => {
    const page = await context();
    const heard = vi.fn();
    page.USER_SETTINGS_ITEM.watch(heard);
    const background = await context();
    await background.USER_SETTINGS_ITEM.set({ reminders: true });
    await vi.waitFor(() => expect(heard).toHaveBeenCalledWith({ reminders: true }));
  });

  it('a change made in the same context is heard too', async () => {
    const storage = await context();
    const heard = vi.fn();
    storage.WORKER_ITEM.watch(heard);
    await storage.WORKER_ITEM.set({ name: 'Jo Patel', role: 'Social Worker', agency: 'CSC' });
    await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(1));
    expect(heard).toHaveBeenCalledWith({ name: 'Jo Patel', role: 'Social Worker', agency: 'CSC' });
  });
});

describe('a page the browser refuses IndexedDB (a framed page in a third-party context)', () => {
  it('reads and writes through the background, and hears the changes it passes on', async () => {
    vi.resetModules();
    const { extensionStore } = await import('../../lib/browser/extension-store');
    const background = new Map<string, unknown>([['worker', { name: 'Jo Patel', role: 'Social Worker', agency: 'CSC' }]]);
    let passOn: ((key: string) => void) | undefined;
    const refused = () => Promise.reject(new DOMException('The user denied permission to access the database.', 'UnknownError'));
    const framed = extensionStore(refused, {
      get: async (key) => background.get(key),
      set: async (key, value) => void background.set(key, value),
      changes: (callback) => ((passOn = callback), () => undefined),
    });
    const heard = vi.fn();
    framed.watch('panelSide', heard);
    expect(await framed.get('worker')).toEqual({ name: 'Jo Patel', role: 'Social Worker', agency: 'CSC' });
    await framed.set('panelSide', 'left');
    expect(background.get('panelSide')).toBe('left');
    expect(heard).toHaveBeenCalledTimes(1);
    passOn!('panelSide'); // the background says another page changed it
    expect(heard).toHaveBeenCalledTimes(2);
  });
});
