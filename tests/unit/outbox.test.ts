// The outbox (lib/db/outbox.ts): every event written, by any path, is queued for the team server in the same
// transaction; a database made before the outbox queues the events it already holds.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openEscalationDb } from '../../lib/db';
import { exportBackup, importBackup } from '../../lib/db/backup';
import { createEscalation, recordEvent } from '../../lib/db/escalations';
import { freshDb, MON, newEscalation } from './fixtures/escalations';

const queued = async (db: Awaited<ReturnType<typeof freshDb>>) => (await db.outbox.toArray()).map((r) => r.eventId).sort();
const held = async (db: Awaited<ReturnType<typeof freshDb>>) => (await db.events.toCollection().primaryKeys()).sort();

describe('the outbox', () => {
  it('queues each event as it is written, with its escalation and when', async () => {
    const db = await freshDb();
    const e = await createEscalation(db, newEscalation('pan-cheshire'), { at: MON, by: 'Jo Patel' });
    await recordEvent(db, e.id, { type: 'discussion-held', with: 'Sam', summary: 'Met' }, { at: MON });
    expect(await queued(db)).toEqual(await held(db));
    expect(await db.outbox.count()).toBe(2);
    expect((await db.outbox.toArray()).every((r) => r.escalationId === e.id && !Number.isNaN(Date.parse(r.queuedAt)))).toBe(true);
  });

  it('queues the events a backup import brings', async () => {
    const source = await freshDb();
    const e = await createEscalation(source, newEscalation('pan-cheshire'), { at: MON, by: 'Jo Patel' });
    await recordEvent(source, e.id, { type: 'discussion-held', with: 'Sam', summary: 'Met' }, { at: MON });
    const target = await freshDb();
    await importBackup(target, JSON.stringify(await exportBackup(source)));
    expect(await target.outbox.count()).toBe(2);
    expect(await queued(target)).toEqual(await held(source));
  });

  it('a change refused by the rules queues nothing', async () => {
    const db = await freshDb();
    const e = await createEscalation(db, newEscalation('pan-cheshire'), { at: MON, by: 'Jo Patel' });
    await expect(recordEvent(db, e.id, { type: 'reopened', reason: 'No' })).rejects.toThrow();
    expect(await db.outbox.count()).toBe(1);
  });

  it('a database made before the outbox (v3) queues every event it holds when upgraded', async () => {
    const name = `outbox-upgrade-${Date.now()}`;
    const source = await freshDb();
    const e = await createEscalation(source, newEscalation('pan-cheshire'), { at: MON, by: 'Jo Patel' });
    await recordEvent(source, e.id, { type: 'discussion-held', with: 'Sam', summary: 'Met' }, { at: MON });
    const events = await source.events.toArray();
    const v3 = new Dexie(name);
    v3.version(3).stores({
      escalations: 'id, reference, [child.hostId+child.childId], protocolId, status, updatedAt, nextDueAt',
      events: 'id, escalationId, at',
      settings: 'key',
    });
    await v3.table('events').bulkAdd(events);
    await v3.table('escalations').add(await source.escalations.get(e.id));
    v3.close();
    const upgraded = await openEscalationDb({ name });
    expect(await queued(upgraded)).toEqual(events.map((x) => x.id).sort());
    expect(await upgraded.events.count()).toBe(2);
  });
});
