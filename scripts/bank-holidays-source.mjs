import Holidays from 'date-holidays';

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2060;

/** England and Wales public holidays on weekdays, day → name, per date-holidays. */
export function bankHolidaysFromLibrary(first, last) {
  const england = new Holidays('GB', 'ENG');
  const out = {};
  for (let year = first; year <= last; year++) {
    for (const h of england.getHolidays(year)) {
      if (h.type !== 'public') continue;
      const day = h.date.slice(0, 10);
      const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      out[day] = h.name;
    }
  }
  return out;
}
