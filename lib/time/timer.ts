// How long is left on a clock, in working days (or hours for hour rules),
// and whether it is due soon (amber) or overdue (red).
import { createCalendar, londonDay, type Calendar } from './calendar';
import { formatDue, plural } from './format';

export type Urgency = 'ok' | 'due-soon' | 'overdue';

export interface TimeLeft {
  urgency: Urgency;
  /** "3 working days left", "due today", "overdue by 2 working days", "5 hours left". */
  text: string;
  /** "due Wed 23 Dec 2026". */
  dueText: string;
}

export function timeLeft(due: string, now: Date, calendar: Calendar = createCalendar()): TimeLeft {
  const dueText = `due ${formatDue(due)}`;
  if (due.length !== 10) {
    const hours = Math.floor((Date.parse(due) - now.getTime()) / 3_600_000);
    if (Date.parse(due) <= now.getTime()) {
      const late = Math.max(1, Math.ceil((now.getTime() - Date.parse(due)) / 3_600_000));
      return { urgency: 'overdue', text: `overdue by ${plural(late, 'hour')}`, dueText };
    }
    return {
      urgency: hours < 24 ? 'due-soon' : 'ok',
      text: hours < 1 ? 'less than an hour left' : `${plural(hours, 'hour')} left`,
      dueText,
    };
  }
  const today = londonDay(now);
  if (today > due) {
    const late = calendar.workingDaysBetween(due, today);
    return { urgency: 'overdue', text: late > 0 ? `overdue by ${plural(late, 'working day')}` : 'overdue', dueText };
  }
  const left = calendar.workingDaysBetween(today, due);
  if (today === due || left === 0) return { urgency: 'due-soon', text: 'due today', dueText };
  if (left === 1) return { urgency: 'due-soon', text: 'due by the end of the next working day', dueText };
  return { urgency: 'ok', text: `${plural(left, 'working day')} left`, dueText };
}
