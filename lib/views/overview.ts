// What a manager sees at a glance: how many open escalations are overdue, due
// today, and due later this week, in London days, and what the toolbar badge
// says. Pure: the Dexie queries that feed it are in lib/db/escalations.ts.
import { addCalendarDays, endOfLondonDay, londonDay } from '../time/calendar';
import { escalationCount, t, wordsByKey } from '../strings';
import type { Escalation } from '../records/model';

/** The instants that split open escalations by their `nextDueAt` (ISO strings, so they compare with the index). */
export interface DueWindows {
  now: string;
  /** The end of today in London: a stage due today is due by then. */
  endOfToday: string;
  /** The end of this London week (Sunday): "due this week" runs from tomorrow to here. */
  endOfWeek: string;
}

export function dueWindows(now: Date): DueWindows {
  const today = londonDay(now);
  // Monday is 1 … Sunday is 7 (the day's noon in UTC is the same London date).
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay() || 7;
  return {
    now: now.toISOString(),
    endOfToday: endOfLondonDay(today).toISOString(),
    endOfWeek: endOfLondonDay(addCalendarDays(today, 7 - weekday)).toISOString(),
  };
}

export type DueBucket = 'overdue' | 'due-today' | 'due-this-week' | 'later' | 'no-clock' | 'closed';

export const DUE_BUCKET_LABELS = wordsByKey<DueBucket>({
  overdue: 'dueOverdue',
  'due-today': 'dueTodayBucket',
  'due-this-week': 'dueThisWeekBucket',
  later: 'dueLater',
  'no-clock': 'noTimeLimitRunning',
  closed: 'dueClosed',
});

/** Where one escalation falls, by when its current stage is due. */
export function dueBucket(e: Pick<Escalation, 'status' | 'nextDueAt'>, windows: DueWindows): DueBucket {
  if (e.status !== 'open') return 'closed';
  if (!e.nextDueAt) return 'no-clock';
  if (e.nextDueAt < windows.now) return 'overdue';
  if (e.nextDueAt <= windows.endOfToday) return 'due-today';
  if (e.nextDueAt <= windows.endOfWeek) return 'due-this-week';
  return 'later';
}

export interface DueCounts {
  overdue: number;
  dueToday: number;
  dueThisWeek: number;
}

export interface Badge {
  text: string;
  /** Background colour: red for overdue, amber for due today. */
  colour: string;
  textColour: string;
  title: string;
}

/** The toolbar badge: the number overdue (red), else the number due today (amber), else nothing. */
export function badgeFor(counts: DueCounts): Badge {
  const title =
    counts.overdue + counts.dueToday === 0
      ? t('badgeNothingDue')
      : t('badgeDue', { overdue: escalationCount(counts.overdue), today: String(counts.dueToday) });
  const short = (n: number) => (n > 999 ? '999+' : String(n));
  if (counts.overdue > 0) return { text: short(counts.overdue), colour: '#d4351c', textColour: '#ffffff', title };
  if (counts.dueToday > 0) return { text: short(counts.dueToday), colour: '#ffdd00', textColour: '#0b0c0c', title };
  return { text: '', colour: '#505a5f', textColour: '#ffffff', title };
}

/**
 * When the badge next needs redrawing without any change to the records: the
 * next stage falling due, or London midnight (when "tomorrow" becomes "today").
 */
export function nextBadgeChange(windows: DueWindows, nextDueAfterNow: string | undefined): number {
  const midnight = Date.parse(windows.endOfToday);
  return nextDueAfterNow ? Math.min(Date.parse(nextDueAfterNow), midnight) : midnight;
}

/** One of the next escalations to fall due, as the popup shows it: words and numbers only. */
export interface DueSoonItem {
  id: string;
  childId: string;
  /** A theme's title (issue 36), shown in place of the child ID. */
  theme?: string;
  protocol: string;
  stage: string;
  left: { text: string; urgency: 'ok' | 'due-soon' | 'overdue' };
}

/** What the popup (and the side panel on a tab with no record) shows: the counts and the next few. */
export interface DueSummary {
  counts: DueCounts;
  next: DueSoonItem[];
  /** On a manager's device holding the team's escalations (issue 35): how many of the team's are overdue. */
  team?: { overdue: number };
}
