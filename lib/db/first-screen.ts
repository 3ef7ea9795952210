// The dashboard's first screenful read straight from IndexedDB as the page starts: its first rows in due order
// and how many match (lib/views/dashboard.ts `firstScreenFromIndex`). With the browser's own IndexedDB, not Dexie (the
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

/**
 * Whether this device holds a team manager's team escalations (the sync state says a manager signed in): those are
 * kept out of their own list (lib/team/scope.ts), which an index alone cannot do, so the list reads through Dexie.
 */
function holdsTheTeams(db: IDBDatabase): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const asked = db.transaction('settings', 'readonly').objectStore('settings').get('teamSync' /* lib/sync/apply.ts */);
      asked.onsuccess = () =>
        resolve(!!(asked.result as { value?: { reader?: { manager?: boolean } } } | undefined)?.value?.reader?.manager);
      asked.onerror = (event) => {
        event.preventDefault();
        resolve(true);
      };
    } catch {
      resolve(false); // no settings store: a database from before the team store
    }
  });
}

export function readFirstScreen(plan: DashboardFirstScreen, name = DB_NAME): FirstScreen {
  const opened = openAsItIs(name);
  // The rows are asked first: they are what the first paint waits on (the manager check runs beside them).
  const manager = opened.then((db) => db && holdsTheTeams(db));
  const asked = opened.then(
    (db) => db && ask(db, plan.rows, (index, range) => index.getAll(range, plan.limit) as IDBRequest<Escalation[]>),
  );
  const counted = opened.then((db) => db && ask(db, plan.count, (source, range) => source.count(range)));
  const rows = Promise.all([asked, manager]).then(([found, theTeams]) => (theTeams ? undefined : found));
  const total = Promise.all([counted, manager]).then(([found, theTeams]) => (theTeams ? undefined : found));
  void Promise.all([opened, rows, total]).then(([db]) => db?.close());
  return { rows, total };
}
