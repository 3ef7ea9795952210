// Issue 36: acknowledgement per stage (the person escalated to has seen it) is recorded apart from a response,
// and the dashboard and the partnership figures report it apart.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterFromParams, filterToParams, firstScreenFromIndex, matchesFilter } from '../../lib/views/dashboard';
import { figuresCsv, partnershipFigures } from '../../lib/views/figures';
import { ladderView } from '../../lib/escalation/ladder';
import { dueWindows } from '../../lib/views/overview';
import { setProtocols } from '../../lib/protocols';
import { readProtocolFile } from '../../lib/protocols/read';
import { acknowledgedAt, awaitingAcknowledgement } from '../../lib/records/acknowledgement';
import { deriveEscalation } from '../../lib/records/derive';
import { EscalationEventSchema, type EventBody, type Escalation } from '../../lib/records/model';
import { newEscalation } from './fixtures/escalations';

beforeAll(() =>
  setProtocols('imported', [readProtocolFile(readFileSync(new URL('../fixtures/protocols/glen-moray.json', import.meta.url), 'utf8'))]),
);
afterAll(() => setProtocols('imported', []));

// Friday 27 Nov 2026; Monday 30 Nov is St Andrew's Day, a bank holiday in Scotland only.
const CONCERN = '2026-11-27T10:00:00Z';
const now = new Date('2026-12-02T12:00:00Z');

/** An escalation under `protocolId` raised on Friday 27 Nov, with these events after its creation (each at its own time). */
function escalation(protocolId: string, later: { body: EventBody; at: string }[] = [], id = `${protocolId}-esc`): Escalation {
  const bodies = [
    {
      body: { type: 'created', reference: 'ESC-CCCCCC', escalation: { ...newEscalation(protocolId, { concernRaisedAt: CONCERN }) } },
      at: CONCERN,
    } as const,
    ...later,
  ];
  return deriveEscalation(
    bodies.map(({ body, at }, i) => EscalationEventSchema.parse({ ...body, id: `${id}-${i + 1}`, escalationId: id, seq: i + 1, at })),
  );
}
const acknowledged = (stageId: string, happenedAt: string) => ({
  body: { type: 'milestone', milestone: 'acknowledged', stageId, happenedAt } as const,
  at: happenedAt,
});
const entered = (stageId: string, at: string) => ({ body: { type: 'stage-entered', stageId, reason: 'unresolved' } as const, at });
const responded = (at: string) => ({ body: { type: 'response-received', from: 'Sam Reid', summary: 'We will look again.' } as const, at });

