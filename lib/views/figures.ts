// Figures for the partnership's returns (Herefordshire logs stage 2 and above and
// reports quarterly; Cheshire keeps a record of all that reach step 3; Enfield
// collects those that reached its Chair at Step 4; its "Level 4 and above" is a
// seniority level on its Appendix B table, which no stage count measures, so no
// figure claims it). Pure, and by construction free of anything that
// identifies a child: no child ID, name, date of birth, address, reference or
// free text ever enters a figure or a CSV row.
import { agencyKind } from './agencies';
import { addCalendarDays, londonDay } from '../time/calendar';
import { escalationCalendars, type CalendarOf } from '../protocols/calendars';
import { toCsv, type Cell } from './csv';
import { protocolName, STATUS_LABELS } from '../escalation/describe';
import { getProtocol } from '../protocols';
import { acknowledgedAt, awaitingAcknowledgement } from '../records/acknowledgement';
import { DISAGREEMENT_KINDS, type Escalation } from '../records/model';
import { aboutOf } from '../records/about';

export type Kind = keyof typeof DISAGREEMENT_KINDS;

export interface Period {
  /** First London day, inclusive. */
  from: string;
  /** Last London day, inclusive. */
  to: string;
}

/** The quarter (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec) a London day falls in. */
export function quarterOf(day: string): Period & { label: string } {
  const year = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const firstMonth = q * 3 + 1;
  const from = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  const nextQuarter = firstMonth + 3 > 12 ? `${year + 1}-01-01` : `${year}-${String(firstMonth + 3).padStart(2, '0')}-01`;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return { from, to: addCalendarDays(nextQuarter, -1), label: `${months[firstMonth - 1]} to ${months[firstMonth + 1]} ${year}` };
}

/** The last `count` quarters, newest first. */
export function recentQuarters(today: string, count: number): (Period & { label: string })[] {
  const out = [quarterOf(today)];
  while (out.length < count) out.push(quarterOf(addCalendarDays(out[out.length - 1]!.from, -1)));
  return out;
}

/** 0 for an initial discussion, else the stage's number (Stage 2, Step 2 and Level 2 are all 2). */
export const stageNumber = (stageId: string) => (stageId === 'initial' ? 0 : Number(stageId.replace('stage-', '')));

export function stageNumberLabel(n: number, protocolId?: string): string {
  if (n === 0) return 'Initial discussion';
  return `${protocolId ? getProtocol(protocolId).stageWord : 'Stage'} ${n}`;
}

const closedAt = (e: Escalation) =>
  e.status === 'resolved' ? (e.resolution?.at ?? e.updatedAt) : e.status === 'withdrawn' ? e.updatedAt : null;

/** Open at some point in the period: raised by its end, and not closed before its start. */
export function activeIn(e: Escalation, period: Period): boolean {
  if (londonDay(e.concernRaisedAt) > period.to) return false;
  const closed = closedAt(e);
  return closed === null || londonDay(closed) >= period.from;
}

const within = (instant: string, period: Period) => {
  const day = londonDay(instant);
  return day >= period.from && day <= period.to;
};

export interface Figures {
  period: Period;
  protocolId?: string;
  /** Escalations open at some point in the period. */
  total: number;
  /** Of those, how many are about a theme across several children rather than one child (issue 36). */
  themes: number;
  byProtocol: { protocolId: string; count: number }[];
  byKind: { kind: Kind; count: number }[];
  /** Escalations that entered each stage during the period, and their kinds of disagreement. */
  reachedStage: { stage: number; count: number; byKind: { kind: Kind; count: number }[] }[];
  /**
   * Escalations that entered this stage or a higher one during the period, each counted once: what the
   * partnerships log ("stage 2 and above", Herefordshire; "all that reach step 3", Cheshire; Step 4, the
   * Chair, Enfield). Enfield's "Level 4 or above intervention" is a seniority level, not Step 4 or higher.
   */
  reachedAtLeast: { stage: number; count: number }[];
  /** Escalations resolved in the period, by the stage they were resolved at. */
  resolvedAtStage: { stage: number; count: number }[];
  resolved: number;
  withdrawn: number;
  /** Working days from the concern to its resolution, for those resolved in the period; null if none were. */
  medianWorkingDaysToResolution: number | null;
  /** Open now and past due now. */
  openOverdue: number;
  /**
   * Acknowledgement, apart from responses: of the stages entered in the period (each escalation's stage once),
   * how many the person escalated to has acknowledged, and the median working days from entering the stage to
   * its acknowledgement (on the protocol's nation's calendar, less closure days; null if none was acknowledged).
   */
  acknowledgement: { stagesEntered: number; acknowledged: number; medianWorkingDaysToAcknowledge: number | null };
  /** Open now, with its current stage not yet acknowledged. */
  openNotYetAcknowledged: number;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function countBy<K extends string | number>(items: readonly K[]): Map<K, number> {
  const counts = new Map<K, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

const kindCounts = (rows: readonly Escalation[]) =>
  [...countBy(rows.map((e) => e.kind))]
    .map(([kind, count]) => ({ kind, count }))
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));

