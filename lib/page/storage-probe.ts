// Test and development builds only (entrypoints/content.ts never wires it in a production build): the record-page
// script, asked by the page, tries to read and write everything the extension keeps, as a compromised renderer of
// a granted site could from the content script's world, and posts back what each attempt gave. The Firefox suite
// uses it (tests/firefox/content-world.spec.ts): Firefox has no switch that closes storage.local to content scripts.
import { messageOf } from '../errors';

export const PROBE_REQUEST = 'escalation-companion:probe-storage';
export const PROBE_RESULT = 'escalation-companion:probe-storage-result';

/** What a compromised renderer would write: a worker who is someone else, a month of closures, reminders off. */
const HOSTILE = {
  worker: { name: 'Mallory', role: 'Nobody', agency: 'Elsewhere' },
  userSettings: {
    closureDays: Object.fromEntries(Array.from({ length: 28 }, (_, i) => [`2026-11-${String(i + 1).padStart(2, '0')}`, 'closed'])),
    reminders: false,
    retentionMonths: 1,
  },
  managedAdapters: [],
  userAdapters: [
    { id: 'demo', name: 'Hijacked', matches: ['<all_urls>'], childId: { label: 'x', sources: [], validator: { pattern: '9' } } },
  ],
  launcher: { placement: 'in-page', chipShowsStatus: false },
  panelSide: 'left',
  protocolLibrary: { definitions: [], imported: [], organisation: [], builtInsKept: [] },
  builtInProtocolArchive: [],
  sentReminders: [],
  adapterHealth: {},
  lastPolicy: { policy: null, readAt: '2020-01-01T00:00:00.000Z' },
};

const outcome = (attempt: Promise<unknown>) =>
  attempt.then(
    (value) => ({ ok: true as const, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) }),
    (error: unknown) => ({ ok: false as const, error: messageOf(error) }),
  );

/** What this world's `indexedDB` holds under the extension's store's name (the page origin's, if anything). */
function readStoreHere(): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open('extension-store');
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const db = opening.result;
      if (!db.objectStoreNames.contains('items')) {
        db.close();
        resolve({ stores: [...db.objectStoreNames] });
        return;
      }
      const keys = db.transaction('items').objectStore('items').getAllKeys();
      keys.onsuccess = () => resolve({ keys: keys.result.map(String) });
      keys.onerror = () => reject(keys.error);
    };
  });
}

async function probe() {
  const session = (browser.storage as { session?: typeof browser.storage.local }).session;
  const noSession = () => Promise.reject(new Error('storage.session is not available here'));
  return {
    localRead: await outcome(browser.storage.local.get(null)),
    localWrite: await outcome(browser.storage.local.set(HOSTILE).then(() => 'written')),
    sessionRead: await outcome(session ? session.get(null) : noSession()),
    sessionWrite: await outcome(session ? session.set({ resolvedSettings: null, tabReadings: {} }).then(() => 'written') : noSession()),
    storeRead: await outcome(readStoreHere()),
  };
}

/** Answers the page's request once per ask; returns a function that stops. */
export function answerStorageProbes(win: Window): () => void {
  const listener = (event: MessageEvent) => {
    if (event.source !== win || (event.data as { type?: unknown })?.type !== PROBE_REQUEST) return;
    void probe().then((result) => win.postMessage({ type: PROBE_RESULT, result }, '*'));
  };
  win.addEventListener('message', listener);
  return () => win.removeEventListener('message', listener);
}
