// How dates read to users: en-GB, in London time, whatever the machine's zone.
const dayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

/** "1 working day", "3 working days". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Wed 23 Dec 2026" for a day; "Wed 23 Dec 2026, 14:00" for an instant (London time). */
export function formatDue(due: string): string {
  if (due.length === 10) return dayFormat.format(new Date(`${due}T12:00:00Z`)).replace(',', '');
  const at = new Date(due);
  return `${dayFormat.format(at).replace(',', '')}, ${timeFormat.format(at)}`;
}

/** Right-to-left letters and the invisible characters that reorder text (U+202E and its kind). */
const BIDI = /[\u0590-\u08ff\u200e\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * Text someone typed, set apart from the words around it (Unicode's first-strong isolate), so a name in
 * Arabic, or a pasted right-to-left override, cannot reorder the rest of a history line. The isolate ends
 * any override inside it. Text without such characters is returned as it was.
 */
export function isolate(typed: string): string {
  return BIDI.test(typed) ? `\u2068${typed}\u2069` : typed;
}
