import { describe, expect, it } from 'vitest';
import { listProtocols, getProtocol } from '../../lib/protocols';
import { scheduleEscalation, type ScheduleInput } from '../../lib/schedule/schedule';

// Mon 23 Nov 2026, 10:00 in London (GMT).
const MON = '2026-11-23T10:00:00Z';

interface ClockCase {
  protocol: string;
  stage: string;
  clock: string;
  input: Omit<ScheduleInput, 'protocolId'>;
  due: string;
  why: string;
}

function clockOf(c: Pick<ClockCase, 'protocol' | 'stage' | 'clock' | 'input'>) {
  const schedule = scheduleEscalation({ protocolId: c.protocol, ...c.input });
  const stage = schedule.stages.find((s) => s.stageId === c.stage)!;
  return { stage, clock: stage.clocks.find((k) => k.id === c.clock) };
}

const CASES: ClockCase[] = [
  // Pan-Cheshire
  {
    protocol: 'pan-cheshire',
    stage: 'initial',
    clock: 'discussion-48h',
    input: { concernRaisedAt: MON },
    due: '2026-11-25T10:00:00.000Z',
    why: '48 hours after the concern, to the minute',
  },
  {
    protocol: 'pan-cheshire',
    stage: 'initial',
    clock: 'day-1-2',
    input: { concernRaisedAt: MON },
    due: '2026-11-24',
    why: 'Day 1 is Monday, Day 2 Tuesday',
  },
  {
    protocol: 'pan-cheshire',
    stage: 'initial',
    clock: 'day-1-2',
    input: { concernRaisedAt: '2026-11-28T11:00:00Z' },
    due: '2026-12-01',
    why: 'a Saturday concern: Day 1 is the Monday',
  },
  {
    protocol: 'pan-cheshire',
    stage: 'stage-1',
    clock: 'day-3-7',
    input: { concernRaisedAt: MON },
    due: '2026-12-01',
    why: 'Day 7 is the sixth working day after Day 1',
  },
  {
    protocol: 'pan-cheshire',
    stage: 'stage-1',
    clock: 'day-3-7',
    input: { concernRaisedAt: '2026-12-23T09:00:00Z' },
    due: '2027-01-05',
    why: 'over Christmas, Boxing Day substitute and New Year',
  },
  {
    protocol: 'pan-cheshire',
    stage: 'stage-1',
    clock: 'five-working-days',
    input: {
      concernRaisedAt: MON,
      stages: [
        { stageId: 'initial', enteredAt: MON },
        { stageId: 'stage-1', enteredAt: '2026-11-25T14:00:00Z' },
      ],
    },
    due: '2026-12-02',
    why: '5 working days after the line manager is notified (Wed)',
  },
  { protocol: 'pan-cheshire', stage: 'stage-2', clock: 'day-8-13', input: { concernRaisedAt: MON }, due: '2026-12-09', why: 'Day 13' },
  { protocol: 'pan-cheshire', stage: 'stage-3', clock: 'day-14-19', input: { concernRaisedAt: MON }, due: '2026-12-17', why: 'Day 19' },
  // Halton: timeframes agreed by the parties
  {
    protocol: 'halton',
    stage: 'stage-1',
    clock: 'agreed-timeframe',
    input: { concernRaisedAt: MON, stages: [{ stageId: 'stage-1', enteredAt: '2026-11-24T09:00:00Z', agreedDays: 3 }] },
    due: '2026-11-27',
    why: '3 agreed working days from Tuesday',
  },
  {
    protocol: 'halton',
    stage: 'stage-2',
    clock: 'agreed-timeframe',
    input: {
      concernRaisedAt: MON,
      stages: [
        { stageId: 'stage-1', enteredAt: MON },
        { stageId: 'stage-2', enteredAt: '2026-11-27T09:00:00Z', agreedDays: 2 },
      ],
    },
    due: '2026-12-01',
    why: '2 agreed working days from Friday',
  },
  {
    protocol: 'halton',
    stage: 'stage-3',
    clock: 'agreed-timeframe',
    input: {
      concernRaisedAt: MON,
      stages: [
        { stageId: 'stage-1', enteredAt: MON },
        { stageId: 'stage-2', enteredAt: MON },
        { stageId: 'stage-3', enteredAt: '2026-11-27T09:00:00Z', agreedDays: 2 },
      ],
    },
    due: '2026-12-01',
    why: '2 agreed working days from Friday (version 2: stage-2 is Next Level Management)',
  },
  {
    protocol: 'halton',
    stage: 'stage-4',
    clock: 'agreed-timeframe',
    input: {
      concernRaisedAt: MON,
      stages: [
        { stageId: 'stage-1', enteredAt: MON },
        { stageId: 'stage-2', enteredAt: MON },
        { stageId: 'stage-3', enteredAt: MON },
        { stageId: 'stage-4', enteredAt: '2026-12-24T09:00:00Z', agreedDays: 1 },
      ],
    },
    due: '2026-12-29',
    why: '1 agreed working day from Christmas Eve',
  },
  // Enfield
  {
    protocol: 'enfield',
    stage: 'stage-1',
    clock: 'line-managers-same-day',
    input: { concernRaisedAt: MON, stages: [{ stageId: 'stage-1', enteredAt: '2026-11-25T11:00:00Z' }] },
    due: '2026-11-25',
    why: 'the same working day as Stage 1 starts (Wed), not the concern (Mon)',
  },
  {
    protocol: 'enfield',
    stage: 'stage-1',
    clock: 'line-managers-same-day',
    input: { concernRaisedAt: MON, stages: [{ stageId: 'stage-1', enteredAt: '2026-11-28T19:00:00Z' }] },
    due: '2026-11-30',
    why: 'Stage 1 entered on a Saturday: the next working day',
  },
  {
    protocol: 'enfield',
    stage: 'stage-1',
    clock: 'refer-next-working-day',
    input: { concernRaisedAt: MON, stages: [{ stageId: 'stage-1', enteredAt: '2026-11-27T15:00:00Z' }] },
    due: '2026-11-30',
    why: 'entered Friday: the next working day is Monday',
  },
  {
    protocol: 'enfield',
    stage: 'stage-2',
    clock: 'professionals-meeting',
    input: {
      concernRaisedAt: MON,
      stages: [
        { stageId: 'stage-1', enteredAt: MON },
        { stageId: 'stage-2', enteredAt: '2026-11-24T12:00:00Z' },
      ],
    },
    due: '2026-11-26',
    why: 'within 2 working days of Tuesday',
  },
  {
    protocol: 'enfield',
    stage: 'stage-1',
    clock: 'five-days-to-resolution',
    input: { concernRaisedAt: MON, stages: [{ stageId: 'stage-1', enteredAt: MON }] },
    due: '2026-11-30',
    why: '5 working days from stage 1',
  },
  {
    protocol: 'enfield',
    stage: 'stage-2',
    clock: 'five-days-to-resolution',
    input: { concernRaisedAt: MON, stages: [{ stageId: 'stage-1', enteredAt: MON }] },
    due: '2026-11-30',
    why: 'the same clock governs stage 2',
  },
  {
    protocol: 'enfield',
    stage: 'stage-3',
    clock: 'five-days-to-resolution',
    input: {
      concernRaisedAt: MON,
      stages: [
        { stageId: 'stage-1', enteredAt: MON },
        { stageId: 'stage-2', enteredAt: MON },
        { stageId: 'stage-3', enteredAt: '2026-11-26T09:00:00Z' },
      ],
    },
    due: '2026-11-30',
    why: 'and stage 3, anchored to stage 1 not stage 3',
  },
  {
    protocol: 'enfield',
    stage: 'stage-4',
    clock: 'five-days-to-resolution',
    input: { concernRaisedAt: MON, stages: [{ stageId: 'stage-1', enteredAt: '2026-12-22T09:00:00Z' }] },
    due: '2026-12-31',
    why: 'and stage 4; over Christmas',
  },
  // Pan-Sussex: the person escalating states the timeframe at each stage
  // (Stage 6, the Secretary of State's power, asks for none since version 2: issue 36.)
  ...[1, 2, 3, 4, 5].map((n) => ({
    protocol: 'pan-sussex',
    stage: `stage-${n}`,
    clock: 'stated-timeframe',
    input: { concernRaisedAt: MON, stages: [{ stageId: `stage-${n}`, enteredAt: '2026-11-24T10:00:00Z', agreedDays: n }] },
    due: ['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02'][n - 1]!,
    why: `${n} stated working days from Tuesday (starting at stage ${n} is allowed)`,
  })),
  // Herefordshire: working days from the initial concern
  {
    protocol: 'herefordshire',
    stage: 'stage-1',
    clock: 'within-3-days',
    input: { concernRaisedAt: MON },
    due: '2026-11-26',
    why: '3 working days after Monday',
  },
  {
    protocol: 'herefordshire',
    stage: 'stage-1',
    clock: 'within-3-days',
    input: { concernRaisedAt: '2026-12-21T16:00:00Z' },
    due: '2026-12-24',
    why: 'before Christmas',
  },
  { protocol: 'herefordshire', stage: 'stage-2', clock: 'by-day-8', input: { concernRaisedAt: MON }, due: '2026-12-03', why: 'Day 8' },
  {
    protocol: 'herefordshire',
    stage: 'stage-2',
    clock: 'by-day-8',
    input: { concernRaisedAt: '2026-12-21T16:00:00Z' },
    due: '2027-01-05',
    why: 'across Christmas and New Year',
  },
  { protocol: 'herefordshire', stage: 'stage-3', clock: 'by-day-13', input: { concernRaisedAt: MON }, due: '2026-12-10', why: 'day 13' },
  { protocol: 'herefordshire', stage: 'stage-4', clock: 'by-day-20', input: { concernRaisedAt: MON }, due: '2026-12-21', why: 'day 20' },
  ...[1, 2, 3, 4].map((n) => ({
    protocol: 'herefordshire',
    stage: `stage-${n}`,
    clock: 'agreed-response',
    input: {
      concernRaisedAt: MON,
      stages: Array.from({ length: n }, (_, i) => ({ stageId: `stage-${i + 1}`, enteredAt: '2026-11-24T10:00:00Z', agreedDays: 1 })),
    },
    due: '2026-11-25',
    why: 'a response within 1 agreed working day',
  })),
];

