// Issue 39: nothing recent deleted, every device derives the same escalation, dues with closure days, references
// unique, backups validated like files, and a database made by the build before it upgraded with nothing lost.
import { describe, expect, it } from 'vitest';
import { openEscalationDb, type EscalationDb } from '../../lib/db';
import { exportBackup, importBackup } from '../../lib/db/backup';
import { purgeCandidates } from '../../lib/db/retention';
import { createEscalation, getHistory, recomputeDues, recordEvent } from '../../lib/db/escalations';
import { getProtocol, rememberDefinitions } from '../../lib/protocols';
import { deriveEscalation } from '../../lib/records/derive';
import type { EscalationEvent } from '../../lib/records/model';
import { today, todaysDatabase } from './fixtures/todays-database';
import { freshDb, newEscalation } from './fixtures/escalations';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const monthsAgo = (n: number) => new Date(NOW.getTime() - n * 30.5 * 86_400_000).toISOString();
const copy = async (from: EscalationDb, to: EscalationDb, ids?: string[]) =>
  importBackup(to, JSON.stringify(await exportBackup(from, ids)));

describe('item 2: retention never deletes an escalation that changed last week', () => {
  it('resolved on B 13 months ago, a response recorded on A last week: after A imports B, not offered for deletion', async () => {
    const a = await freshDb();
    const b = await freshDb();
    const made = await createEscalation(a, newEscalation('herefordshire', { concernRaisedAt: monthsAgo(14) }), { at: monthsAgo(14) });
    await copy(a, b);
    await recordEvent(b, made.id, { type: 'resolved', methodology: 'Agreed at a meeting', stageId: 'initial' }, { at: monthsAgo(13) });
    await recordEvent(a, made.id, { type: 'response-received', summary: 'Health replied' }, { at: '2026-11-24T10:00:00.000Z' });
    await copy(b, a);
    const merged = (await a.escalations.get(made.id))!;
    expect(merged.status).toBe('resolved');
    expect(merged.updatedAt).toBe('2026-11-24T10:00:00.000Z');
    expect(await purgeCandidates(a, { now: NOW, months: 12 })).toEqual([]);
  });
});

describe('item 3: two devices agree for good', () => {
  it('A agrees 3 days, B 20: after each imports the other both show the same, and the conflict with both sides', async () => {
    const a = await freshDb();
    const b = await freshDb();
    const made = await createEscalation(a, newEscalation('herefordshire'), { at: '2026-11-23T10:00:00.000Z', by: 'A' });
    await recordEvent(a, made.id, { type: 'stage-entered', stageId: 'stage-1', reason: 'unresolved' }, { at: '2026-11-23T11:00:00.000Z' });
    await copy(a, b);
    await recordEvent(a, made.id, { type: 'timeframe-agreed', stageId: 'stage-1', days: 3 }, { by: 'A' });
    await recordEvent(b, made.id, { type: 'timeframe-agreed', stageId: 'stage-1', days: 20 }, { by: 'B' });
    const [fromA, fromB] = [JSON.stringify(await exportBackup(a)), JSON.stringify(await exportBackup(b))];
    expect((await importBackup(a, fromB)).conflicts).toEqual([{ id: made.id, reference: made.reference, count: 1 }]);
    await importBackup(b, fromA);
    const [onA, onB] = [(await a.escalations.get(made.id))!, (await b.escalations.get(made.id))!];
    expect(onA).toEqual(onB);
    expect(onA.conflicts).toEqual([
      expect.objectContaining({ kind: 'two-timeframes', earlier: expect.objectContaining({ type: 'timeframe-agreed' }) }),
    ]);
    const sides = [onA.conflicts![0]!.earlier!, onA.conflicts![0]!.later].map((e) => (e as { days: number }).days).sort((x, y) => x - y);
    expect(sides).toEqual([3, 20]);
    // The worker agrees the timeframe again, having seen both: settled on both devices.
    await recordEvent(a, made.id, { type: 'timeframe-agreed', stageId: 'stage-1', days: 5 });
    await copy(a, b);
    expect((await b.escalations.get(made.id))!.conflicts).toBeUndefined();
    expect((await b.escalations.get(made.id))!.stages.at(-1)!.agreedDays).toBe(5);
  });

  it('two resolutions on two devices: both kept, shown as a conflict, and the rest of the other device’s events imported', async () => {
    const a = await freshDb();
    const b = await freshDb();
    const made = await createEscalation(a, newEscalation('herefordshire'), { at: '2026-11-23T10:00:00.000Z' });
    await copy(a, b);
    await recordEvent(a, made.id, { type: 'resolved', methodology: 'Agreed by phone', stageId: 'initial' });
    await recordEvent(b, made.id, { type: 'discussion-held', summary: 'Met at school' });
    await recordEvent(b, made.id, { type: 'resolved', methodology: 'Agreed at a meeting', stageId: 'initial' });
    await copy(b, a);
    expect((await getHistory(a, made.id)).map((e) => e.type).sort()).toEqual(['created', 'discussion-held', 'resolved', 'resolved']);
    const [conflict] = (await a.escalations.get(made.id))!.conflicts!;
    expect(conflict!.kind).toBe('two-resolutions');
    expect(conflict!.earlier!.type).toBe('resolved');
    expect(conflict!.notApplied).toMatch(/resolved/);
    // Reopened having seen both: settled.
    await recordEvent(a, made.id, { type: 'reopened', reason: 'Which plan stands is not clear' });
    expect((await a.escalations.get(made.id))!.conflicts).toBeUndefined();
  });

  it('two corrections of one field: the second is not applied and shown, until the field is corrected again', async () => {
    const a = await freshDb();
    const b = await freshDb();
    const made = await createEscalation(a, newEscalation('herefordshire'), { at: '2026-11-23T10:00:00.000Z' });
    await copy(a, b);
    const correct = (db: EscalationDb, newValue: string, oldValue = made.summary) =>
      recordEvent(db, made.id, { type: 'field-corrected', field: 'summary', oldValue, newValue });
    await correct(a, 'Thresholds, as A heard it');
    await correct(b, 'Thresholds, as B heard it');
    await copy(b, a);
    await copy(a, b);
    const merged = (await a.escalations.get(made.id))!;
    expect(merged).toEqual(await b.escalations.get(made.id));
    expect(merged.conflicts).toEqual([
      expect.objectContaining({ kind: 'not-applied', later: expect.objectContaining({ type: 'field-corrected' }) }),
    ]);
    await correct(a, 'Thresholds, agreed wording', merged.summary);
    const settled = (await a.escalations.get(made.id))!;
    expect([settled.summary, settled.conflicts]).toEqual(['Thresholds, agreed wording', undefined]);
  });
});

