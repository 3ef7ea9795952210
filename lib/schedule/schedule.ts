// Every stage's clocks and due date, from an escalation's history. Pure: the
// same history always gives the same schedule.
//
// Conventions (also in the README):
// - "within N working days of X": by the end of the Nth working day after X's London date.
// - "Day N": Day 1 is the concern's London date if a working day, else the next one.
// - "same working day": the anchor's London date if working, else the next working day;
//   "next working day": the first working day after the anchor's date.
// - "within 48 hours": the anchor instant plus 48 hours.
// - "within N calendar days / weeks / months": by the end of that London date after the anchor's date,
//   weekends and holidays counted (a month: the same date, or the month's last day).
// - A cut-off hour (second edition): an anchor after that London hour counts from the next working day.
// - A clock with a condition runs when its fact has that value, and also while the fact is not yet recorded
//   (the earlier deadline is never hidden by an unanswered question); it is marked so the panel can say "if …".
// - A stage is due at the earliest of its clocks that apply; null when none applies yet.
import {
  addCalendarDays,
  addCalendarMonths,
  createCalendar,
  endOfLondonDay,
  isDay,
  londonDay,
  londonHour,
  type Calendar,
} from '../time/calendar';
import { getProtocol, getStage, type Protocol } from '../protocols';
import { t } from '../strings';
import type { ClockRule, Condition, Duty, RecordedEvent } from '../protocols/schema';

/** A fact's recorded value: true/false for a yes/no question, a choice's id otherwise. */
export type FactValue = boolean | string;
/** Something recorded as it happened that a clock may count from (a meeting held at stage-2). */
export interface RecordedAt {
  event: RecordedEvent;
  stageId: string;
  at: string;
}

/** What a schedule is computed from: an escalation's history, or a preview's made-up one. */
export interface ScheduleInput {
  protocolId: string;
  /** The version an escalation follows; the current one when absent (a preview, the start form). */
  protocolVersion?: string;
  concernRaisedAt: string;
  stages?: { stageId: string; enteredAt: string; agreedDays?: number }[];
  /** Organisation closure days, day → reason. */
  closureDays?: Record<string, string>;
  /** The child was marked at immediate risk: the protocol's "same working day" runs from the concern. */
  immediateRisk?: boolean;
  /** Second edition: the facts recorded on the escalation, fact id → value. */
  facts?: Readonly<Record<string, FactValue>>;
  /** Second edition: events recorded as they happened, in order. */
  events?: readonly RecordedAt[];
}

/** An ISO 8601 date and time with its offset (as the records hold them), of a day that exists. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;
const isInstant = (value: unknown): boolean => typeof value === 'string' && INSTANT.test(value) && isDay(value.slice(0, 10));

/**
 * What is wrong with a schedule's input, or nothing. Checked by hand, not by a schema: it runs for every
 * schedule drawn, and a page's first paint must not wait for the schema library.
 */
function inputProblems(input: ScheduleInput): string[] {
  const problems: string[] = [];
  const instant = 'must be an ISO 8601 date and time, such as 2026-11-23T09:30:00Z';
  if (typeof input.protocolId !== 'string' || !input.protocolId) problems.push('protocolId is required');
  if (!isInstant(input.concernRaisedAt)) problems.push(`concernRaisedAt ${instant}`);
  (input.stages ?? []).forEach((stage, i) => {
    if (typeof stage.stageId !== 'string' || !stage.stageId) problems.push(`stages.${i}.stageId is required`);
    if (!isInstant(stage.enteredAt)) problems.push(`stages.${i}.enteredAt ${instant}`);
    const days = stage.agreedDays;
    if (days !== undefined && !(Number.isInteger(days) && days >= 0 && days <= 365)) {
      problems.push(`stages.${i}.agreedDays must be a whole number of working days from 0 to 365`);
    }
  });
  return problems;
}

export interface ScheduledClock {
  id: string;
  label: string;
  /** 'YYYY-MM-DD' (by the end of that London working day) or an ISO instant for hour rules. */
  due: string;
  /** The sentence that founds the clock; absent for a timeframe only the people involved set. */
  quote?: string;
  /** A date the people involved agreed where the protocol sets no timescale (Halton): their agreement, not the protocol's deadline. */
  agreedBetweenYou: boolean;
  /** The condition it runs under, and whether the fact is recorded yet (false: it runs until the answer says otherwise). */
  condition?: Condition & { known: boolean };
}

/** A duty's own deadline (second edition). */
export interface ScheduledDuty {
  dutyId: string;
  due: string;
  label: string;
  quote?: string;
}