describe('every clock of every protocol', () => {
  for (const c of CASES) {
    const quote = getProtocol(c.protocol)
      .stages.flatMap((s) => s.clocks)
      .concat(getProtocol(c.protocol).clocks)
      .find((k) => k.id === c.clock)?.quote;
    it(`${c.protocol} ${c.stage} ${c.clock}: ${c.why} — “${quote}”`, () => {
      const { clock } = clockOf(c);
      expect(clock?.due).toBe(c.due);
      expect(clock?.quote).toBe(quote);
    });
  }

  it('the cases above cover every clock on every stage it governs', () => {
    const tested = new Set(CASES.map((c) => `${c.protocol} ${c.stage} ${c.clock}`));
    for (const p of listProtocols()) {
      for (const s of p.stages) {
        for (const k of s.clocks) expect(tested, `${p.id} ${s.id} ${k.id}`).toContain(`${p.id} ${s.id} ${k.id}`);
      }
      for (const k of p.clocks) {
        for (const s of k.stages) expect(tested, `${p.id} ${s} ${k.id}`).toContain(`${p.id} ${s} ${k.id}`);
      }
    }
  });
});

describe('a stage is due at its earliest clock', () => {
  it('Cheshire initial: Day 2 ends before 48 hours are up', () => {
    const s = scheduleEscalation({ protocolId: 'pan-cheshire', concernRaisedAt: MON }).stages[0]!;
    expect(s.due).toBe('2026-11-24');
  });

  it('Cheshire initial: 48 hours end before Day 2 when the concern is late on a Friday', () => {
    // Fri 27 Nov 23:00 → Day 1 Fri, Day 2 Mon 30; 48 h ends Sun 29 at 23:00.
    const s = scheduleEscalation({ protocolId: 'pan-cheshire', concernRaisedAt: '2026-11-27T23:00:00Z' }).stages[0]!;
    expect(s.due).toBe('2026-11-29T23:00:00.000Z');
  });

  it('Cheshire step 1: Day 7 comes before 5 working days from a late notification', () => {
    const s = scheduleEscalation({
      protocolId: 'pan-cheshire',
      concernRaisedAt: MON,
      stages: [{ stageId: 'stage-1', enteredAt: '2026-11-25T14:00:00Z' }],
    }).stages[1]!;
    expect(s.clocks.map((c) => c.due)).toEqual(['2026-12-01', '2026-12-02']);
    expect(s.due).toBe('2026-12-01');
  });

  it('Enfield stage 2: the meeting clock before the 5-day clock', () => {
    const s = scheduleEscalation({
      protocolId: 'enfield',
      concernRaisedAt: MON,
      stages: [
        { stageId: 'stage-1', enteredAt: MON },
        { stageId: 'stage-2', enteredAt: '2026-11-24T12:00:00Z' },
      ],
    }).stages[2]!;
    expect(s.due).toBe('2026-11-26');
  });

  it('Herefordshire: an agreed response earlier than Day 8 wins', () => {
    const s = scheduleEscalation({
      protocolId: 'herefordshire',
      concernRaisedAt: MON,
      stages: [
        { stageId: 'stage-1', enteredAt: MON },
        { stageId: 'stage-2', enteredAt: '2026-11-26T09:00:00Z', agreedDays: 2 },
      ],
    }).stages[2]!;
    expect(s.due).toBe('2026-11-30');
  });

  it('is null when no clock applies yet', () => {
    const sussex = scheduleEscalation({ protocolId: 'pan-sussex', concernRaisedAt: MON });
    expect(sussex.stages.map((s) => s.due)).toEqual([null, null, null, null, null, null]);
    const enfield = scheduleEscalation({ protocolId: 'enfield', concernRaisedAt: MON });
    expect(enfield.stages.map((s) => s.due)).toEqual([null, null, null, null, null]); // practitioners still talking: no clock
    const halton = scheduleEscalation({ protocolId: 'halton', concernRaisedAt: MON, stages: [{ stageId: 'stage-1', enteredAt: MON }] });
    expect(halton.stages[1]!.due).toBeNull(); // no timeframe agreed yet
  });
});

