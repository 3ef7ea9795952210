import { describe, expect, it } from 'vitest';
import {
  bankHolidaysOf,
  addWorkingDays,
  createCalendar,
  endOfLondonDay,
  isWorkingDay,
  londonDay,
  nonWorkingReason,
  workingDaysBetween,
} from '../../lib/time/calendar';
import { NATIONS } from '../../lib/time/bank-holidays';
// The generator's own source of truth: the maintained date-holidays package.
import { bankHolidaysFromLibrary } from '../../scripts/bank-holidays-source.mjs';

describe('the bank-holiday table', () => {
  it('equals date-holidays for England and Wales, every year 2000–2060', () => {
    expect(bankHolidaysOf('england-and-wales')).toEqual(bankHolidaysFromLibrary(2000, 2060));
  });

  it.each(NATIONS)('equals date-holidays for %s, every year 2000–2060', (nation) => {
    expect(bankHolidaysOf(nation)).toEqual(bankHolidaysFromLibrary(2000, 2060, nation));
  });

  it("counts each nation's own holidays: St Andrew's Day in Scotland, St Patrick's Day and the Boyne in Northern Ireland", () => {
    const scotland = createCalendar({}, 'scotland');
    const northernIreland = createCalendar({}, 'northern-ireland');
    // Monday 30 November 2026: St Andrew's Day, a working day in England.
    expect(scotland.nonWorkingReason('2026-11-30')).toEqual({ kind: 'bank-holiday', name: expect.stringMatching(/St Andrew/) });
    expect(isWorkingDay('2026-11-30')).toBe(true);
    // Scotland's summer holiday is the first Monday of August; England's the last.
    expect(scotland.isWorkingDay('2026-08-03')).toBe(false);
    expect(scotland.isWorkingDay('2026-08-31')).toBe(true);
    expect(scotland.isWorkingDay('2026-01-02')).toBe(false);
    expect(scotland.isWorkingDay('2026-04-06')).toBe(true); // no Easter Monday
    expect(northernIreland.isWorkingDay('2026-03-17')).toBe(false);
    expect(northernIreland.isWorkingDay('2026-07-13')).toBe(false); // the Boyne, substitute for Sunday 12 July
    expect(isWorkingDay('2026-07-13')).toBe(true);
    // Friday 27 November 2026 + 1 working day: Monday in England, Tuesday in Scotland.
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30');
    expect(scotland.addWorkingDays('2026-11-27', 1)).toBe('2026-12-01');
  });

  it('refuses a calendar it does not have, naming the ones it has', () => {
    expect(() => createCalendar({}, 'wales' as never)).toThrow(/england-and-wales, scotland, northern-ireland/);
  });

  it('holds every kind of bank holiday, including the one-offs', () => {
    const cases: [string, RegExp][] = [
      ['2026-01-01', /New Year/],
      ['2026-04-03', /Good Friday/],
      ['2026-04-06', /Easter Monday/],
      ['2026-05-04', /Early May/],
      ['2026-05-25', /Spring/],
      ['2026-08-31', /Summer/],
      ['2026-12-25', /Christmas/],
      ['2026-12-28', /Boxing Day \(substitute/], // 26 Dec 2026 is a Saturday
      ['2020-05-08', /VE/], // Early May moved to Friday for VE Day
      ['2022-06-02', /Spring/], // moved for the Platinum Jubilee
      ['2022-06-03', /Jubilee/],
      ['2022-09-19', /Funeral/],
      ['2023-05-08', /Coronation/],
    ];
    for (const [day, name] of cases) {
      expect(nonWorkingReason(day), day).toEqual({ kind: 'bank-holiday', name: expect.stringMatching(name) });
    }
    // The usual early-May Monday was a working day when it moved.
    expect(isWorkingDay('2020-05-04')).toBe(true);
    expect(isWorkingDay('2022-05-30')).toBe(true);
  });
});

describe('isWorkingDay', () => {
  it('is Monday to Friday less bank holidays', () => {
    expect(isWorkingDay('2026-11-23')).toBe(true); // Monday
    expect(isWorkingDay('2026-11-27')).toBe(true); // Friday
    expect(isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-29')).toBe(false); // Sunday
    expect(isWorkingDay('2026-12-25')).toBe(false);
    expect(nonWorkingReason('2026-11-28')).toEqual({ kind: 'weekend', name: 'Saturday' });
    expect(nonWorkingReason('2026-11-23')).toBeNull();
  });

  it('rejects text that is not a real date, naming it', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(/2026-02-30/);
    expect(() => isWorkingDay('23/11/2026')).toThrow(/YYYY-MM-DD/);
    expect(() => isWorkingDay('2099-01-05')).toThrow(/2000–2060/);
  });
});

describe('previousWorkingDay', () => {
  it('steps back over weekends, bank holidays and closure days', () => {
    expect(createCalendar().previousWorkingDay('2026-11-24')).toBe('2026-11-23');
    expect(createCalendar().previousWorkingDay('2026-11-30')).toBe('2026-11-27');
    expect(createCalendar().previousWorkingDay('2026-12-29')).toBe('2026-12-24'); // 28 is the Boxing Day substitute
    expect(createCalendar({ '2026-11-23': 'Closure day' }).previousWorkingDay('2026-11-24')).toBe('2026-11-20');
  });
});

describe('addWorkingDays', () => {
  it('n = 0 gives the day itself when working, else the next working day', () => {
    expect(addWorkingDays('2026-11-23', 0)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-28', 0)).toBe('2026-11-30');
    expect(addWorkingDays('2026-12-25', 0)).toBe('2026-12-29'); // Fri 25, Sat, Sun, Mon 28 substitute
  });

  it('skips weekends', () => {
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30'); // Fri → Mon
    expect(addWorkingDays('2026-11-23', 5)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-28', 1)).toBe('2026-11-30'); // from a Saturday, the first working day after it
  });

  it('crosses the year end and its bank holidays', () => {
    // Thu 24 Dec 2026 +1: Fri 25 (Christmas), Mon 28 (Boxing Day substitute) → Tue 29.
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    // Thu 31 Dec 2026 +1: Fri 1 Jan 2027 is New Year's Day → Mon 4 Jan.
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(addWorkingDays('2027-12-24', 1)).toBe('2027-12-29'); // 27 and 28 are both substitutes
  });

  it('skips Easter and the one-off holidays', () => {
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07'); // Good Friday, Easter Monday
    expect(addWorkingDays('2023-05-05', 1)).toBe('2023-05-09'); // Coronation Monday
    expect(addWorkingDays('2022-06-01', 1)).toBe('2022-06-06'); // Jubilee Thursday and Friday
    expect(addWorkingDays('2022-09-16', 1)).toBe('2022-09-20'); // State Funeral
    expect(addWorkingDays('2020-05-07', 1)).toBe('2020-05-11'); // VE Day Friday
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-11-23', -1)).toThrow(/whole number/);
    expect(() => addWorkingDays('2026-11-23', 1.5)).toThrow(/whole number/);
  });
});

describe('extra non-working days from configuration', () => {
  const council = createCalendar({ '2026-12-24': 'Council closure day', '2026-12-29': 'Council closure day' });
  it('are skipped and explained', () => {
    expect(council.isWorkingDay('2026-12-24')).toBe(false);
    expect(council.nonWorkingReason('2026-12-24')).toEqual({ kind: 'extra', name: 'Council closure day' });
    expect(council.addWorkingDays('2026-12-23', 1)).toBe('2026-12-30');
    expect(isWorkingDay('2026-12-24')).toBe(true); // the standard calendar is untouched
  });
  it('reject a malformed day', () => {
    expect(() => createCalendar({ 'next tuesday': 'x' })).toThrow(/next tuesday/);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the first up to the second', () => {
    expect(workingDaysBetween('2026-11-23', '2026-11-30')).toBe(5);
    expect(workingDaysBetween('2026-11-30', '2026-11-23')).toBe(-5);
    expect(workingDaysBetween('2026-12-24', '2026-12-29')).toBe(1);
    expect(workingDaysBetween('2026-11-23', '2026-11-23')).toBe(0);
  });
});

describe('londonDay', () => {
  it('gives the London date whatever the machine zone', () => {
    // 23:30 UTC in summer is 00:30 the next day in London (BST).
    expect(londonDay('2026-06-30T23:30:00Z')).toBe('2026-07-01');
    // 23:30 UTC in winter is still the same day in London (GMT).
    expect(londonDay('2026-11-30T23:30:00Z')).toBe('2026-11-30');
    // An offset instant from New York.
    expect(londonDay('2026-11-30T20:00:00-05:00')).toBe('2026-12-01');
    expect(londonDay(new Date(Date.UTC(2026, 0, 1, 0, 0)))).toBe('2026-01-01');
  });

  it('handles the clock changes', () => {
    // BST starts 01:00 UTC Sun 29 Mar 2026; ends 01:00 UTC Sun 25 Oct 2026.
    expect(londonDay('2026-03-28T23:59:59Z')).toBe('2026-03-28');
    expect(londonDay('2026-03-29T23:30:00Z')).toBe('2026-03-30');
    expect(londonDay('2026-10-24T23:30:00Z')).toBe('2026-10-25');
    expect(londonDay('2026-10-25T23:30:00Z')).toBe('2026-10-25');
  });

  it('rejects text that is not a date', () => {
    expect(() => londonDay('soon')).toThrow(/soon/);
  });
});

describe('endOfLondonDay', () => {
  it('is London midnight, in GMT and in BST, and on clock-change days', () => {
    expect(endOfLondonDay('2026-11-23').toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(endOfLondonDay('2026-07-01').toISOString()).toBe('2026-07-01T23:00:00.000Z');
    expect(endOfLondonDay('2026-03-29').toISOString()).toBe('2026-03-29T23:00:00.000Z'); // 23-hour day
    expect(endOfLondonDay('2026-10-25').toISOString()).toBe('2026-10-26T00:00:00.000Z'); // 25-hour day
    expect(endOfLondonDay('2026-03-28').toISOString()).toBe('2026-03-29T00:00:00.000Z');
  });
});
