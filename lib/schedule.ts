// Every stage's clocks and due date, from an escalation's history. Pure: the
// same history always gives the same schedule.
//
// Conventions (also in the README):
// - "within N working days of X": by the end of the Nth working day after X's London date.
// - "Day N": Day 1 is the concern's London date if a working day, else the next one.
// - "same working day": the anchor's London date if working, else the next working day;
//   "next working day": the first working day after the anchor's date.
// - "within 48 hours": the anchor instant plus 48 hours.
// - A stage is due at the earliest of its clocks; null when none applies yet.
import { createCalendar, endOfLondonDay, isDay, londonDay, type Calendar } from './calendar';
import { getProtocol, getStage, type Protocol } from './protocols';
import type { ClockRule } from './protocols/schema';

/** What a schedule is computed from: an escalation's history, or a preview's made-up one. */
export interface ScheduleInput {
  protocolId: string;
  /** The version an escalation follows; the current one when absent (a preview, the start form). */
  protocolVersion?: string;
  concernRaisedAt: string;
  stages?: { stageId: string; enteredAt: string; agreedDays?: number }[];
  /** Organisation closure days, day → reason. */
  closureDays?: Record<string, string>;
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
}

export interface StageSchedule {
  stageId: string;
  due: string | null;
  clocks: ScheduledClock[];
}

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

function clockDue(
  clock: ClockRule,
  calendar: Calendar,
  concernAt: string,
  stageEnteredAt: string | undefined,
  enteredAt: ReadonlyMap<string, string>,
  agreedDays: number | undefined,
): string | null {
  const anchor =
    clock.kind === 'day-window' || clock.anchor === 'concern'
      ? concernAt
      : clock.anchor === 'stage-entered'
        ? stageEnteredAt
        : enteredAt.get(clock.anchor.slice('entered:'.length));
  if (anchor === undefined) return null;
  const anchorDay = londonDay(anchor);
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
    case 'agreed':
      return agreedDays === undefined ? null : calendar.addWorkingDays(anchorDay, agreedDays);
  }
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

  return {
    stages: protocol.stages.map((stage) => {
      const rules = stageRules(protocol, stage.id);
      const clocks: ScheduledClock[] = [];
      for (const rule of rules) {
        const history = entered.get(stage.id);
        const due = clockDue(rule, calendar, input.concernRaisedAt, history?.enteredAt, enteredAt, history?.agreedDays);
        if (due !== null) {
          const agreedBetweenYou = rule.kind === 'agreed' && rule.setBy === 'parties';
          clocks.push({ id: rule.id, label: rule.label, due, ...(rule.quote ? { quote: rule.quote } : {}), agreedBetweenYou });
        }
      }
      const earliest = clocks.reduce<ScheduledClock | null>(
        (best, c) => (best === null || dueInstant(c.due) < dueInstant(best.due) ? c : best),
        null,
      );
      return { stageId: stage.id, due: earliest?.due ?? null, clocks };
    }),
  };
}
