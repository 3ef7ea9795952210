// The dashboard's first screenful read straight from IndexedDB (lib/db/first-screen.ts): it never creates,
// upgrades or holds the database, and says "cannot" (undefined) rather than failing, so the dashboard reads
// every row through Dexie instead. That it gives exactly the top of the list is in overview.test.ts.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { readFirstScreen } from '../../lib/db/first-screen';
import { openEscalationDb } from '../../lib/db';
import { filterFromParams, firstScreenFromIndex } from '../../lib/views/dashboard';
import { dueWindows } from '../../lib/views/overview';
import { createEscalation } from '../../lib/db/escalations';
import { generateEscalations } from '../fixtures/generator';
import { freshDb, MON, newEscalation } from './fixtures/escalations';

const plan = (params: Record<string, string> = {}) =>
  firstScreenFromIndex(filterFromParams(new URLSearchParams(params)), dueWindows(new Date(MON)), 60)!;
const databases = async () => (await indexedDB.databases()).map((d) => d.name);

describe('the dashboard’s first screenful, read without Dexie', () => {
  it('with no database yet: answers nothing and creates none, so Dexie later creates it with its schema', async () => {
    const name = `first-screen-none-${Date.now()}`;
    const screen = readFirstScreen(plan(), name);
    expect(await screen.rows).toBeUndefined();
    expect(await screen.total).toBeUndefined();
    expect(await databases()).not.toContain(name);
    const db = await openEscalationDb({ name });
    expect(db.tables.map((t) => t.name).sort()).toEqual(['escalations', 'events', 'outbox', 'settings', 'teamEscalations']);
    await createEscalation(db, newEscalation('pan-cheshire'), { at: MON });
    expect(await readFirstScreen(plan({ status: 'all' }), name).total).toBe(1);
    db.close();
  });

  it('with a database older than the due index: answers nothing, rather than failing', async () => {
    const name = `first-screen-v1-${Date.now()}`;
    const old = new Dexie(name);
    old.version(1).stores({ escalations: 'id, status' });
    await old.open();
    old.close();
    const screen = readFirstScreen(plan(), name);
    expect(await screen.rows).toBeUndefined();
    // The count by status needs no due index.
    expect(await screen.total).toBe(0);
  });

  it('lets go of the database once read: an upgrade or a deletion is not held up', async () => {
    const db = await freshDb();
    const { escalations } = generateEscalations({ count: 200, now: new Date(MON), seed: 3, spanDays: 30 });
    await db.escalations.bulkAdd(escalations);
    const inDueOrder = await db.escalations.orderBy('nextDueAt').toArray();
    db.close();
    const screen = readFirstScreen(plan({ status: 'all' }), db.name);
    expect(inDueOrder.length).toBeGreaterThan(60);
    expect(await screen.rows).toEqual(inDueOrder.slice(0, 60));
    expect(await screen.total).toBe(200);
    let blocked = false;
    await new Promise((resolve, reject) => {
      const deletion = indexedDB.deleteDatabase(db.name);
      deletion.onblocked = () => (blocked = true);
      deletion.onsuccess = resolve;
      deletion.onerror = reject;
    });
    expect(blocked).toBe(false);
  });
});