/** Which escalations, when, and the organisation's closure days (each escalation's working days are its protocol's nation's). */
export interface FigureOptions {
  period: Period;
  protocolId?: string;
  now: Date;
  closureDays?: Readonly<Record<string, string>>;
}

/** Working days from the concern to the resolution, on the escalation's own calendar; null while unresolved. */
function workingDaysToResolution(e: Escalation, calendarOf: CalendarOf): number | null {
  if (!e.resolution) return null;
  return Math.max(0, calendarOf(e).workingDaysBetween(londonDay(e.concernRaisedAt), londonDay(e.resolution.at)));
}

export function partnershipFigures(escalations: readonly Escalation[], options: FigureOptions): Figures {
  const { period, protocolId, now } = options;
  const calendarOf = escalationCalendars(options.closureDays);
  const scoped = escalations.filter((e) => !protocolId || e.protocolId === protocolId);
  const active = scoped.filter((e) => activeIn(e, period));
  const reached = new Map<number, Escalation[]>();
  for (const e of active) {
    for (const s of e.stages) {
      if (!within(s.enteredAt, period)) continue;
      const n = stageNumber(s.stageId);
      const list = reached.get(n) ?? [];
      // A stage entered twice in the period (after a reopening) counts once.
      if (!list.includes(e)) list.push(e);
      reached.set(n, list);
    }
  }
  const acknowledgement = stageAcknowledgements(active, period, calendarOf);
  const resolvedInPeriod = active.filter((e) => e.status === 'resolved' && e.resolution && within(e.resolution.at, period));
  const nowIso = now.toISOString();
  return {
    period,
    protocolId,
    total: active.length,
    themes: active.filter((e) => aboutOf(e) === 'theme').length,
    byProtocol: [...countBy(active.map((e) => e.protocolId))]
      .map(([id, count]) => ({ protocolId: id, count }))
      .sort((a, b) => b.count - a.count),
    byKind: kindCounts(active),
    reachedStage: [...reached].sort(([a], [b]) => a - b).map(([stage, rows]) => ({ stage, count: rows.length, byKind: kindCounts(rows) })),
    reachedAtLeast: [...reached.keys()]
      .sort((a, b) => a - b)
      .map((stage) => ({ stage, count: new Set([...reached].filter(([n]) => n >= stage).flatMap(([, rows]) => rows)).size })),
    resolvedAtStage: [...countBy(resolvedInPeriod.map((e) => stageNumber(e.resolution!.stageId)))]
      .sort(([a], [b]) => a - b)
      .map(([stage, count]) => ({ stage, count })),
    resolved: resolvedInPeriod.length,
    withdrawn: active.filter((e) => e.status === 'withdrawn' && within(closedAt(e)!, period)).length,
    medianWorkingDaysToResolution: median(resolvedInPeriod.map((e) => workingDaysToResolution(e, calendarOf)!)),
    openOverdue: scoped.filter((e) => e.status === 'open' && e.nextDueAt !== undefined && e.nextDueAt < nowIso).length,
    acknowledgement: {
      stagesEntered: acknowledgement.length,
      acknowledged: acknowledgement.filter((days) => days !== null).length,
      medianWorkingDaysToAcknowledge: median(acknowledgement.filter((days) => days !== null)),
    },
    openNotYetAcknowledged: scoped.filter(awaitingAcknowledgement).length,
  };
}