export interface StageSchedule {
  stageId: string;
  due: string | null;
  clocks: ScheduledClock[];
  /** Duties with deadlines of their own, once their anchor has happened. */
  duties: ScheduledDuty[];
}

/** The id of the clock the immediate-risk route's "same working day" is shown as. */
export const IMMEDIATE_RISK_CLOCK = 'immediate-risk-same-working-day';

export interface Schedule {
  stages: StageSchedule[];
}

/** Milliseconds at which a due value falls due: a day is due at the end of that London day. */
export function dueInstant(due: string): number {
  return due.length === 10 ? endOfLondonDay(due).getTime() : Date.parse(due);
}

/** Checks stages are the protocol's own, each entered once, in the protocol's order and time order. */
function checkStageHistory(protocol: Protocol, input: ScheduleInput): void {
  const order = protocol.stages.map((s) => s.id);
  let lastIndex = -1;
  let lastTime = Date.parse(input.concernRaisedAt);
  for (const entry of input.stages ?? []) {
    getStage(protocol, entry.stageId);
    const index = order.indexOf(entry.stageId);
    if (index <= lastIndex) {
      throw new Error(`Stages out of order: ${entry.stageId} cannot follow ${order[lastIndex]} (the order is ${order.join(', ')})`);
    }
    const time = Date.parse(entry.enteredAt);
    if (time < lastTime) {
      throw new Error(`${entry.stageId} was entered at ${entry.enteredAt}, before the concern or the stage before it`);
    }
    lastIndex = index;
    lastTime = time;
  }
}

/** What a clock may count from, for one stage of one escalation. */
interface Anchors {
  concernAt: string;
  stageEnteredAt: string | undefined;
  enteredAt: ReadonlyMap<string, string>;
  stageId: string;
  events: readonly RecordedAt[];
}

/** The instant a clock counts from, or undefined while it has not happened. */
function anchorInstant(clock: ClockRule, a: Anchors): string | undefined {
  if (clock.kind === 'day-window' || clock.anchor === 'concern') return a.concernAt;
  if (clock.anchor === 'stage-entered') return a.stageEnteredAt;
  if (clock.anchor.startsWith('entered:')) return a.enteredAt.get(clock.anchor.slice('entered:'.length));
  // An event: the first time it was recorded at the named stage (or this one).
  const [event, stageId = a.stageId] = clock.anchor.split(':');
  return a.events.find((e) => e.event === event && e.stageId === stageId)?.at;
}

/** The London date a day-counted clock counts from: after the cut-off hour, the next working day. */
function countingDay(instant: string, calendar: Calendar, cutOffHour: number | undefined): string {
  const day = londonDay(instant);
  return cutOffHour !== undefined && londonHour(instant) >= cutOffHour ? calendar.addWorkingDays(day, 1) : day;
}

function clockDue(clock: ClockRule, calendar: Calendar, a: Anchors, agreedDays: number | undefined, cutOffHour?: number): string | null {
  const anchor = anchorInstant(clock, a);
  if (anchor === undefined) return null;
  const anchorDay = countingDay(anchor, calendar, cutOffHour);
  switch (clock.kind) {
    case 'working-days':
      return calendar.addWorkingDays(anchorDay, clock.days);
    case 'day-window':
      return calendar.addWorkingDays(calendar.addWorkingDays(anchorDay, 0), clock.toDay - 1);
    case 'hours':
      return new Date(Date.parse(anchor) + clock.hours * 3_600_000).toISOString();
    case 'same-working-day':
      return calendar.addWorkingDays(anchorDay, 0);
    case 'next-working-day':
      return calendar.addWorkingDays(anchorDay, 1);
    case 'calendar':
      return clock.unit === 'months'
        ? addCalendarMonths(anchorDay, clock.amount)
        : addCalendarDays(anchorDay, clock.amount * (clock.unit === 'weeks' ? 7 : 1));
    case 'agreed':
      return agreedDays === undefined ? null : calendar.addWorkingDays(anchorDay, agreedDays);
  }
}

/** Whether a condition holds: true or false once its fact is recorded, null while it is not. */
export function conditionHolds(condition: Condition, facts: Readonly<Record<string, FactValue>> = {}): boolean | null {
  if (!Object.hasOwn(facts, condition.fact)) return null;
  return facts[condition.fact] === condition.is;
}

/** The clocks that govern a stage: its own and any protocol-wide clock that covers it (Enfield's 5 days). */
export function stageRules(protocol: Protocol, stageId: string): ClockRule[] {
  return [...getStage(protocol, stageId).clocks, ...protocol.clocks.filter((c) => c.stages.includes(stageId))];
}

