// Records from the database opened in the page itself (records-direct.ts), for the pages that read many at once:
// the dashboard and the records page. This part is light: the database code (Dexie, the record schemas) is fetched
// when a query first needs it, and a query with a fast first read (the dashboard's first screenful, read with
// the browser's own IndexedDB: lib/db/first-screen.ts) answers with that first, so the first paint needs no
// database library.
import type { DashboardRows, Records, RecordsQuery } from '../messages/records';
import { readFirstScreen, type FirstScreen } from '../db/first-screen';

/** After the browser has painted what the last answer drew (the frame after it, then a turn). */
const afterPaint = (then: () => void) => requestAnimationFrame(() => setTimeout(then));

export function recordsHere(
  load: () => Promise<Records> = () => import('./records-direct').then((m) => m.directRecords()),
  readEarly: (query: RecordsQuery) => FirstScreen | undefined = (query) =>
    query.kind === 'dashboard-rows' && query.firstScreen ? readFirstScreen(query.firstScreen) : undefined,
  later: (then: () => void) => void = afterPaint,
): Records {
  let loading: Promise<Records> | undefined;
  const direct = () => (loading ??= load());
  /** Early reads asked as the page started, each taken up by the first subscription to its query. */
  const prefetched = new Map<string, FirstScreen>();
  const early = (query: RecordsQuery) => {
    const key = JSON.stringify(query);
    const asked = prefetched.get(key);
    prefetched.delete(key);
    return asked ?? readEarly(query);
  };
  return {
    subscribe(query, onValue, onError) {
      let stop: (() => void) | undefined;
      let stopped = false;
      const live = () => {
        if (stopped) return;
        void direct().then((records) => {
          if (!stopped) stop = records.subscribe(query, onValue, onError);
        }, onError);
      };
      const first = early(query);
      if (!first) live();
      else {
        const answer = onValue as (value: DashboardRows) => void;
        // No first screenful (no database yet, an index it cannot read): every row is read at once, and its error shown.
        void first.rows.then((rows) => {
          if (stopped) return;
          if (!rows) return live();
          answer({ every: false, rows });
          // Every row only once the first screenful is painted and counted: reading thousands of rows on this
          // page's thread first would hold up the count.
          const counted = (total?: number) => {
            if (stopped) return;
            if (total !== undefined) answer({ every: false, rows, total });
            later(live);
          };
          void first.total.then(counted, () => counted());
        }, live);
      }
      return () => {
        stopped = true;
        stop?.();
      };
    },
    command: (command) => direct().then((records) => records.command(command)),
    prefetch(query) {
      const asked = readEarly(query);
      if (asked) prefetched.set(JSON.stringify(query), asked);
    },
  };
}
