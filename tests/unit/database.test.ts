import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, openEscalationDb, requestPersistentStorage } from '../../lib/db';
import { purgeCandidates, purgeEscalations } from '../../lib/db/retention';
import { createEscalation, overdueEscalations, recordEvent } from '../../lib/db/escalations';
import { freshDb, MON, newEscalation } from './fixtures/escalations';
import v1Fixture from './fixtures/db-v1.json';

describe('schema upgrades', () => {
  it('opens a database written by version 1 and indexes when each escalation is due', async () => {
    const name = `v1-${crypto.randomUUID()}`;
    // Version 1 exactly as shipped, writing the fixture's rows.
    const v1 = new Dexie(name);
    v1.version(1).stores({
      escalations: 'id, reference, [child.hostId+child.childId], protocolId, status, updatedAt',
      events: 'id, escalationId, &[escalationId+seq], at',
      settings: 'key',
    });
    await v1.table('escalations').bulkAdd(v1Fixture.escalations);
    await v1.table('events').bulkAdd(v1Fixture.events);
    await v1.table('settings').bulkAdd(v1Fixture.settings);
    v1.close();

    const db = await openEscalationDb({ name });
    expect(db.verno).toBe(4);
    const open = await db.escalations.get('0b6f2f0e-6a43-4c5e-9d55-7d1f4a2b9c01');
    expect(open).toMatchObject({ currentStage: 'stage-1', nextDue: '2026-11-26', nextDueAt: '2026-11-27T00:00:00.000Z' });
    const resolved = await db.escalations.get('5d2c9a7e-1f3b-4e8a-b6c4-2a9e8f7d6c02');
    expect(resolved!.nextDueAt).toBeUndefined();
    expect((await overdueEscalations(db, new Date('2026-12-01T00:00:00Z'))).map((e) => e.id)).toEqual([open!.id]);
    expect(await db.settings.get('worker')).toEqual(v1Fixture.settings[0]);
    expect(await db.events.count()).toBe(v1Fixture.events.length);
    // and it still takes new events
    await recordEvent(db, open!.id, { type: 'discussion-held', summary: 'After the upgrade' });
  });

  it('an upgrade blocked by another tab on the old version fails with a clear message instead of hanging', async () => {
    const name = `blocked-${crypto.randomUUID()}`;
    // Another tab holding version 1 open and ignoring requests to close.
    const other = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 10); // Dexie's version 1 is IndexedDB version 10
      request.onupgradeneeded = () => request.result.createObjectStore('escalations');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    other.onversionchange = () => {
      /* an old tab that does not close */
    };
    const error = await openEscalationDb({ name, blockedTimeoutMs: 100 }).catch((e) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(error.message).toMatch(/another tab or window is still using the older version.*Nothing has been lost/);
    other.close();
  });

  it('a newer tab asking to upgrade makes this connection step aside', async () => {
    const db = await freshDb();
    let closed = false;
    db.on('close', () => (closed = true));
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(db.name, 50); // Dexie's version 4 is IndexedDB version 40
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    expect(db.isOpen()).toBe(false);
    expect(closed || !db.isOpen()).toBe(true);
  });
});

describe('persistent storage', () => {
  it('asks the browser to persist unless it already does', async () => {
    const calls: string[] = [];
    const storage = (persisted: boolean, grant: boolean) =>
      ({
        persisted: async () => (calls.push('persisted'), persisted),
        persist: async () => (calls.push('persist'), grant),
      }) as unknown as StorageManager;
    expect(await requestPersistentStorage(storage(true, false))).toBe(true);
    expect(calls).toEqual(['persisted']);
    expect(await requestPersistentStorage(storage(false, true))).toBe(true);
    expect(await requestPersistentStorage(storage(false, false))).toBe(false);
    expect(await requestPersistentStorage(undefined)).toBe(false);
  });
});

describe('retention', () => {
  async function aged() {
    const db = await freshDb();
    const old = await createEscalation(db, newEscalation('halton', { concernRaisedAt: '2025-06-01T09:00:00Z' }), {
      at: '2025-06-01T10:00:00Z',
    });
    await recordEvent(db, old.id, { type: 'resolved', methodology: 'Meeting', stageId: 'initial' }, { at: '2025-06-02T10:00:00Z' });
    const recent = await createEscalation(db, newEscalation('halton', { concernRaisedAt: '2026-10-01T10:00:00Z' }), {
      at: '2026-10-01T10:00:00Z',
    });
    await recordEvent(db, recent.id, { type: 'withdrawn', reason: 'Wrong child' }, { at: '2026-10-02T10:00:00Z' });
    const openOld = await createEscalation(db, newEscalation('halton', { concernRaisedAt: '2025-01-01T10:00:00Z' }), {
      at: '2025-01-01T10:00:00Z',
    });
    return { db, old, recent, openOld };
  }

  it('lists closed escalations older than the period (default 12 months), never open ones', async () => {
    const { db, old } = await aged();
    const now = new Date(MON);
    expect((await purgeCandidates(db, { now })).map((e) => e.id)).toEqual([old.id]);
    expect((await purgeCandidates(db, { now, months: 1 })).length).toBe(2);
  });

  it('deletes nothing without an explicit confirmation', async () => {
    const { db, old } = await aged();
    await expect(purgeEscalations(db, [old.id], {} as never, { now: new Date(MON) })).rejects.toThrow(/explicit confirmation/);
    await expect(purgeEscalations(db, [old.id], { confirmed: true } as never, { now: new Date(MON) })).rejects.toThrow(
      /export was offered/,
    );
    expect(await db.escalations.count()).toBe(3);
  });

  it('deletes confirmed candidates with their history, and keeps anything no longer due for deletion', async () => {
    const { db, old, openOld } = await aged();
    const deleted = await purgeEscalations(db, [old.id, openOld.id], { confirmed: true, exportOffered: true }, { now: new Date(MON) });
    expect(deleted).toEqual([old.id]);
    expect(await db.escalations.get(old.id)).toBeUndefined();
    expect(await db.events.where('escalationId').equals(old.id).count()).toBe(0);
    expect(await db.escalations.get(openOld.id)).toBeDefined();
  });
});
