// Retention: closed escalations older than the retention period are offered
// for deletion. Nothing is deleted without an explicit confirmation, and the
// caller must have offered an export first.
import { subMonths } from 'date-fns';
import type { Escalation } from '../records/model';
import type { EscalationDb } from './index';

export const DEFAULT_RETENTION_MONTHS = 12;

function isExpired(e: Escalation, cutoff: string): boolean {
  return e.status !== 'open' && e.updatedAt < cutoff;
}

/** Resolved or withdrawn escalations untouched for longer than `months`. */
export async function purgeCandidates(
  db: EscalationDb,
  { now = new Date(), months = DEFAULT_RETENTION_MONTHS } = {},
): Promise<Escalation[]> {
  const cutoff = subMonths(now, months).toISOString();
  return db.escalations
    .where('updatedAt')
    .below(cutoff)
    .filter((e) => isExpired(e, cutoff))
    .toArray();
}

export interface PurgeConfirmation {
  /** The person confirmed deleting these records. */
  confirmed: true;
  /** They were offered an export of them first. */
  exportOffered: true;
}

/**
 * Deletes the given escalations and their histories, but only those that are
 * still due for deletion (one reopened meanwhile is kept). Returns the ids deleted.
 */
export async function purgeEscalations(
  db: EscalationDb,
  ids: string[],
  confirmation: PurgeConfirmation,
  { now = new Date(), months = DEFAULT_RETENTION_MONTHS } = {},
): Promise<string[]> {
  if (confirmation?.confirmed !== true || confirmation?.exportOffered !== true) {
    throw new Error('Deleting records needs an explicit confirmation after an export was offered');
  }
  const cutoff = subMonths(now, months).toISOString();
  return db.transaction('rw', db.escalations, db.events, async () => {
    const rows = (await db.escalations.bulkGet(ids)).filter((e): e is Escalation => !!e && isExpired(e, cutoff));
    const doomed = rows.map((e) => e.id);
    await db.events.where('escalationId').anyOf(doomed).delete();
    await db.escalations.bulkDelete(doomed);
    return doomed;
  });
}
