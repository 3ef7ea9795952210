// Working days in a UK nation (England and Wales unless a protocol names Scotland or Northern Ireland),
// counted on Europe/London calendar dates whatever the machine's own time zone. A "day" is always a
// 'YYYY-MM-DD' string.
import { BANK_HOLIDAY_DAYS_BY_NAME, BANK_HOLIDAY_YEARS, NATIONS, type Nation } from './bank-holidays';

export type { Nation } from './bank-holidays';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

const londonDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Parses 'YYYY-MM-DD' to UTC midnight milliseconds; throws a clear error for anything else. */
function dayToUtc(day: string): number {
  const m = DAY.exec(day);
  if (!m) throw new Error(`Not a calendar date (expected YYYY-MM-DD): ${JSON.stringify(day)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new Error(`Not a real calendar date: ${day}`);
  }
  return ms;
}

/** Whether a value is a 'YYYY-MM-DD' day that exists (not 30 February). */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    dayToUtc(value);
    return true;
  } catch {
    return false;
  }
}

function utcToDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The day after (or before, for negative n) a calendar day. */
export function addCalendarDays(day: string, n: number): string {
  return utcToDay(dayToUtc(day) + n * MS_PER_DAY);
}

/** The same date `n` months later, or that month's last day when it has no such date (31 January + 1 month: 28 or 29 February). */
export function addCalendarMonths(day: string, n: number): string {
  const ms = dayToUtc(day);
  const d = new Date(ms);
  const [y, m] = [d.getUTCFullYear(), d.getUTCMonth() + n];
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return utcToDay(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}

/** Whole years from one 'YYYY-MM-DD' to another (a person's age on a day); null if `to` is before `from`. */
export function wholeYearsBetween(from: string, to: string): number | null {
  if (to < from) return null;
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

/** The Europe/London calendar date of an instant. */
export function londonDay(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new Error(`Not a date and time: ${JSON.stringify(String(instant))}`);
  return londonDateFormat.format(date);
}

const londonHourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' });

/** The Europe/London hour (0–23) of an instant. */
export function londonHour(instant: string | Date): number {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new Error(`Not a date and time: ${JSON.stringify(String(instant))}`);
  return Number(londonHourFormat.format(date));
}

/** The instant a London calendar day ends (midnight at its close, in UTC), BST or GMT as it applies. */
export function endOfLondonDay(day: string): Date {
  const nextUtcMidnight = dayToUtc(day) + MS_PER_DAY;
  // London is UTC+1 (BST) or UTC+0 (GMT): its midnight is one of these two instants.
  for (const offsetHours of [1, 0]) {
    const candidate = nextUtcMidnight - offsetHours * 3_600_000;
    if (londonDay(new Date(candidate)) !== day && londonDay(new Date(candidate - 1)) === day) {
      return new Date(candidate);
    }
  }
  throw new Error(`Cannot place the end of ${day} in Europe/London`);
}

export type NonWorkingReason =
  { kind: 'weekend'; name: 'Saturday' | 'Sunday' } | { kind: 'bank-holiday'; name: string } | { kind: 'extra'; name: string };

export interface Calendar {
  isWorkingDay(day: string): boolean;
  /** The nth working day after `day` (not counting `day`); n = 0: the day itself if working, else the next working day. */
  addWorkingDays(day: string, n: number): string;
  /** The last working day before `day`. */
  previousWorkingDay(day: string): string;
  /** Why a day is not a working day, or null when it is one. */
  nonWorkingReason(day: string): NonWorkingReason | null;
  /** Working days after `from` up to and including `to` (negative when `to` is earlier). */
  workingDaysBetween(from: string, to: string): number;
}

const tables = new Map<Nation, Readonly<Record<string, string>>>();

/** A nation's bank holidays, day → name (undefined for a nation there is no table for). */
export function bankHolidaysOf(nation: Nation): Readonly<Record<string, string>> | undefined {
  if (!Object.hasOwn(BANK_HOLIDAY_DAYS_BY_NAME, nation)) return undefined;
  if (!tables.has(nation)) {
    const byDay: Record<string, string> = {};
    for (const [name, days] of Object.entries(BANK_HOLIDAY_DAYS_BY_NAME[nation])) for (const day of days.split(' ')) byDay[day] = name;
    tables.set(nation, byDay);
  }
  return tables.get(nation);
}

function noCalendar(nation: string): never {
  throw new Error(`No calendar for ${JSON.stringify(nation)}; the calendars are ${NATIONS.join(', ')}`);
}

/**
 * A calendar of Monday to Friday less a nation's bank holidays (England and Wales unless the protocol
 * names another), plus any extra non-working days an organisation configures (closure days), given as
 * day → reason ("Council closure day").
 */
export function createCalendar(closureDays: Readonly<Record<string, string>> = {}, nation: Nation = 'england-and-wales'): Calendar {
  for (const day of Object.keys(closureDays)) dayToUtc(day);
  const bankHolidays = bankHolidaysOf(nation) ?? noCalendar(nation);

  function nonWorkingReason(day: string): NonWorkingReason | null {
    const weekday = new Date(dayToUtc(day)).getUTCDay();
    if (weekday === 0) return { kind: 'weekend', name: 'Sunday' };
    if (weekday === 6) return { kind: 'weekend', name: 'Saturday' };
    const year = Number(day.slice(0, 4));
    if (year < BANK_HOLIDAY_YEARS.first || year > BANK_HOLIDAY_YEARS.last) {
      throw new Error(`Bank holidays are known for ${BANK_HOLIDAY_YEARS.first}–${BANK_HOLIDAY_YEARS.last} only; ${day} is outside them`);
    }
    const holiday = bankHolidays[day];
    if (holiday) return { kind: 'bank-holiday', name: holiday };
    const extra = closureDays[day];
    if (extra !== undefined) return { kind: 'extra', name: extra };
    return null;
  }

  const isWorkingDay = (day: string) => nonWorkingReason(day) === null;

  function addWorkingDays(day: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new Error(`Working days to add must be a whole number ≥ 0, not ${n}`);
    let current = day;
    if (n === 0) {
      while (!isWorkingDay(current)) current = addCalendarDays(current, 1);
      return current;
    }
    // The nth working day after `day`; `day` itself is not counted, working or not.
    for (let left = n; left > 0;) {
      current = addCalendarDays(current, 1);
      if (isWorkingDay(current)) left--;
    }
    return current;
  }

  function previousWorkingDay(day: string): string {
    let current = addCalendarDays(day, -1);
    while (!isWorkingDay(current)) current = addCalendarDays(current, -1);
    return current;
  }

  /** Bank holidays and closure days that fall Monday to Friday, sorted, as UTC midnights: made when first needed. */
  let weekdaysOff: number[] | undefined;
  const offWeekdays = () =>
    (weekdaysOff ??= [...new Set([...Object.keys(bankHolidays), ...Object.keys(closureDays)])]
      .map(dayToUtc)
      .filter((ms) => new Date(ms).getUTCDay() % 6 !== 0)
      .sort((a, b) => a - b));
  /** How many of `sorted` are ≤ `ms`. */
  const countUpTo = (sorted: number[], ms: number) => {
    let [low, high] = [0, sorted.length];
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid]! <= ms) low = mid + 1;
      else high = mid;
    }
    return low;
  };

  function workingDaysBetween(from: string, to: string): number {
    const sign = dayToUtc(to) >= dayToUtc(from) ? 1 : -1;
    const [start, end] = sign === 1 ? [from, to] : [to, from];
    // Outside the years the bank holidays are known for: day by day, so the first weekday there says so.
    if (Number(addCalendarDays(start, 1).slice(0, 4)) < BANK_HOLIDAY_YEARS.first || Number(end.slice(0, 4)) > BANK_HOLIDAY_YEARS.last) {
      let count = 0;
      for (let d = addCalendarDays(start, 1); d <= end; d = addCalendarDays(d, 1)) if (isWorkingDay(d)) count++;
      return sign * count;
    }
    // Counted, not walked (a list of escalations overdue by months asks this for every row): Mondays to Fridays
    // after `start` up to `end`, less the bank holidays and closure days among them.
    const [a, b] = [dayToUtc(start), dayToUtc(end)];
    const days = Math.round((b - a) / MS_PER_DAY);
    const startWeekday = new Date(a).getUTCDay();
    let weekdays = Math.floor(days / 7) * 5;
    for (let i = 1; i <= days % 7; i++) if (((startWeekday + i) % 7) % 6 !== 0) weekdays++;
    const off = offWeekdays();
    return sign * (weekdays - (countUpTo(off, b) - countUpTo(off, a)));
  }

  return { isWorkingDay, addWorkingDays, previousWorkingDay, nonWorkingReason, workingDaysBetween };
}

/** One calendar per nation with the same closure days, made when first asked for (a list of many escalations). */
export function calendarsByNation(closureDays: Readonly<Record<string, string>> = {}): (nation: Nation) => Calendar {
  const made = new Map<Nation, Calendar>();
  return (nation) => {
    if (!made.has(nation)) made.set(nation, createCalendar(closureDays, nation));
    return made.get(nation)!;
  };
}

const standard = createCalendar();

/** Monday to Friday, not an England and Wales bank holiday. */
export const isWorkingDay = standard.isWorkingDay;
/** The nth working day after `day`; n = 0: the day itself if working, else the next working day. */
export const addWorkingDays = standard.addWorkingDays;
export const nonWorkingReason = standard.nonWorkingReason;
export const workingDaysBetween = standard.workingDaysBetween;

const londonWallFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2026-11-23T09:30": the London wall-clock time of an instant, as a datetime-local input shows it. */
export function londonWallTime(instant: Date): string {
  const parts = Object.fromEntries(londonWallFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * The instant of a London wall-clock time typed by a person ("2026-11-23T09:30"),
 * whatever the machine's zone. In the hour the clocks go back, the first (BST)
 * reading is taken; a time skipped when they go forward is moved on an hour.
 */
export function fromLondonWallTime(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) throw new Error(`Not a date and time (expected YYYY-MM-DDTHH:MM): ${JSON.stringify(value)}`);
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  for (const offsetHours of [1, 0]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    if (londonWallTime(candidate) === value) return candidate.toISOString();
  }
  return new Date(asUtc).toISOString();
}

/** Days after `from` up to and including `to` that are not working days, and why. */
export function nonWorkingDaysBetween(
  from: string,
  to: string,
  calendar: Calendar = standard,
): { day: string; reason: NonWorkingReason }[] {
  const out: { day: string; reason: NonWorkingReason }[] = [];
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
    const reason = calendar.nonWorkingReason(d);
    if (reason) out.push({ day: d, reason });
  }
  return out;
}
