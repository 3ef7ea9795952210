import { describe, expect, it } from 'vitest';
import { BackupFileError, exportBackup, importBackup } from '../../lib/db/backup';
import { createEscalation, getHistory, recordEvent } from '../../lib/db/escalations';
import { freshDb, MON, newEscalation } from './fixtures/escalations';

const at = { at: MON, by: 'Jo Patel' };

async function seeded() {
  const db = await freshDb();
  const a = await createEscalation(db, newEscalation('herefordshire'), at);
  await recordEvent(db, a.id, { type: 'stage-entered', stageId: 'stage-1', reason: 'unresolved' }, at);
  const b = await createEscalation(db, newEscalation('enfield', { child: { hostId: 'demo', childId: '1000002' } }), at);
  return { db, a, b };
}

async function snapshot(db: Awaited<ReturnType<typeof freshDb>>) {
  return { escalations: await db.escalations.toArray(), events: await db.events.toArray() };
}

describe('export', () => {
  it('writes every escalation with its full history and a format version', async () => {
    const { db, a, b } = await seeded();
    const backup = await exportBackup(db, undefined, new Date(MON));
    expect(backup).toMatchObject({ format: 'escalation-companion-backup', formatVersion: 2, exportedAt: '2026-11-23T10:00:00.000Z' });
    expect(backup.escalations.map((e) => [e.id, e.events.length]).sort()).toEqual(
      [
        [a.id, 2],
        [b.id, 1],
      ].sort(),
    );
  });

  it('can export one escalation', async () => {
    const { db, a } = await seeded();
    expect((await exportBackup(db, [a.id])).escalations.map((e) => e.id)).toEqual([a.id]);
  });
});

