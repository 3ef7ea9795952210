// What the panel shows for an escalation: every stage in order, where the
// escalation is on it, each stage's clocks with time left, and its duties.
import { createCalendar, londonDay, nonWorkingDaysBetween, type NonWorkingReason } from '../time/calendar';
import { getProtocol, protocolOf, type Protocol, type Stage } from '../protocols';
import type { ClockRule, Duty } from '../protocols/schema';
import type { Escalation, StageEntry } from '../records/model';
import {
  dutyConditionHolds,
  scheduleEscalation,
  scheduleFacts,
  stageRules,
  type ScheduledClock,
  type ScheduledDuty,
} from '../schedule/schedule';
import { timeLeft, type TimeLeft } from '../time/timer';

export type StageStatus = 'done' | 'current' | 'ahead' | 'passed-over' | 'resolved-here';

export interface LadderClock {
  id: string;
  label: string;
  quote?: string;
  /** A date the people involved agreed where the protocol sets none (shown as their agreement). */
  agreedBetweenYou: boolean;
  /** A second-edition clock's condition, and whether its fact is answered yet. */
  condition?: ScheduledClock['condition'];
  due: string;
  left: TimeLeft;
  /** Days between today and the due date that are not counted, with why. */
  notCounted: { day: string; reason: NonWorkingReason }[];
}

export interface LadderStage {
  stage: Stage;
  status: StageStatus;
  entry?: StageEntry;
  due: string | null;
  clocks: LadderClock[];
  duties: { duty: Duty; done: boolean; due?: ScheduledDuty & { left: TimeLeft } }[];
  /** The preview's timeframes agreed when a stage starts: no date until the people involved agree one. */
  agreedLater?: ClockRule[];
  /** When the person escalated to acknowledged it at this stage (apart from any response); absent until then. */
  acknowledgedAt?: string;
}

/** How long a disagreement has run: what the child lives through (calendar days) beside what the clocks count. */
export interface DisagreementAge {
  calendarDays: number;
  workingDays: number;
}

/**
 * Whether a duty applies to this escalation (the IRO only for a child on a CP plan or looked after; a
 * second-edition condition unless its recorded answer rules it out).
 */
export function dutyApplies(duty: Duty, escalation: Pick<Escalation, 'flags' | 'facts'>): boolean {
  if (duty.onlyIf === 'cp-plan-or-looked-after') return escalation.flags.childProtectionPlan || escalation.flags.lookedAfter;
  return dutyConditionHolds(duty, escalation.facts);
}

export function ladderView(
  escalation: Escalation,
  now: Date,
  closureDays: Record<string, string> = {},
): { protocol: Protocol; stages: LadderStage[]; age: DisagreementAge } {
  const protocol = protocolOf(escalation);
  const calendar = createCalendar(closureDays, protocol.calendar);
  const schedule = scheduleEscalation({
    protocolId: escalation.protocolId,
    protocolVersion: protocol.version,
    concernRaisedAt: escalation.concernRaisedAt,
    stages: escalation.stages.map((s) => ({ stageId: s.stageId, enteredAt: s.enteredAt, agreedDays: s.agreedDays })),
    closureDays,
    ...scheduleFacts(escalation),
  });
  const today = londonDay(now);
  const skipped = new Set(escalation.stages.flatMap((s) => s.skipped));
  const currentIndex = protocol.stages.findIndex((s) => s.id === escalation.currentStage);
  const stages = protocol.stages.map((stage, i): LadderStage => {
    const entry = escalation.stages.find((s) => s.stageId === stage.id);
    const status: StageStatus =
      escalation.resolution?.stageId === stage.id
        ? 'resolved-here'
        : skipped.has(stage.id)
          ? 'passed-over'
          : i === currentIndex && escalation.status === 'open'
            ? 'current'
            : i <= currentIndex
              ? 'done'
              : 'ahead';
    const scheduled = schedule.stages[i]!;
    const acknowledged = escalation.milestones?.find((m) => m.milestone === 'acknowledged' && m.stageId === stage.id);
    return {
      stage,
      status,
      entry,
      ...(acknowledged ? { acknowledgedAt: acknowledged.at } : {}),
      due: scheduled.due,
      clocks: scheduled.clocks.map((c) => ({
        ...c,
        left: timeLeft(c.due, now, calendar),
        notCounted: nonWorkingDaysBetween(today, c.due.slice(0, 10), calendar),
      })),
      duties: stage.duties
        .filter((d) => dutyApplies(d, escalation))
        .map((duty) => {
          const due = scheduled.duties.find((d) => d.dutyId === duty.id);
          return {
            duty,
            done: escalation.dutiesDone.some((d) => d.stageId === stage.id && d.dutyId === duty.id),
            ...(due ? { due: { ...due, left: timeLeft(due.due, now, calendar) } } : {}),
          };
        }),
    };
  });
  const concernDay = londonDay(escalation.concernRaisedAt);
  // A closed escalation ran until it was resolved (or last changed), not until today.
  const until = escalation.status === 'open' ? today : londonDay(escalation.resolution?.at ?? escalation.updatedAt);
  const age = {
    calendarDays: Math.max(0, Math.round((Date.parse(until) - Date.parse(concernDay)) / 86_400_000)),
    workingDays: Math.max(0, calendar.workingDaysBetween(concernDay, until)),
  };
  return { protocol, stages, age };
}

/** The stage after the current one, or null at the top of the ladder. */
export function nextStage(escalation: Escalation): Stage | null {
  const protocol = protocolOf(escalation);
  const i = protocol.stages.findIndex((s) => s.id === escalation.currentStage);
  return protocol.stages[i + 1] ?? null;
}

/**
 * The ladder before any escalation exists: every stage, with the clocks that would run from `concernAt`.
 * `everyStageReached` (the options page's preview of a protocol): as if every stage were reached at that
 * moment too, so every clock shows a date to check against the document.
 */
export function previewLadder(
  protocolId: string,
  concernAt: string,
  now: Date,
  closureDays: Record<string, string> = {},
  { everyStageReached = false }: { everyStageReached?: boolean } = {},
): { protocol: Protocol; stages: LadderStage[] } {
  const protocol = getProtocol(protocolId);
  const calendar = createCalendar(closureDays, protocol.calendar);
  const reached = everyStageReached ? protocol.stages.map((s) => ({ stageId: s.id, enteredAt: concernAt })) : [];
  const schedule = scheduleEscalation({ protocolId, concernRaisedAt: concernAt, stages: reached, closureDays });
  const today = londonDay(now);
  return {
    protocol,
    stages: protocol.stages.map((stage, i) => ({
      stage,
      status: 'ahead',
      due: schedule.stages[i]!.due,
      clocks: schedule.stages[i]!.clocks.map((c) => ({
        ...c,
        left: timeLeft(c.due, now, calendar),
        notCounted: nonWorkingDaysBetween(today, c.due.slice(0, 10), calendar),
      })),
      duties: stage.duties.map((duty) => ({ duty, done: false })),
      ...(everyStageReached ? { agreedLater: stageRules(protocol, stage.id).filter((c) => c.kind === 'agreed') } : {}),
    })),
  };
}
