// The manager's team view (pure): the team's escalations as pulled from the team store, a row per worker, those
// waiting on a manager, filters, and a CSV with no identifiers. Which escalations are the team's, and whose, is what
// the server said (lib/sync/apply.ts keeps it beside each escalation): the manager's own unsent ones are not here.
import { londonDay } from '../time/calendar';
import { toCsv } from './csv';
import { stageOrder } from './dashboard';
import { dueBucket, type DueWindows } from './overview';
import { getStage, protocolOf } from '../protocols';
import type { Escalation } from '../records/model';
import type { TeamEscalationRow } from '../sync/model';

export interface TeamEntry {
  escalation: Escalation;
  team: string;
  /** The worker who started it (the identity provider's subject). */
  owner: string;
  /** When the server last recorded one of its events. */
  lastRecordedAt: string;
}

export interface TeamFilter {
  team?: string;
  worker?: string;
  stage?: string;
  protocol?: string;
  agency?: string;
  due?: ReturnType<typeof dueBucket>;
}

export interface WorkerRow {
  owner: string;
  team: string;
  open: number;
  overdue: number;
  dueThisWeek: number;
  /** At the protocol's stage 2 or beyond. */
  stageTwoOrAbove: number;
  /** When the longest-overdue of their escalations fell due (ISO). */
  oldestOverdue?: string;
  /** The last time the server recorded any of their events: as near as the team store knows, their last sync. */
  lastSynced: string;
}

/** The team's escalations: those the server filed under a team, joined with their state on this device. */
export function teamEntries(escalations: readonly Escalation[], teamRows: readonly TeamEscalationRow[]): TeamEntry[] {
  const byId = new Map(escalations.map((e) => [e.id, e]));
  return teamRows.flatMap((row) => {
    const escalation = byId.get(row.escalationId);
    return escalation ? [{ escalation, team: row.team, owner: row.owner, lastRecordedAt: row.lastRecordedAt }] : [];
  });
}

const mentions = (text: string | undefined, needle: string) => (text ?? '').toLowerCase().includes(needle.toLowerCase());

export function filterTeam(entries: readonly TeamEntry[], filter: TeamFilter, windows: DueWindows): TeamEntry[] {
  return entries.filter(({ escalation: e, team, owner }) => {
    if (filter.team && team !== filter.team) return false;
    if (filter.worker && owner !== filter.worker) return false;
    if (filter.stage && e.currentStage !== filter.stage) return false;
    if (filter.protocol && e.protocolId !== filter.protocol) return false;
    if (filter.due && dueBucket(e, windows) !== filter.due) return false;
    if (filter.agency && !mentions(e.raisedBy.agency, filter.agency) && !e.counterparts.some((c) => mentions(c.agency, filter.agency!)))
      return false;
    return true;
  });
}

/** A row per worker (and team), most overdue first. */
export function workerRows(entries: readonly TeamEntry[], windows: DueWindows): WorkerRow[] {
  const rows = new Map<string, WorkerRow>();
  for (const { escalation: e, team, owner, lastRecordedAt } of entries) {
    const key = `${team}\u0000${owner}`;
    const row = rows.get(key) ?? { owner, team, open: 0, overdue: 0, dueThisWeek: 0, stageTwoOrAbove: 0, lastSynced: lastRecordedAt };
    if (lastRecordedAt > row.lastSynced) row.lastSynced = lastRecordedAt;
    if (e.status === 'open') {
      row.open += 1;
      const bucket = dueBucket(e, windows);
      if (bucket === 'overdue') {
        row.overdue += 1;
        if (!row.oldestOverdue || e.nextDueAt! < row.oldestOverdue) row.oldestOverdue = e.nextDueAt;
      }
      // "Due this week" as the dashboard's badge counts it: today included.
      if (bucket === 'due-today' || bucket === 'due-this-week') row.dueThisWeek += 1;
      if (stageOrder(e.currentStage) >= 2) row.stageTwoOrAbove += 1;
    }
    rows.set(key, row);
  }
  return [...rows.values()].sort(
    (a, b) => b.overdue - a.overdue || b.open - a.open || (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0),
  );
}

/** Open escalations whose current stage is for a manager to act on (the protocol says who), longest waiting first. */
export function waitingOnManager(entries: readonly TeamEntry[]): TeamEntry[] {
  return entries
    .filter(({ escalation: e }) => {
      if (e.status !== 'open') return false;
      try {
        return /manager/i.test(getStage(protocolOf(e), e.currentStage).who);
      } catch {
        return false; // a protocol version this device does not hold: not claimed either way
      }
    })
    .sort((a, b) => (a.escalation.stages.at(-1)!.enteredAt < b.escalation.stages.at(-1)!.enteredAt ? -1 : 1));
}

/**
 * The rows as CSV, without identifiers: workers are numbered in the order shown (no subject id, name or
 * escalation reference, no child), dates as London days.
 */
export function workerRowsCsv(rows: readonly WorkerRow[]): string {
  return toCsv([
    ['Worker', 'Team', 'Open', 'Overdue', 'Due this week', 'At stage 2 or above', 'Oldest overdue since', 'Last synced'],
    ...rows.map((r, i) => [
      `Worker ${i + 1}`,
      r.team,
      r.open,
      r.overdue,
      r.dueThisWeek,
      r.stageTwoOrAbove,
      r.oldestOverdue ? londonDay(new Date(r.oldestOverdue)) : '',
      londonDay(new Date(r.lastSynced)),
    ]),
  ]);
}