/** A stage the document gives no timescale: only a date the people involved agree can be kept (Halton). */
export function setsNoTimescale(protocol: Protocol, stageId: string): boolean {
  const rules = stageRules(protocol, stageId);
  return rules.length > 0 && rules.every((c) => c.kind === 'agreed' && c.setBy === 'parties');
}

export function scheduleEscalation(given: ScheduleInput): Schedule {
  const problems = inputProblems(given);
  if (problems.length) throw new Error(`Cannot schedule this escalation: ${problems.join('; ')}`);
  const input = { ...given, stages: given.stages ?? [] };
  const protocol = getProtocol(input.protocolId, input.protocolVersion);
  checkStageHistory(protocol, input);
  const calendar = createCalendar(input.closureDays, protocol.calendar);

  const entered = new Map(input.stages.map((s) => [s.stageId, s]));
  const enteredAt = new Map(input.stages.map((s) => [s.stageId, s.enteredAt]));
  const facts = input.facts ?? {};
  const cutOff = protocol.cutOff?.hour;
  // The immediate-risk route's "same working day" belongs to the stage the escalation started at.
  const riskStage =
    input.immediateRisk && protocol.immediateRisk.sameWorkingDay ? (input.stages[0]?.stageId ?? protocol.stages[0]!.id) : null;

  return {
    stages: protocol.stages.map((stage) => {
      const history = entered.get(stage.id);
      const anchors: Anchors = {
        concernAt: input.concernRaisedAt,
        stageEnteredAt: history?.enteredAt,
        enteredAt,
        stageId: stage.id,
        events: input.events ?? [],
      };
      const clocks: ScheduledClock[] = [];
      if (stage.id === riskStage) clocks.push(immediateRiskClock(protocol, calendar, input.concernRaisedAt));
      for (const rule of stageRules(protocol, stage.id)) {
        const holds = rule.when ? conditionHolds(rule.when, facts) : true;
        if (holds === false) continue;
        const due = clockDue(rule, calendar, anchors, history?.agreedDays, cutOff);
        if (due !== null) {
          const agreedBetweenYou = rule.kind === 'agreed' && rule.setBy === 'parties';
          clocks.push({
            id: rule.id,
            label: rule.label,
            due,
            ...(rule.quote ? { quote: rule.quote } : {}),
            agreedBetweenYou,
            ...(rule.when ? { condition: { ...rule.when, known: holds !== null } } : {}),
          });
        }
      }
      const earliest = clocks.reduce<ScheduledClock | null>(
        (best, c) => (best === null || dueInstant(c.due) < dueInstant(best.due) ? c : best),
        null,
      );
      const duties: ScheduledDuty[] = [];
      for (const duty of stage.duties) {
        if (!duty.due || !dutyConditionHolds(duty, facts)) continue;
        const due = clockDue(duty.due, calendar, anchors, undefined, cutOff);
        if (due !== null)
          duties.push({ dutyId: duty.id, due, label: duty.due.label, ...(duty.due.quote ? { quote: duty.due.quote } : {}) });
      }
      return { stageId: stage.id, due: earliest?.due ?? null, clocks, duties };
    }),
  };
}

/** What an escalation's schedule needs beyond its stages: the immediate-risk flag, its facts and milestones. */
export function scheduleFacts(e: {
  flags: { immediateRisk: boolean };
  facts?: Readonly<Record<string, FactValue>>;
  milestones?: readonly { milestone: RecordedEvent; stageId: string; at: string }[];
}): Pick<ScheduleInput, 'immediateRisk' | 'facts' | 'events'> {
  return {
    immediateRisk: e.flags.immediateRisk,
    ...(e.facts ? { facts: e.facts } : {}),
    ...(e.milestones ? { events: e.milestones.map((m) => ({ event: m.milestone, stageId: m.stageId, at: m.at })) } : {}),
  };
}

/** Whether a second-edition duty condition does not rule a duty out (first-edition names are the worker's to judge). */
export function dutyConditionHolds(duty: Duty, facts: Readonly<Record<string, FactValue>> = {}): boolean {
  return typeof duty.onlyIf === 'object' ? conditionHolds(duty.onlyIf, facts) !== false : true;
}

/** "Escalated the same working day" for a child at immediate risk, quoting the route's sentence that says so. */
function immediateRiskClock(protocol: Protocol, calendar: Calendar, concernAt: string): ScheduledClock {
  const steps = protocol.immediateRisk.steps;
  const quote = (steps.find((s) => /same\s+working\s+day/i.test(s.quote)) ?? steps[0]!).quote;
  return {
    id: IMMEDIATE_RISK_CLOCK,
    label: t('immediateRiskClock'),
    due: calendar.addWorkingDays(londonDay(concernAt), 0),
    quote,
    agreedBetweenYou: false,
  };
}