/** For each stage an escalation entered in the period (once, however often entered): working days until it was acknowledged, or null. */
function stageAcknowledgements(escalations: readonly Escalation[], period: Period, calendarOf: CalendarOf): (number | null)[] {
  return escalations.flatMap((e) => {
    const entered = new Map<string, string>();
    for (const s of e.stages) if (within(s.enteredAt, period) && !entered.has(s.stageId)) entered.set(s.stageId, s.enteredAt);
    return [...entered].map(([stageId, at]) => {
      const acknowledged = acknowledgedAt(e, stageId);
      return acknowledged === undefined ? null : Math.max(0, calendarOf(e).workingDaysBetween(londonDay(at), londonDay(acknowledged)));
    });
  });
}

/** The figures as CSV: one line per count, for the partnership's return. */
export function figuresCsv(f: Figures): string {
  const stage = (n: number) => stageNumberLabel(n, f.protocolId);
  const rows: Cell[][] = [
    ['Measure', 'Category', 'Detail', 'Count'],
    ['Period', `${f.period.from} to ${f.period.to}`, f.protocolId ? protocolName(f.protocolId) : 'All protocols', null],
    ['Escalations open in the period', null, null, f.total],
    ['Of which themes (across several children)', null, null, f.themes],
    ...f.byProtocol.map((p) => ['By protocol', protocolName(p.protocolId), null, p.count]),
    ...f.byKind.map((k) => ['By kind of disagreement', DISAGREEMENT_KINDS[k.kind], null, k.count]),
    ...f.reachedStage.flatMap((r) => [
      ['Reached stage in the period', stage(r.stage), 'All kinds', r.count],
      ...r.byKind.map((k) => ['Reached stage in the period', stage(r.stage), DISAGREEMENT_KINDS[k.kind], k.count]),
    ]),
    ...f.reachedAtLeast.map((r) => ['Reached this stage or higher in the period', stage(r.stage), null, r.count]),
    ...f.resolvedAtStage.map((r) => ['Resolved in the period, at stage', stage(r.stage), null, r.count]),
    ['Resolved in the period', null, null, f.resolved],
    ['Withdrawn in the period', null, null, f.withdrawn],
    ['Median working days from concern to resolution', null, null, f.medianWorkingDaysToResolution],
    ['Open and overdue now', null, null, f.openOverdue],
    ['Stages entered in the period', null, null, f.acknowledgement.stagesEntered],
    ['Stages entered in the period, acknowledged', null, null, f.acknowledgement.acknowledged],
    ['Median working days from entering a stage to its acknowledgement', null, null, f.acknowledgement.medianWorkingDaysToAcknowledge],
    ['Open now, current stage not yet acknowledged', null, null, f.openNotYetAcknowledged],
  ];
  return toCsv(rows);
}

/**
 * One line per escalation open in the period, with no child identifier, no
 * reference, no names and no free text: protocol, kind, agency kinds (lib/views/agencies.ts: the agency
 * names workers type are free text), dates, stages.
 */
export function anonymisedListCsv(escalations: readonly Escalation[], options: FigureOptions): string {
  const calendarOf = escalationCalendars(options.closureDays);
  const nowIso = options.now.toISOString();
  const rows: Cell[][] = [
    [
      'Protocol',
      'About (a child or a theme)',
      'Kind of disagreement',
      'Raised by (kind of agency)',
      'Counterparts (kinds of agency)',
      'Concern raised',
      'Highest stage reached',
      'Status',
      'Resolved at stage',
      'Working days to resolution',
      'Overdue now',
    ],
  ];
  for (const e of escalations) {
    if ((options.protocolId && e.protocolId !== options.protocolId) || !activeIn(e, options.period)) continue;
    const highest = Math.max(...e.stages.map((s) => stageNumber(s.stageId)));
    rows.push([
      protocolName(e.protocolId),
      // Whether it is about a child or a theme, never which child or which theme.
      aboutOf(e) === 'theme' ? 'Theme' : 'Child',
      DISAGREEMENT_KINDS[e.kind],
      agencyKind(e.raisedBy.agency),
      [...new Set(e.counterparts.map((c) => agencyKind(c.agency)))].join('; '),
      londonDay(e.concernRaisedAt),
      stageNumberLabel(highest, e.protocolId),
      STATUS_LABELS[e.status],
      e.resolution ? stageNumberLabel(stageNumber(e.resolution.stageId), e.protocolId) : null,
      workingDaysToResolution(e, calendarOf),
      e.status === 'open' && e.nextDueAt !== undefined && e.nextDueAt < nowIso ? 'Yes' : 'No',
    ]);
  }
  return toCsv(rows);
}