describe('acknowledgement per stage', () => {
  it('is the earliest acknowledgement recorded at that stage, never another stage’s, and never a response', () => {
    const e = escalation('pan-cheshire', [
      responded('2026-11-27T12:00:00Z'),
      acknowledged('initial', '2026-11-30T11:00:00Z'),
      acknowledged('initial', '2026-11-30T09:00:00Z'),
      entered('stage-1', '2026-12-01T09:00:00Z'),
    ]);
    expect(acknowledgedAt(e, 'initial')).toBe('2026-11-30T09:00:00Z');
    expect(acknowledgedAt(e, 'stage-1')).toBeUndefined();
    // Escalated to Stage 1: the acknowledgement at the discussion does not count for the person escalated to now.
    expect(awaitingAcknowledgement(e)).toBe(true);
    expect(ladderView(e, now).stages.find((s) => s.stage.id === 'initial')!.acknowledgedAt).toBe('2026-11-30T09:00:00Z');
    expect(ladderView(e, now).stages.find((s) => s.stage.id === 'stage-1')!.acknowledgedAt).toBeUndefined();
  });

  it('a response alone is not an acknowledgement', () => {
    expect(awaitingAcknowledgement(escalation('pan-cheshire', [responded('2026-11-27T12:00:00Z')]))).toBe(true);
  });

  it('property: the earliest of the acknowledgements recorded at the stage, whatever their order', () => {
    const stages = ['initial', 'stage-1', 'stage-2'] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            milestone: fc.constantFrom('acknowledged', 'meeting-held', 'informed') as fc.Arbitrary<
              'acknowledged' | 'meeting-held' | 'informed'
            >,
            stageId: fc.constantFrom(...stages),
            at: fc.integer({ min: Date.parse('2026-01-01'), max: Date.parse('2027-01-01') }).map((t) => new Date(t).toISOString()),
          }),
          { maxLength: 12 },
        ),
        fc.constantFrom(...stages),
        (milestones, stageId) => {
          const mine = milestones
            .filter((m) => m.milestone === 'acknowledged' && m.stageId === stageId)
            .map((m) => m.at)
            .sort();
          expect(acknowledgedAt({ milestones }, stageId)).toBe(mine[0]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the dashboard’s “not yet acknowledged”', () => {
  const w = dueWindows(now);
  const notYet = filterFromParams(new URLSearchParams({ acknowledged: 'not-yet' }));

  it('is read from and written to the address; anything else is ignored', () => {
    expect(notYet.acknowledged).toBe('not-yet');
    expect(filterToParams(notYet).toString()).toBe('acknowledged=not-yet');
    expect(filterFromParams(new URLSearchParams({ acknowledged: 'yes' })).acknowledged).toBeUndefined();
    // Not an index question: the whole list is read first.
    expect(firstScreenFromIndex(notYet, w, 60)).toBeNull();
  });

  it('keeps an open escalation until the person escalated to at its current stage acknowledges it', () => {
    const waiting = escalation('pan-cheshire');
    const seen = escalation('pan-cheshire', [acknowledged('initial', '2026-11-30T09:00:00Z')]);
    const resolved = escalation('pan-cheshire', [
      { body: { type: 'resolved', methodology: 'Agreed', stageId: 'initial' }, at: '2026-11-30T09:00:00Z' },
    ]);
    expect([waiting, seen, resolved].map((e) => matchesFilter(e, notYet, w))).toEqual([true, false, false]);
    // Without the filter every open one shows.
    expect([waiting, seen].map((e) => matchesFilter(e, filterFromParams(new URLSearchParams()), w))).toEqual([true, true]);
  });
});

describe('the figures report acknowledgement apart from responses', () => {
  const period = { from: '2026-10-01', to: '2026-12-31' };

  it('share of stages acknowledged and the median working days, on the protocol’s nation’s calendar', () => {
    // Stage entered Friday 27 Nov, acknowledged Tuesday 1 Dec: 2 working days in England, 1 in Scotland (St Andrew's Day).
    const later = [responded('2026-11-28T10:00:00Z'), acknowledged('initial', '2026-12-01T10:00:00Z')];
    const english = partnershipFigures([escalation('pan-cheshire', later), escalation('pan-cheshire', [], 'second-escalation')], {
      period,
      now,
    });
    expect(english.acknowledgement).toEqual({ stagesEntered: 2, acknowledged: 1, medianWorkingDaysToAcknowledge: 2 });
    expect(english.openNotYetAcknowledged).toBe(1);
    const scottish = partnershipFigures([escalation('glen-moray', later)], { period, now });
    expect(scottish.acknowledgement).toEqual({ stagesEntered: 1, acknowledged: 1, medianWorkingDaysToAcknowledge: 1 });
    expect(scottish.openNotYetAcknowledged).toBe(0);
    // The organisation's closure days are not counted either.
    const closed = partnershipFigures([escalation('pan-cheshire', later)], { period, now, closureDays: { '2026-11-30': 'Closure day' } });
    expect(closed.acknowledgement.medianWorkingDaysToAcknowledge).toBe(1);
  });

  it('each stage entered counts once, acknowledged or not; none acknowledged gives no median', () => {
    const e = escalation('pan-cheshire', [entered('stage-1', '2026-11-30T09:00:00Z'), acknowledged('stage-1', '2026-12-02T09:00:00Z')]);
    expect(partnershipFigures([e], { period, now }).acknowledgement).toEqual({
      stagesEntered: 2,
      acknowledged: 1,
      medianWorkingDaysToAcknowledge: 2,
    });
    expect(partnershipFigures([escalation('pan-cheshire')], { period, now }).acknowledgement.medianWorkingDaysToAcknowledge).toBeNull();
  });

  it('the CSV carries them on their own lines', () => {
    const csv = figuresCsv(
      partnershipFigures([escalation('pan-cheshire', [acknowledged('initial', '2026-12-01T10:00:00Z')])], { period, now }),
    );
    expect(csv).toContain('Stages entered in the period,,,1');
    expect(csv).toContain('"Stages entered in the period, acknowledged",,,1');
    expect(csv).toContain('Median working days from entering a stage to its acknowledgement,,,2');
    expect(csv).toContain('"Open now, current stage not yet acknowledged",,,0');
  });
});