describe('bad input names the problem', () => {
  it('an unknown protocol', () => {
    expect(() => scheduleEscalation({ protocolId: 'nowhere', concernRaisedAt: MON })).toThrow(/Unknown protocol "nowhere"/);
  });
  it('an unknown stage', () => {
    expect(() =>
      scheduleEscalation({ protocolId: 'pan-sussex', concernRaisedAt: MON, stages: [{ stageId: 'initial', enteredAt: MON }] }),
    ).toThrow(/Unknown stage "initial" for protocol pan-sussex/);
  });
  it('a date that does not parse', () => {
    expect(() => scheduleEscalation({ protocolId: 'halton', concernRaisedAt: 'last Tuesday' })).toThrow(
      /concernRaisedAt must be an ISO 8601/,
    );
    expect(() =>
      scheduleEscalation({
        protocolId: 'halton',
        concernRaisedAt: MON,
        stages: [{ stageId: 'stage-1', enteredAt: '2026-13-01T00:00:00Z' }],
      }),
    ).toThrow(/stages\.0\.enteredAt/);
    // A day that does not exist, and a time with no offset (which London time would it be?).
    expect(() => scheduleEscalation({ protocolId: 'halton', concernRaisedAt: '2026-02-30T10:00:00Z' })).toThrow(/concernRaisedAt/);
    expect(() => scheduleEscalation({ protocolId: 'halton', concernRaisedAt: '2026-11-23T10:00:00' })).toThrow(/concernRaisedAt/);
    expect(scheduleEscalation({ protocolId: 'halton', concernRaisedAt: '2026-11-23T10:00:00.123+01:00' }).stages.length).toBeGreaterThan(0);
  });
  it('stages out of order, or entered twice', () => {
    expect(() =>
      scheduleEscalation({
        protocolId: 'herefordshire',
        concernRaisedAt: MON,
        stages: [
          { stageId: 'stage-2', enteredAt: MON },
          { stageId: 'stage-1', enteredAt: MON },
        ],
      }),
    ).toThrow(/out of order: stage-1 cannot follow stage-2/);
    expect(() =>
      scheduleEscalation({
        protocolId: 'herefordshire',
        concernRaisedAt: MON,
        stages: [
          { stageId: 'stage-1', enteredAt: MON },
          { stageId: 'stage-1', enteredAt: MON },
        ],
      }),
    ).toThrow(/out of order/);
  });
  it('a stage entered before the concern', () => {
    expect(() =>
      scheduleEscalation({
        protocolId: 'halton',
        concernRaisedAt: MON,
        stages: [{ stageId: 'stage-1', enteredAt: '2026-11-20T10:00:00Z' }],
      }),
    ).toThrow(/before the concern/);
  });
  it('a negative agreed timeframe', () => {
    expect(() =>
      scheduleEscalation({
        protocolId: 'pan-sussex',
        concernRaisedAt: MON,
        stages: [{ stageId: 'stage-1', enteredAt: MON, agreedDays: -2 }],
      }),
    ).toThrow(/agreedDays/);
  });
});

describe('organisation closure days', () => {
  it('push a working-day clock out', () => {
    const s = scheduleEscalation({
      protocolId: 'herefordshire',
      concernRaisedAt: MON,
      closureDays: { '2026-11-25': 'Council closure day' },
    });
    // Stage 1: 24, (25 closed), 26, 27 → Fri 27 instead of Thu 26.
    expect(s.stages[1]!.due).toBe('2026-11-27');
    expect(s.stages[2]!.due).toBe('2026-12-04');
  });
});
