// Reminder notifications (opt-in): one working day before a stage is due, and
// when it becomes overdue. Pure: given the open escalations, what was already
// sent and the time now, says what to send now and when to look again. The
// background turns that into notifications and one alarm.
import { createCalendar, fromLondonWallTime, londonDay, londonWallTime, type Calendar } from '../time/calendar';
import type { Escalation } from '../records/model';
import { dueInstant } from '../schedule/schedule';
import { escalationCalendars, type CalendarOf } from '../protocols/calendars';

/** Working hours for "quiet outside working hours": 09:00 to 17:00 London time, on working days. */
export const WORKING_HOURS = { start: '09:00', end: '17:00' } as const;

export type ReminderKind = 'due-next-working-day' | 'overdue';

export interface Reminder {
  /** Unique per escalation, stage, due date and kind: a new stage or due date gets new reminders. */
  key: string;
  escalationId: string;
  kind: ReminderKind;
  /** When to show it (ms since the epoch). */
  at: number;
  due: string;
}

export interface ReminderOptions {
  /** One calendar for every escalation (tests); otherwise each escalation's own (`calendarOf`). */
  calendar?: Calendar;
  /** Each escalation's calendar: its protocol's nation, less the organisation's closure days. */
  calendarOf?: CalendarOf;
  /** Hold reminders that fall outside working hours until the next working morning. */
  quiet: boolean;
}

/** Whether an instant is within working hours on a London working day. */
export function inWorkingHours(at: number, calendar: Calendar = createCalendar()): boolean {
  const wall = londonWallTime(new Date(at));
  const time = wall.slice(11);
  return calendar.isWorkingDay(wall.slice(0, 10)) && time >= WORKING_HOURS.start && time < WORKING_HOURS.end;
}

/** The start of working hours on a London day. */
function morningOf(day: string): number {
  return Date.parse(fromLondonWallTime(`${day}T${WORKING_HOURS.start}`));
}

/** The instant itself if it is within working hours, else the start of the next working morning. */
export function nextWorkingMoment(at: number, calendar: Calendar = createCalendar()): number {
  if (inWorkingHours(at, calendar)) return at;
  const day = londonDay(new Date(at));
  if (calendar.isWorkingDay(day) && at < morningOf(day)) return morningOf(day);
  return morningOf(calendar.addWorkingDays(day, 1));
}

/** The reminders an open escalation's current stage gets. */
export function remindersFor(e: Escalation, options: ReminderOptions): Reminder[] {
  if (e.status !== 'open' || !e.nextDue) return [];
  const calendar = calendarFor(e, options);
  const due = e.nextDue;
  const dueDay = due.length === 10 ? due : londonDay(due);
  const place = (at: number) => (options.quiet ? nextWorkingMoment(at, calendar) : at);
  const reminder = (kind: ReminderKind, at: number): Reminder => ({
    key: `${e.id}|${e.currentStage}|${due}|${kind}`,
    escalationId: e.id,
    kind,
    at: place(at),
    due,
  });
  return [
    // "One working day before": the morning of the working day before the due day.
    reminder('due-next-working-day', morningOf(calendar.previousWorkingDay(dueDay))),
    reminder('overdue', dueInstant(due)),
  ];
}

export interface ReminderPlan {
  /** Show these now. */
  send: Reminder[];
  /** Passed over: the stage was already overdue, so "due tomorrow" would mislead. Count them as sent. */
  superseded: Reminder[];
  /** When the next unsent reminder falls due (ms), or null if none. */
  nextAt: number | null;
  /** Keys still worth remembering as sent (the rest belong to stages that moved on). */
  keep: string[];
}

/** The calendar an escalation's reminders are placed on: the one given for all, or its own nation's. */
function calendarFor(e: Escalation, options: ReminderOptions): Calendar {
  return options.calendar ?? (options.calendarOf ?? escalationCalendars())(e);
}

/** What to send at `now`, given the keys already sent. */
export function planReminders(escalations: Escalation[], sent: ReadonlySet<string>, now: number, options: ReminderOptions): ReminderPlan {
  const calendarOf = options.calendar ? () => options.calendar! : (options.calendarOf ?? escalationCalendars());
  const byId = new Map(escalations.map((e) => [e.id, e]));
  const all = escalations.flatMap((e) => remindersFor(e, { ...options, calendar: calendarOf(e) }));
  const keep = all.filter((r) => sent.has(r.key)).map((r) => r.key);
  const unsent = all.filter((r) => !sent.has(r.key));
  const ripe = unsent.filter((r) => r.at <= now);
  let nextAt = unsent.filter((r) => r.at > now).reduce<number | null>((min, r) => (min === null || r.at < min ? r.at : min), null);
  // Quiet: nothing is shown outside working hours (its protocol's nation's), even if the browser was closed when it fell due.
  const held = options.quiet ? ripe.filter((r) => !inWorkingHours(now, calendarOf(byId.get(r.escalationId)!))) : [];
  for (const r of held) {
    const morning = nextWorkingMoment(now, calendarOf(byId.get(r.escalationId)!));
    nextAt = nextAt === null ? morning : Math.min(nextAt, morning);
  }
  const showable = ripe.filter((r) => !held.includes(r));
  const overdueNow = new Set(showable.filter((r) => r.kind === 'overdue').map((r) => r.escalationId));
  const superseded = showable.filter(
    (r) => r.kind === 'due-next-working-day' && (overdueNow.has(r.escalationId) || dueInstant(r.due) <= now),
  );
  const send = showable.filter((r) => !superseded.includes(r));
  return { send, superseded, nextAt, keep };
}

/** A notification's id says where a click on it leads: one escalation, or a filtered dashboard list. */
export function notificationId(target: { escalationId: string; kind: ReminderKind } | { list: string }): string {
  return 'list' in target ? `list:${target.list}` : `escalation:${target.escalationId}:${target.kind}`;
}

/** The dashboard address (after #) a click on a notification opens. */
export function notificationTarget(id: string): string {
  const escalation = /^escalation:([A-Za-z0-9-]{8,64}):/.exec(id);
  if (escalation) return `view=escalation&id=${escalation[1]}`;
  return id.startsWith('list:') ? new URLSearchParams(id.slice(5)).toString() : '';
}
