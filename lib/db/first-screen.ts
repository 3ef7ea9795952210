// The dashboard's first screenful read straight from IndexedDB as the page starts: its first rows in due order
// and how many match (lib/dashboard.ts `firstScreenFromIndex`). With the browser's own IndexedDB, not Dexie (the
// page loads Dexie once that screenful is drawn), and not through the background (a round trip to the service
// worker, which may be asleep). Each answer is undefined when it cannot be read this way (no database yet, a
// schema without the index, a range the index cannot take): the dashboard then reads every row through Dexie,
// which says what went wrong if anything did.
import { narrowingRange, type DashboardFirstScreen, type IndexedNarrowing } from '../views/dashboard';
import type { Escalation } from '../records/model';
import { DB_NAME } from './name';

export interface FirstScreen {
  rows: Promise<Escalation[] | undefined>;
  /** How many match: IndexedDB counts by walking the index (~20 ms for 10,000 here), so the rows do not wait for it. */
  total: Promise<number | undefined>;
}

/** Opens the database as it is: never creates or upgrades it (that is Dexie's, lib/db/index.ts). */
function openAsItIs(name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    try {
      const request = indexedDB.open(name);
      // No database yet: this open would create an empty one. Abort it (the browser then keeps none).
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onsuccess = () => {
        const db = request.result;
        db.onversionchange = () => db.close(); // never hold up Dexie's upgrade
        resolve(db);
      };
      request.onerror = (event) => {
        event.preventDefault();
        resolve(undefined);
      };
    } catch {
      resolve(undefined);
    }
  });
}

/** One request on the escalations store, or the index and range a narrowing reads. */
function ask<T>(
  db: IDBDatabase,
  narrowing: IndexedNarrowing,
  request: (source: IDBObjectStore | IDBIndex, range: IDBKeyRange | undefined) => IDBRequest<T>,
): Promise<T | undefined> {
  return new Promise((resolve) => {
    try {
      const store = db.transaction('escalations', 'readonly').objectStore('escalations');
      const range = narrowingRange(narrowing);
      const asked = range
        ? request(store.index(range.index), IDBKeyRange.bound(range.lower, range.upper, range.lowerOpen, range.upperOpen))
        : request(store, undefined);
      asked.onsuccess = () => resolve(asked.result);
      asked.onerror = (event) => {
        event.preventDefault();
        resolve(undefined);
      };
    } catch {
      resolve(undefined);
    }
  });
}

export function readFirstScreen(plan: DashboardFirstScreen, name = DB_NAME): FirstScreen {
  const opened = openAsItIs(name);
  // The rows are asked first: they are what the first paint waits on.
  const rows = opened.then((db) => db && ask(db, plan.rows, (index, range) => index.getAll(range, plan.limit) as IDBRequest<Escalation[]>));
  const total = opened.then((db) => db && ask(db, plan.count, (source, range) => source.count(range)));
  void Promise.all([opened, rows, total]).then(([db]) => db?.close());
  return { rows, total };
}
