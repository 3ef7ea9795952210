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