describe('import', () => {
  it('restores a backup into an empty database exactly', async () => {
    const { db } = await seeded();
    const text = JSON.stringify(await exportBackup(db));
    const target = await freshDb();
    const report = await importBackup(target, text);
    expect(report.added.length).toBe(2);
    expect(report.rejected).toEqual([]);
    const [before, after] = [await snapshot(db), await snapshot(target)];
    expect(after.escalations.sort((x, y) => x.id.localeCompare(y.id))).toEqual(before.escalations.sort((x, y) => x.id.localeCompare(y.id)));
  });

  it('refuses a record whose reference another escalation already uses, and imports the rest', async () => {
    const { db, a, b } = await seeded();
    const backup = await exportBackup(db);
    const target = await freshDb();
    await importBackup(target, JSON.stringify({ ...backup, escalations: backup.escalations.filter((e) => e.id === a.id) }));
    // Another device's escalation for another child, under the same reference.
    const other = structuredClone(backup.escalations.find((e) => e.id === b.id)!);
    const aReference = (await target.escalations.get(a.id))!.reference;
    (other.events[0] as { reference: string }).reference = aReference;
    const report = await importBackup(target, JSON.stringify({ ...backup, escalations: [other] }));
    expect(report.rejected).toEqual([
      {
        index: 0,
        id: b.id,
        reason: `its reference ${aReference} is already used on this device by another escalation (child 1000001); it was not imported`,
      },
    ]);
    expect(await target.escalations.count()).toBe(1);
    // Two records in one file under one reference: the first is imported, the second refused.
    const aRecord = backup.escalations.find((e) => e.id === a.id)!;
    const twice = await importBackup(await freshDb(), JSON.stringify({ ...backup, escalations: [aRecord, other] }));
    expect(twice.added).toEqual([a.id]);
    expect(twice.rejected[0]!.reason).toBe(`its reference ${aReference} is used by another escalation earlier in the file`);
  });

  it('a record whose event id this device holds for another escalation is refused on its own, with a reason', async () => {
    const { db, a, b } = await seeded();
    const backup = await exportBackup(db);
    const target = await freshDb();
    await importBackup(target, JSON.stringify({ ...backup, escalations: backup.escalations.filter((e) => e.id === a.id) }));
    const clashing = structuredClone(backup.escalations.find((e) => e.id === b.id)!);
    const taken = (await getHistory(target, a.id))[0]!.id;
    clashing.events[0]!.id = taken;
    const fresh = {
      id: '11111111-2222-4333-8444-555555555555',
      events: structuredClone(backup.escalations.find((e) => e.id === b.id)!.events),
    };
    fresh.events.forEach((e) => {
      e.id = crypto.randomUUID();
      e.escalationId = fresh.id;
      (e as { reference?: string }).reference &&= 'ESC-NEWREF';
    });
    const report = await importBackup(target, JSON.stringify({ ...backup, escalations: [clashing, fresh] }));
    expect(report.added).toEqual([fresh.id]);
    expect(report.rejected).toEqual([
      {
        index: 0,
        id: b.id,
        reason: `one of its events has the same id as an event of another escalation on this device (${taken}); it was not imported`,
      },
    ]);
  });

  it('an event id repeated inside the file refuses that record only, with a reason', async () => {
    const { db, a, b } = await seeded();
    const backup = await exportBackup(db);
    const copy = structuredClone(backup.escalations.find((e) => e.id === b.id)!);
    copy.events[0]!.id = backup.escalations.find((e) => e.id === a.id)!.events[0]!.id;
    const ordered = [backup.escalations.find((e) => e.id === a.id)!, copy];
    const report = await importBackup(await freshDb(), JSON.stringify({ ...backup, escalations: ordered }));
    expect(report.added).toEqual([a.id]);
    expect(report.rejected).toEqual([{ index: 1, id: b.id, reason: 'it repeats an event id (its own, or another record’s in the file)' }]);
  });

  it('a large file of junk records is refused after the first few, not after reading all of them', async () => {
    const junk = {
      format: 'escalation-companion-backup',
      formatVersion: 1,
      escalations: Array.from({ length: 150_000 }, (_, i) => ({ id: `x${i}`, events: [{ junk: 'y'.repeat(100) }] })),
    };
    const text = JSON.stringify(junk);
    expect(text.length).toBeGreaterThan(20_000_000);
    const db = await freshDb();
    await expect(importBackup(db, text)).rejects.toThrow(/^The first 50 records in this file are all unreadable \(the first: event 1, /);
    expect(await db.escalations.count()).toBe(0);
  });

  it('skips what this device already has, and never overwrites a newer record', async () => {
    const { db, a } = await seeded();
    const old = JSON.stringify(await exportBackup(db));
    await recordEvent(db, a.id, { type: 'stage-entered', stageId: 'stage-2', reason: 'unresolved' }, at); // newer here
    const report = await importBackup(db, old);
    expect(report.added).toEqual([]);
    expect(report.skipped.map((s) => s.id).sort()).toEqual((await db.escalations.toCollection().primaryKeys()).sort());
    expect((await db.escalations.get(a.id))!.currentStage).toBe('stage-2');
  });

  it('adds events made on another device, in the order every device derives, and both devices then hold the same', async () => {
    const { db, a } = await seeded();
    const elsewhere = await freshDb();
    await importBackup(elsewhere, JSON.stringify(await exportBackup(db)));
    await recordEvent(elsewhere, a.id, { type: 'discussion-held', summary: 'Met at school' }, at);
    await recordEvent(db, a.id, { type: 'response-received', summary: 'Email from health' }, at);
    const report = await importBackup(db, JSON.stringify(await exportBackup(elsewhere)));
    expect(report.updated).toEqual([{ id: a.id, newEvents: 1 }]);
    await importBackup(elsewhere, JSON.stringify(await exportBackup(db)));
    const here = await getHistory(db, a.id);
    expect(here.map((e) => e.type).sort()).toEqual(['created', 'discussion-held', 'response-received', 'stage-entered']);
    expect(await getHistory(elsewhere, a.id)).toEqual(here);
    expect(await elsewhere.escalations.get(a.id)).toEqual(await db.escalations.get(a.id));
  });

  it('keeps both devices’ changes when they disagree, and shows the conflict with both sides instead of skipping', async () => {
    const { db, a } = await seeded();
    const elsewhere = await freshDb();
    await importBackup(elsewhere, JSON.stringify(await exportBackup(db)));
    await recordEvent(elsewhere, a.id, { type: 'stage-entered', stageId: 'stage-2', reason: 'unresolved' }, at);
    await recordEvent(elsewhere, a.id, { type: 'discussion-held', summary: 'Met at school' }, at);
    await recordEvent(db, a.id, { type: 'resolved', methodology: 'Agreed at stage 1', stageId: 'stage-1' }, at);
    const report = await importBackup(db, JSON.stringify(await exportBackup(elsewhere)));
    expect(report.skipped.map((s) => s.id)).not.toContain(a.id);
    expect(report.updated).toEqual([{ id: a.id, newEvents: 2 }]);
    expect(report.conflicts).toEqual([{ id: a.id, reference: a.reference, count: 1 }]);
    expect((await getHistory(db, a.id)).map((e) => e.type)).toContain('discussion-held'); // the rest of the other device's events
    const [conflict] = (await db.escalations.get(a.id))!.conflicts!;
    expect(conflict!.kind).toBe('stage-against-resolution');
    expect([conflict!.earlier?.type, conflict!.later.type].sort()).toEqual(['resolved', 'stage-entered']);
  });

  it('imports the good records of a partial file and rejects the rest with reasons', async () => {
    const { db } = await seeded();
    const backup = await exportBackup(db);
    const good = backup.escalations.find((e) => e.events.length === 2)!;
    const badEvent = structuredClone(backup.escalations.find((e) => e.events.length === 1)!);
    (badEvent.events[0] as Record<string, unknown>).at = 'not a date';
    const gap = structuredClone(good);
    gap.id = crypto.randomUUID();
    gap.events = gap.events.map((e) => ({ ...e, escalationId: gap.id, id: crypto.randomUUID() }));
    gap.events[1]!.at = 'yesterday';
    const file = { ...backup, escalations: [good, badEvent, gap, 'hello', { id: 'x'.repeat(10_000), events: [] }] };
    const target = await freshDb();
    const report = await importBackup(target, JSON.stringify(file));
    expect(report.added).toEqual([good.id]);
    expect(report.rejected).toEqual([
      { index: 1, id: badEvent.id, reason: expect.stringMatching(/event 1, at: must be an ISO 8601/) },
      { index: 2, id: gap.id, reason: expect.stringMatching(/event 2, at: must be an ISO 8601/) },
      { index: 3, id: undefined, reason: expect.stringMatching(/expected object/) },
      { index: 4, id: 'x'.repeat(64), reason: expect.stringMatching(/no events/) },
    ]);
    expect(await target.escalations.count()).toBe(1);
  });

  it('rejects a history that breaks the protocol’s rules', async () => {
    const { db, a } = await seeded();
    const backup = await exportBackup(db, [a.id]);
    const entry = backup.escalations[0]!;
    entry.events[1] = { ...entry.events[1]!, stageId: 'stage-3' } as never; // skipping in Herefordshire
    const target = await freshDb();
    const report = await importBackup(target, JSON.stringify(backup));
    expect(report.rejected[0]!.reason).toMatch(/does not allow passing over stages/);
    expect(await target.events.count()).toBe(0);
  });

  describe('a malformed or hostile file changes nothing', () => {
    const files: [string, string, RegExp][] = [
      ['not JSON', '{"format": "escalation-companion-backup", ', /not valid JSON/],
      ['another program’s JSON', '{"hello": "world"}', /not a valid backup \(format: is not an Escalation Companion backup\)/],
      ['a newer format', '{"format":"escalation-companion-backup","formatVersion":3,"escalations":[]}', /newer version/],
      ['a number', '42', /expected object/],
      [
        'escalations not a list',
        '{"format":"escalation-companion-backup","formatVersion":1,"escalations":{}}',
        /escalations: .*expected array/,
      ],
    ];
    for (const [name, text, message] of files) {
      it(name, async () => {
        const { db } = await seeded();
        const before = await snapshot(db);
        const error = await importBackup(db, text).catch((e) => e);
        expect(error).toBeInstanceOf(BackupFileError);
        expect(error.message).toMatch(message);
        expect(error.message).toMatch(/Nothing was imported/);
        expect(await snapshot(db)).toEqual(before);
      });
    }

    it('prototype pollution, script text and oversized fields are refused or kept as plain text', async () => {
      const { db, a } = await seeded();
      const backup = await exportBackup(db, [a.id]);
      const hostile = JSON.parse(JSON.stringify(backup));
      const created = hostile.escalations[0].events[0];
      created.escalation.summary = '<img src=x onerror=alert(1)>';
      created['__proto__'] = { polluted: true };
      created.escalation.counterparts[0].name = 'A'.repeat(100_000);
      const target = await freshDb();
      const text = JSON.stringify(hostile).replace('"__proto__"', '"__proto__"');
      const report = await importBackup(target, text);
      expect(report.rejected[0]!.reason).toMatch(/at most 200 characters/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(await target.escalations.count()).toBe(0);

      created.escalation.counterparts[0].name = 'Sam';
      const ok = await importBackup(target, JSON.stringify(hostile));
      expect(ok.added.length).toBe(1);
      const stored = await target.escalations.get(a.id);
      expect(stored!.summary).toBe('<img src=x onerror=alert(1)>'); // stored as text; the UI never renders it as HTML
      expect(Object.keys((await target.events.toArray())[0]!)).not.toContain('__proto__');
    });
  });
});
