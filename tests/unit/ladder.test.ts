import { describe, expect, it } from 'vitest';
import { fromLondonWallTime, londonWallTime, nonWorkingDaysBetween } from '../../lib/time/calendar';
import { createEscalation, getHistory, recordEvent } from '../../lib/db/escalations';
import { describeEvent } from '../../lib/escalation/history';
import { ladderView, nextStage } from '../../lib/escalation/ladder';
import { freshDb, MON, newEscalation } from './fixtures/escalations';

describe('London wall time', () => {
  it('round-trips whatever the machine zone, in GMT and BST', () => {
    expect(fromLondonWallTime('2026-11-23T09:30')).toBe('2026-11-23T09:30:00.000Z');
    expect(fromLondonWallTime('2026-07-01T09:30')).toBe('2026-07-01T08:30:00.000Z');
    expect(londonWallTime(new Date('2026-07-01T08:30:00Z'))).toBe('2026-07-01T09:30');
    expect(() => fromLondonWallTime('yesterday')).toThrow(/YYYY-MM-DDTHH:MM/);
  });
});

describe('non-working days are explained', () => {
  it('lists weekends and bank holidays before a due date', () => {
    expect(nonWorkingDaysBetween('2026-12-24', '2026-12-29')).toEqual([
      { day: '2026-12-25', reason: { kind: 'bank-holiday', name: 'Christmas Day' } },
      { day: '2026-12-26', reason: { kind: 'weekend', name: 'Saturday' } },
      { day: '2026-12-27', reason: { kind: 'weekend', name: 'Sunday' } },
      { day: '2026-12-28', reason: { kind: 'bank-holiday', name: 'Boxing Day (substitute day)' } },
    ]);
  });
});

describe('the ladder view', () => {
  it('marks stages done, current and ahead, with the IRO duty only for a child on a plan or looked after', async () => {
    const db = await freshDb();
    let e = await createEscalation(db, newEscalation('herefordshire'), { at: MON });
    e = await recordEvent(db, e.id, { type: 'stage-entered', stageId: 'stage-1', reason: 'unresolved' }, { at: MON });
    const view = ladderView(e, new Date('2026-11-24T10:00:00Z'));
    expect(view.stages.map((s) => s.status)).toEqual(['done', 'current', 'ahead', 'ahead', 'ahead']);
    const current = view.stages[1]!;
    expect(current.due).toBe('2026-11-26');
    expect(current.clocks[0]!.left).toMatchObject({ urgency: 'ok', text: '2 working days left', dueText: 'due Thu 26 Nov 2026' });
    expect(current.duties.map((d) => d.duty.id)).not.toContain('notify-iro');

    const lac = await createEscalation(
      db,
      newEscalation('herefordshire', { flags: { immediateRisk: false, childProtectionPlan: false, lookedAfter: true } }),
      { at: MON },
    );
    expect(ladderView(lac, new Date(MON)).stages[1]!.duties.map((d) => d.duty.id)).toContain('notify-iro');
    expect(nextStage(e)?.id).toBe('stage-2');
  });

  it('shows stages passed over and where it was resolved', async () => {
    const db = await freshDb();
    let e = await createEscalation(
      db,
      newEscalation('pan-sussex', { startStage: 'stage-2', startReason: 'immediate-risk', agreedDays: 1 }),
      { at: MON },
    );
    e = await recordEvent(db, e.id, { type: 'resolved', methodology: 'Managers met', stageId: 'stage-2' }, { at: MON });
    expect(
      ladderView(e, new Date(MON))
        .stages.map((s) => s.status)
        .slice(0, 3),
    ).toEqual(['passed-over', 'resolved-here', 'ahead']);
    expect(nextStage(e)?.id).toBe('stage-3');
  });
});

describe('history lines', () => {
  it('describe every event in plain English', async () => {
    const db = await freshDb();
    const e = await createEscalation(db, newEscalation('herefordshire'), { at: MON });
    await recordEvent(db, e.id, { type: 'stage-entered', stageId: 'stage-1', reason: 'no-response' }, { at: MON });
    await recordEvent(db, e.id, { type: 'duty-done', stageId: 'stage-1', dutyId: 'summary-on-file' }, { at: MON });
    await recordEvent(db, e.id, { type: 'field-corrected', field: 'summary', oldValue: e.summary, newValue: 'Better words' }, { at: MON });
    const lines = (await getHistory(db, e.id)).map((ev) => describeEvent(ev, e));
    expect(lines).toEqual([
      'Escalation started (Thresholds / levels of need) with Sam Reid, Health Visitor, Community Health',
      'Escalated to Stage 1 Line/Team Manager to Line/Team Manager: No response within the agreed timeframe',
      'Done: Both parties record a summary of the issues and the actions agreed, with timescales, on the child’s case file.',
      `Corrected summary: ${e.summary} → Better words`,
    ]);
  });
});
