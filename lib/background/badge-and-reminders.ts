// The background's overview duties: the toolbar badge and reminder
// notifications. Both are recomputed from the records whenever they change and
// when one alarm fires at the next moment anything could change (a stage
// falling due, London midnight, a reminder's time). No polling loop: between
// those moments the service worker sleeps.
import { calendarsByNation, type Calendar } from '../time/calendar';
import { protocolCalendar } from '../protocols';
import { dueCounts, firstDueAfter, openWithClock } from '../db/escalations';
import { badgeFor, dueWindows, nextBadgeChange } from '../views/overview';
import { protocolShortName, stageShortName } from '../escalation/describe';
import { notificationId, notificationTarget, planReminders, type Reminder } from '../views/reminders';
import { timeLeft } from '../time/timer';
import type { Escalation } from '../records/model';
import { database } from '../browser/database';
import { loadSettings } from '../browser/settings-storage';
import { SENT_REMINDERS_ITEM } from '../browser/storage';

export const OVERVIEW_ALARM = 'overview';
/** More than this at once become one summary notification rather than a flood. */
const MAX_SEPARATE_NOTIFICATIONS = 3;
/** Chrome will not fire an alarm sooner than 30 seconds ahead. */
const MIN_ALARM_DELAY_MS = 30_000;

/** The dashboard's address for one escalation, or for a filtered list. */
export function dashboardUrl(hash: string): string {
  return browser.runtime.getURL(`/dashboard.html#${hash}`);
}

// Firefox's Manifest V2 build calls the toolbar button browserAction.
const action = () => browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

async function drawBadge(now: Date): Promise<void> {
  const db = await database();
  const badge = badgeFor(await dueCounts(db, now));
  const button = action();
  await Promise.all([
    button.setBadgeText({ text: badge.text }),
    button.setBadgeBackgroundColor({ color: badge.colour }),
    button.setBadgeTextColor?.({ color: badge.textColour }),
    button.setTitle({ title: badge.title }),
  ]);
}

function notificationFor(e: Escalation, reminder: Reminder, now: Date, calendar: Calendar) {
  const stage = stageShortName(e.protocolId, e.currentStage);
  const left = timeLeft(reminder.due, now, calendar);
  return {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    // The reference, not the child's ID: notifications can show on a locked screen. The click opens the escalation.
    title: reminder.kind === 'overdue' ? `Escalation ${e.reference} is overdue` : `Escalation ${e.reference} is due soon`,
    message: `${protocolShortName(e.protocolId)} · ${stage}: ${left.text} (${left.dueText}).`,
    priority: reminder.kind === 'overdue' ? 2 : 1,
  };
}

async function remind(escalations: Escalation[], now: Date, quiet: boolean, closureDays: Record<string, string>): Promise<number | null> {
  const sent = new Set(await SENT_REMINDERS_ITEM.get());
  // When each reminder may be shown and what it says: its protocol's nation's working days, less the closure days.
  const calendars = calendarsByNation(closureDays);
  const plan = planReminders(escalations, sent, now.getTime(), { quiet, calendarOf: (e) => calendars(protocolCalendar(e)) });
  if (plan.send.length > 0) {
    const byId = new Map(escalations.map((e) => [e.id, e]));
    if (plan.send.length > MAX_SEPARATE_NOTIFICATIONS) {
      await browser.notifications.create(notificationId({ list: 'due=overdue' }), {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: `${plan.send.length} escalation reminders`,
        message: `${plan.send.filter((r) => r.kind === 'overdue').length} overdue, ${plan.send.filter((r) => r.kind !== 'overdue').length} due by the end of the next working day. Open the dashboard to see them.`,
        priority: 2,
      });
    } else {
      for (const r of plan.send) {
        const e = byId.get(r.escalationId)!;
        await browser.notifications.create(notificationId(r), notificationFor(e, r, now, calendars(protocolCalendar(e))));
      }
    }
  }
  const keep = [...plan.keep, ...plan.send.map((r) => r.key), ...plan.superseded.map((r) => r.key)];
  await SENT_REMINDERS_ITEM.set(keep);
  return plan.nextAt;
}

let queue: Promise<void> = Promise.resolve();

/**
 * Redraws the badge, sends any reminders now due, and sets the alarm for the
 * next moment either could change. Runs one at a time, so no reminder is sent twice.
 */
export function refreshOverview(now: () => Date = () => new Date()): Promise<void> {
  queue = queue
    .then(async () => {
      const at = now();
      await drawBadge(at);
      const db = await database();
      let next = nextBadgeChange(dueWindows(at), await firstDueAfter(db, at));
      const { values } = await loadSettings();
      if (values.reminders) {
        const reminderAt = await remind(await openWithClock(db), at, values.quietOutsideWorkingHours, values.closureDays);
        if (reminderAt !== null) next = Math.min(next, reminderAt);
      }
      // A second late, so a stage due at that instant is already overdue when the alarm looks.
      await browser.alarms.create(OVERVIEW_ALARM, { when: Math.max(next + 1_000, at.getTime() + MIN_ALARM_DELAY_MS) });
    })
    .catch((error) => console.error('Escalation Companion: could not update the overview', error));
  return queue;
}

/** A click on a reminder opens the escalation, or the overdue list. */
export function openFromNotification(id: string): void {
  void browser.tabs.create({ url: dashboardUrl(notificationTarget(id)) });
  void browser.notifications.clear(id);
}
