// Property tests: rules that must hold for any day, any protocol, any history.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NATIONS } from '../../lib/time/bank-holidays';
import { addCalendarDays, addWorkingDays, createCalendar, isWorkingDay, workingDaysBetween } from '../../lib/time/calendar';
import { listProtocols } from '../../lib/protocols';
import { dueInstant, scheduleEscalation } from '../../lib/schedule/schedule';

const day = fc.integer({ min: 0, max: 365 * 40 }).map((n) => addCalendarDays('2005-01-01', n));
const instant = fc.integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2040, 0, 1) }).map((ms) => new Date(ms).toISOString());

describe('working days', () => {
  it('adding working days never lands on a non-working day', () => {
    fc.assert(fc.property(day, fc.integer({ min: 0, max: 60 }), (d, n) => isWorkingDay(addWorkingDays(d, n))));
  });

  it('working days between two days, counted, are the working days found walking day by day', () => {
    // Closure days on weekdays, weekends and bank holidays (counted once), in every nation.
    const closures = fc.dictionary(day, fc.constant('Council closure day'), { maxKeys: 12 });
    fc.assert(
      fc.property(day, fc.integer({ min: -1_200, max: 1_200 }), closures, fc.constantFrom(...NATIONS), (from, n, closed, nation) => {
        const calendar = createCalendar({ ...closed, '2025-12-25': 'Closed', '2026-11-28': 'Saturday opening' }, nation);
        const to = addCalendarDays(from, n);
        const [start, end] = n >= 0 ? [from, to] : [to, from];
        let walked = 0;
        for (let d = addCalendarDays(start, 1); d <= end; d = addCalendarDays(d, 1)) if (calendar.isWorkingDay(d)) walked++;
        return calendar.workingDaysBetween(from, to) === Math.sign(n) * walked;
      }),
      { numRuns: 300 },
    );
  });

  it('adding n ≥ 1 working days moves exactly n working days on', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), (d, n) => {
        const later = addWorkingDays(d, n);
        return later > d && workingDaysBetween(d, later) === n;
      }),
    );
  });
});

describe('schedules', () => {
  const protocols = listProtocols();
  const history = fc.record({
    protocol: fc.constantFrom(...protocols),
    concern: instant,
    // for each stage: entered or not, hours after the previous entry, agreed days
    steps: fc.array(
      fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 24 * 20 }), fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined })),
      {
        minLength: 6,
        maxLength: 6,
      },
    ),
  });

  it("a stage's due is never after any of its clocks, and is one of them", () => {
    fc.assert(
      fc.property(history, ({ protocol, concern, steps }) => {
        let at = Date.parse(concern);
        const stages = protocol.stages.flatMap((stage, i) => {
          const [entered, hours, agreedDays] = steps[i]!;
          if (!entered) return [];
          at += hours * 3_600_000;
          return [{ stageId: stage.id, enteredAt: new Date(at).toISOString(), agreedDays }];
        });
        const schedule = scheduleEscalation({ protocolId: protocol.id, concernRaisedAt: concern, stages });
        for (const s of schedule.stages) {
          if (s.clocks.length === 0) expect(s.due).toBeNull();
          else {
            expect(s.clocks.map((c) => c.due)).toContain(s.due);
            for (const c of s.clocks) expect(dueInstant(s.due!)).toBeLessThanOrEqual(dueInstant(c.due));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
