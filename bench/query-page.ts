// Loaded into a plain page by `npm run bench`: the extension's own database
// class and "overdue now" query, beside a raw IndexedDB cursor over the same
// index doing the same (the floor).
import { DB_NAME, openEscalationDb } from '../lib/db';
import { overdueEscalations } from '../lib/db/escalations';
import type { Escalation } from '../lib/records/model';

const NAME = `${DB_NAME}-bench`;

async function seed(rows: Escalation[]): Promise<void> {
  const db = await openEscalationDb({ name: NAME });
  await db.escalations.clear();
  await db.escalations.bulkAdd(rows);
  db.close();
}

async function viaDexie(now: string): Promise<{ ms: number; count: number }> {
  const db = await openEscalationDb({ name: NAME });
  const t0 = performance.now();
  const rows = await overdueEscalations(db, new Date(now));
  const ms = performance.now() - t0;
  db.close();
  return { ms, count: rows.length };
}

function viaCursor(now: string): Promise<{ ms: number; count: number }> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(NAME);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const idb = open.result;
      const t0 = performance.now();
      const rows: unknown[] = [];
      const request = idb
        .transaction('escalations')
        .objectStore('escalations')
        .index('nextDueAt')
        .openCursor(IDBKeyRange.upperBound(now, true));
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const cursor = request.result;
        if (cursor) {
          rows.push(cursor.value);
          cursor.continue();
        } else {
          const ms = performance.now() - t0;
          idb.close();
          resolve({ ms, count: rows.length });
        }
      };
    };
  });
}

(globalThis as unknown as { bench: unknown }).bench = { seed, viaDexie, viaCursor };
