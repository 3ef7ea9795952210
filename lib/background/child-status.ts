// What the in-page chip may say about a child: only the stage and time left of
// the most urgent open escalation, never details of the disagreement.
import { stageShortName } from '../escalation/describe';
import type { ChildStatus } from '../messages/types';
import type { Escalation } from '../records/model';
import { timeLeft } from '../time/timer';
import { createCalendar } from '../time/calendar';
import { protocolCalendar } from '../protocols';

export function childStatus(escalations: Escalation[], now: Date, closureDays: Readonly<Record<string, string>> = {}): ChildStatus {
  const open = escalations.filter((e) => e.status === 'open');
  if (open.length === 0) return { open: 0, text: null, overdue: false };
  const urgent = [...open].sort((a, b) => (a.nextDueAt ?? '9999').localeCompare(b.nextDueAt ?? '9999'))[0]!;
  const stage = stageShortName(urgent.protocolId, urgent.currentStage);
  const more = open.length > 1 ? ` (+${open.length - 1} more open)` : '';
  if (!urgent.nextDue) return { open: open.length, text: `${stage}${more}`, overdue: false };
  // Working days left on the protocol's own nation's calendar (St Andrew's Day is not one in Scotland), less closure days.
  const left = timeLeft(urgent.nextDue, now, createCalendar(closureDays, protocolCalendar(urgent)));
  return { open: open.length, text: `${stage} · ${left.text}${more}`, overdue: left.urgency === 'overdue' };
}