describe('item 4: stored dues use the closure days', () => {
  const closed = { '2026-11-25': 'Staff training day' };

  it('after an import, the due is the one the panel works out with the closure days', async () => {
    const a = await freshDb();
    const made = await createEscalation(a, newEscalation('herefordshire'), { at: '2026-11-23T10:00:00.000Z', closureDays: closed });
    await recordEvent(
      a,
      made.id,
      { type: 'stage-entered', stageId: 'stage-1', reason: 'unresolved' },
      { at: '2026-11-23T11:00:00.000Z', closureDays: closed },
    );
    const written = (await a.escalations.get(made.id))!.nextDue;
    const b = await freshDb();
    await importBackup(b, JSON.stringify(await exportBackup(a)), undefined, { closureDays: closed });
    expect((await b.escalations.get(made.id))!.nextDue).toBe(written);
    expect(written).toBe('2026-11-27'); // three working days from Monday, Wednesday closed
  });

  it('a closure day added or removed works out every open due again, once', async () => {
    const db = await freshDb();
    const made = await createEscalation(db, newEscalation('herefordshire'), { at: '2026-11-23T10:00:00.000Z' });
    await recordEvent(db, made.id, { type: 'stage-entered', stageId: 'stage-1', reason: 'unresolved' }, { at: '2026-11-23T11:00:00.000Z' });
    expect((await db.escalations.get(made.id))!.nextDue).toBe('2026-11-26');
    expect(await recomputeDues(db, closed)).toBe(1);
    expect((await db.escalations.get(made.id))!).toMatchObject({ nextDue: '2026-11-27', nextDueAt: '2026-11-28T00:00:00.000Z' });
    expect(await recomputeDues(db, closed)).toBe(0); // the same days: nothing to do
    expect(await recomputeDues(db, {})).toBe(1);
    expect((await db.escalations.get(made.id))!.nextDue).toBe('2026-11-26');
  });
});

