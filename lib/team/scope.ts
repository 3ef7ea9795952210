// Whose escalations are whose on this device: the worker's own list, toolbar badge, popup, reminders and figures count
// only their own (and those handed to them); a manager's team's escalations, pulled for the team view, are the team
// view's. Decided from what the server said of each escalation (its owner) and who this device signs in as.
import type { TeamEscalationRow } from '../records/team';

/** Who this device syncs as (from the sign-in), kept with the sync state. */
export interface Reader {
  subject: string;
  manager: boolean;
}

/**
 * Whether an escalation the server filed is the team's rather than this person's own. A worker is sent only their
 * own escalations and those handed to them (the server's policies), so all are theirs; a manager is also sent every
 * escalation of their teams, and those another worker started are the team's. (A manager cannot tell from what is
 * pulled that one was handed to them: it counts as the team's, and shows in the team view.) Unknown reader: nothing
 * is set apart, as before the first sync that said who signed in.
 */
export function isTheTeams(row: Pick<TeamEscalationRow, 'owner'>, reader: Reader | undefined): boolean {
  return !!reader?.manager && row.owner !== reader.subject;
}

/** The ids of the team's escalations (not this person's own) among the server's rows. */
export function teamOnlyIds(rows: readonly TeamEscalationRow[], reader: Reader | undefined): Set<string> {
  return new Set(rows.filter((row) => isTheTeams(row, reader)).map((row) => row.escalationId));
}

/** Whose escalations the figures count: this person's own (always the default), or their team's (a manager's choice). */
export type FiguresScope = 'mine' | 'team';

/**
 * The escalations the figures are computed over. Mine: every escalation on this device but the team's. The team's:
 * only those the server filed under a team (the manager's own synced ones among them), never ones only on this device.
 */
export function escalationsInScope<E extends { id: string }>(
  escalations: readonly E[],
  rows: readonly TeamEscalationRow[],
  reader: Reader | undefined,
  scope: FiguresScope,
): E[] {
  if (scope === 'team') {
    const filed = new Set(rows.map((row) => row.escalationId));
    return escalations.filter((e) => filed.has(e.id));
  }
  const theirs = teamOnlyIds(rows, reader);
  return escalations.filter((e) => !theirs.has(e.id));
}
