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
import { z } from 'zod';
import { createCalendar, endOfLondonDay, londonDay, type Calendar } from './calendar';
import { getProtocol, getStage, type Protocol } from './protocols';
import type { ClockRule } from './protocols/schema';

const Instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time, such as 2026-11-23T09:30:00Z' });

export const ScheduleInputSchema = z.object({
  protocolId: z.string().min(1),
  /** The version an escalation follows; the current one when absent (a preview, the start form). */
  protocolVersion: z.string().optional(),
  concernRaisedAt: Instant,
  stages: z
    .array(
      z.object({
        stageId: z.string().min(1),
        enteredAt: Instant,
        agreedDays: z.number().int().min(0).max(365).optional(),
      }),
    )
    .default([]),
  /** Organisation closure days, day → reason. */
  closureDays: z.record(z.string(), z.string()).optional(),
});
export type ScheduleInput = z.input<typeof ScheduleInputSchema>;

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

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'input'} ${i.message}`).join('; ');
}

/** Checks stages are the protocol's own, each entered once, in the protocol's order and time order. */
function checkStageHistory(protocol: Protocol, input: z.output<typeof ScheduleInputSchema>): void {
  const order = protocol.stages.map((s) => s.id);
  let lastIndex = -1;
  let lastTime = Date.parse(input.concernRaisedAt);
  for (const entry of input.stages) {
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

export function scheduleEscalation(rawInput: ScheduleInput): Schedule {
  const parsed = ScheduleInputSchema.safeParse(rawInput);
  if (!parsed.success) throw new Error(`Cannot schedule this escalation: ${describeIssues(parsed.error)}`);
  const input = parsed.data;
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