describe('item 5: references are unique on a device', () => {
  it('"Start tracking" a reference already used says which escalation has it, and writes nothing', async () => {
    const db = await freshDb();
    const first = await createEscalation(db, newEscalation('herefordshire'), { at: '2026-11-23T10:00:00.000Z' });
    const sibling = newEscalation('herefordshire', { child: { hostId: 'demo', childId: '1000009' }, reference: first.reference });
    await expect(createEscalation(db, sibling)).rejects.toThrow(
      `${first.reference} is already used on this device by another escalation (child 1000001`,
    );
    expect(await db.escalations.count()).toBe(1);
  });

  it('a new reference that collides is made again, checked inside the write', async () => {
    const db = await freshDb();
    const first = await createEscalation(db, newEscalation('herefordshire'), { at: '2026-11-23T10:00:00.000Z' });
    const offered = [first.reference, first.reference, 'ESC-NEWONE'];
    const second = await createEscalation(db, newEscalation('halton'), {}, () => offered.shift()!);
    expect(second.reference).toBe('ESC-NEWONE');
    // Two starts at once under one reference: one lands, the other is refused.
    const same = newEscalation('halton', { reference: 'ESC-TWOTAB' });
    const results = await Promise.allSettled([createEscalation(db, same), createEscalation(db, same)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await db.escalations.where('reference').equals('ESC-TWOTAB').count()).toBe(1);
  });
});

describe('item 7: backups are validated like files', () => {
  async function backupOf() {
    const db = await freshDb();
    const made = await createEscalation(db, newEscalation('herefordshire'), { at: '2026-11-23T10:00:00.000Z' });
    const other = await createEscalation(db, newEscalation('halton', { child: { hostId: 'demo', childId: '1000002' } }), {
      at: '2026-11-23T10:00:00.000Z',
    });
    return { backup: await exportBackup(db), made, other };
  }
  const protocolLike = (changes: Record<string, unknown>) => ({ ...getProtocol('halton'), id: 'hostile', version: '9', ...changes });

  it('a protocol over 256 kB, or with markup beyond its first 1,000 items, is not kept; the escalations are', async () => {
    const { backup } = await backupOf();
    const huge = protocolLike({
      title: 'Big',
      sources: Array.from({ length: 3000 }, () => ({ title: 'x'.repeat(100), url: 'https://example.org/' })),
    });
    const late = protocolLike({
      id: 'late',
      glossary: Array.from({ length: 1200 }, (_, i) => (i === 1100 ? '<script>x</script>' : `t${i}`)),
    });
    const kept: string[] = [];
    const report = await importBackup(await freshDb(), JSON.stringify({ ...backup, protocols: [huge, late] }), async (list) => {
      kept.push(...list.map((p) => p.id));
    });
    expect(kept).toEqual([]);
    expect(report.protocolsRejected).toEqual([
      expect.stringMatching(/^protocol 1: .*kB/),
      expect.stringMatching(/^protocol 2: .*not HTML/),
    ]);
    expect(report.added.length).toBe(2);
  });

  it('a correction event’s values are parsed by the field’s rule: unknown keys dropped, a 2,000,000-character string refused', async () => {
    const { backup, made } = await backupOf();
    const entry = backup.escalations.find((e) => e.id === made.id)!;
    const correction = (newValue: unknown, id: string) =>
      ({
        type: 'field-corrected',
        field: 'raisedBy',
        oldValue:
          entry.events[0]!.type === 'created' ? (entry.events[0] as { escalation: { raisedBy: unknown } }).escalation.raisedBy : null,
        newValue,
        id,
        escalationId: made.id,
        at: '2026-11-24T09:00:00.000Z',
        by: 'X',
        unknownKey: 'x'.repeat(1000),
      }) as unknown as EscalationEvent;
    entry.events.push(correction({ name: 'Jo Patel', role: 'Team Manager', agency: 'CSC', extra: { deep: 'kept?' } }, 'correction-1'));
    const target = await freshDb();
    await importBackup(target, JSON.stringify(backup));
    const stored = await target.events.get('correction-1');
    expect((stored as { newValue: unknown }).newValue).toEqual({ name: 'Jo Patel', role: 'Team Manager', agency: 'CSC' });
    expect(Object.keys(stored!)).not.toContain('unknownKey');

    entry.events[entry.events.length - 1] = correction({ name: 'N'.repeat(2_000_000), role: 'R', agency: 'A' }, 'correction-2');
    const report = await importBackup(await freshDb(), JSON.stringify(backup));
    expect(report.rejected).toEqual([
      expect.objectContaining({ id: made.id, reason: expect.stringMatching(/newValue.*at most 200 characters/) }),
    ]);
    expect(report.added.length).toBe(1);
  });

  it('an array nested 200,000 deep in a correction does not abort the import: the rest are imported', async () => {
    const { backup, made, other } = await backupOf();
    const entry = backup.escalations.find((e) => e.id === made.id)!;
    const raisedBy = (entry.events[0] as { escalation: { raisedBy: Record<string, string> } }).escalation.raisedBy;
    entry.events.push({
      type: 'field-corrected',
      field: 'raisedBy',
      oldValue: raisedBy,
      newValue: { ...raisedBy, role: 'Team Manager', nested: 'DEEP' },
      id: 'correction-deep',
      escalationId: made.id,
      at: '2026-11-24T09:00:00.000Z',
      by: 'X',
    } as unknown as EscalationEvent);
    const text = JSON.stringify(backup).replace('"DEEP"', `${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    const target = await freshDb();
    const report = await importBackup(target, text);
    expect(report.added.sort()).toEqual([made.id, other.id].sort());
    expect((await target.escalations.get(made.id))!.raisedBy.role).toBe('Team Manager');
    expect(Object.keys(((await target.events.get('correction-deep')) as { newValue: object }).newValue)).not.toContain('nested');
  });

  it('a record the browser cannot write is reported, and the rest are imported', async () => {
    const { backup, made, other } = await backupOf();
    const target = await freshDb();
    target.events.hook('creating', (_key, event) => {
      if (event.escalationId === made.id) throw new DOMException('The object could not be cloned.', 'DataCloneError');
    });
    const report = await importBackup(target, JSON.stringify(backup));
    expect(report.added).toEqual([other.id]);
    expect(report.rejected).toEqual([expect.objectContaining({ id: made.id, reason: expect.stringMatching(/could not be written/) })]);
    expect(await target.escalations.count()).toBe(1);
  });
});

describe('a database made by the build before (schema 2) upgrades', () => {
  it('keeps every event, derives each escalation in the order every device derives, and works out its dues again', async () => {
    const db = await openEscalationDb({ name: await todaysDatabase() });
    expect(db.verno).toBe(4);
    const events = await db.events.toArray();
    const byId = (list: { id: string }[]) => [...list].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(byId(events)).toEqual(byId(today.events)); // not one lost or changed
    for (const row of await db.escalations.toArray())
      expect(row).toEqual(deriveEscalation(events.filter((e) => e.escalationId === row.id)));
    // Item 2 as that build left it: resolved, "updated 13 months ago"; now updated last week, and kept.
    expect((await db.escalations.get(today.ids.item2))!.updatedAt).toBe('2026-11-24T10:00:00.000Z');
    expect((await purgeCandidates(db, { now: NOW })).map((e) => e.id)).not.toContain(today.ids.item2);
    // Item 3: the two timeframes are shown as a conflict, as on the other device.
    expect((await db.escalations.get(today.ids.item3))!.conflicts?.length ?? 0).toBe(0); // written before sides were recorded
    // Dues: worked out again with the organisation's closure days the first time the settings are read.
    const closed = { '2026-11-25': 'Staff training day', '2026-12-02': 'Closed' };
    const changed = await recomputeDues(db, closed);
    expect(changed).toBeGreaterThan(0);
    for (const row of await db.escalations.where('status').equals('open').toArray()) {
      const expected = deriveEscalation(await getHistory(db, row.id), closed);
      expect([row.id, row.nextDue, row.nextDueAt]).toEqual([row.id, expected.nextDue, expected.nextDueAt]);
    }
  });

  it('an escalation whose protocol version is not read yet when the database upgrades is derived again once it is', async () => {
    const id = today.ids.item2;
    const name = await todaysDatabase((data) => {
      const created = data.events.find((e) => e.escalationId === id && e.type === 'created') as unknown as {
        escalation: { protocolVersion: string };
      };
      created.escalation.protocolVersion = '7'; // a version this page has not read from the library yet
    });
    const db = await openEscalationDb({ name });
    const before = (await db.escalations.get(id))!;
    expect(before).toEqual(today.escalations.find((e) => e.id === id)); // kept as it was, not lost
    rememberDefinitions([{ ...getProtocol('herefordshire'), version: '7' }]); // the library is read
    await recomputeDues(db, {});
    const after = (await db.escalations.get(id))!;
    expect(after).toEqual(deriveEscalation(await getHistory(db, id)));
    expect(after.updatedAt).toBe('2026-11-24T10:00:00.000Z');
  });
});
