// What the team store keeps in this device's database beside the records: the sync's state (who reads, the
// cursor, the last problem), and the reads that tell a worker's own escalations from the team's a manager pulled.
// Below the sync (lib/sync/), which writes these, and beside the queries that leave the team's out
// (escalations.ts).
import type { EscalationDb } from '.';
import type { Escalation } from '../records/model';
import type { SyncState } from '../team/model';
import { escalationsInScope, teamOnlyIds, type FiguresScope } from '../team/scope';
import type { EscalationSyncFacts } from '../team/status';

export const SYNC_STATE_KEY = 'teamSync';

export async function readSyncState(db: EscalationDb): Promise<SyncState | undefined> {
  return (await db.settings.get(SYNC_STATE_KEY))?.value as SyncState | undefined;
}

export function writeSyncState(db: EscalationDb, state: SyncState): Promise<unknown> {
  return db.settings.put({ key: SYNC_STATE_KEY, value: state });
}

/** Whether an escalation's events wait to be sent, and since when (the outbox, oldest first). */
export async function escalationSyncFacts(db: EscalationDb, escalationId: string): Promise<EscalationSyncFacts> {
  const [state, queued] = await Promise.all([readSyncState(db), db.outbox.where('escalationId').equals(escalationId).toArray()]);
  const oldest = queued.reduce<string | undefined>((at, row) => (at === undefined || row.queuedAt < at ? row.queuedAt : at), undefined);
  const kind = state?.problem?.kind;
  return { configured: !!state, signedOut: kind === 'signed-out' || kind === 'sign-in-again', ...(oldest && { oldestQueuedAt: oldest }) };
}

/** The team's escalations on this device (a manager's, pulled for the team view): kept out of their own list and counts. */
export function theTeamsOnly(db: EscalationDb): PromiseLike<ReadonlySet<string>> {
  // Dexie's own promises, chained, not an async function: a live query (the badge, the popup) keeps hearing the
  // reads made after this one only while every promise awaited on the way is Dexie's.
  return db.settings.get(SYNC_STATE_KEY).then((row) => {
    const reader = (row?.value as SyncState | undefined)?.reader;
    if (!reader?.manager) return new Set<string>();
    return db.teamEscalations.toArray().then((rows) => teamOnlyIds(rows, reader));
  });
}

/** The escalations the figures count, in the scope chosen, and whether the team scope is offered (a manager's device). */
export async function figuresEscalations(
  db: EscalationDb,
  scope: FiguresScope,
): Promise<{ escalations: Escalation[]; teamOffered: boolean }> {
  const [state, rows, escalations] = await Promise.all([readSyncState(db), db.teamEscalations.toArray(), db.escalations.toArray()]);
  const teamOffered = !!state?.reader?.manager;
  return { escalations: escalationsInScope(escalations, rows, state?.reader, teamOffered ? scope : 'mine'), teamOffered };
}
