import Holidays from 'date-holidays';

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2060;

/** The nations a protocol may name as its calendar, and date-holidays' region for each. */
export const NATIONS = { 'england-and-wales': 'ENG', scotland: 'SCT', 'northern-ireland': 'NIR' };

/** A nation's public holidays on weekdays, day → name, per date-holidays. */
export function bankHolidaysFromLibrary(first, last, nation = 'england-and-wales') {
  const region = new Holidays('GB', NATIONS[nation]);
  const out = {};
  for (let year = first; year <= last; year++) {
    for (const h of region.getHolidays(year)) {
      if (h.type !== 'public') continue;
      const day = h.date.slice(0, 10);
      const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      out[day] = h.name;
    }
  }
  return out;
}
