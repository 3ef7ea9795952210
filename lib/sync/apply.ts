// Applying what the team server sent to this device's records, one pulled page per IndexedDB transaction with the
// cursor that follows it: a page is applied whole or not at all, so a sync cut short never skips or repeats one.
// Events merge by the one order every device derives (lib/records/order.ts, lib/records/derive.ts): no other rule.
import type { EscalationDb } from '../db';
import { deriveEscalation } from '../records/derive';
import type { EscalationEvent } from '../records/model';
import { writeSyncState } from '../db/team';
import type { PullReply, SyncState, TeamEscalationRow } from '../team/model';

export interface PageOutcome {
  /** Events new to this device. */
  added: number;
  /** Escalations removed because the server deleted them (retention). */
  deleted: number;
  /** Events refused: their id is another escalation's on this device. */
  refused: number;
  /** Escalations whose history, with what was pulled, could not be worked out (their events are kept). */
  unreadable: string[];
}

/** Removes escalations, their events, their queued events and what is known of their team. */
async function removeEscalations(db: EscalationDb, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  await db.events.where('escalationId').anyOf(ids).delete();
  await db.outbox.where('escalationId').anyOf(ids).delete();
  await db.escalations.bulkDelete(ids as string[]);
  await db.teamEscalations.bulkDelete(ids as string[]);
}

/** Applies one pulled page and saves `next` (the state with the page's cursor) in the same transaction. */
export function applyPage(
  db: EscalationDb,
  page: PullReply,
  next: SyncState,
  closureDays: Record<string, string> = {},
): Promise<PageOutcome> {
  return db.transaction('rw', [db.escalations, db.events, db.outbox, db.teamEscalations, db.settings], async () => {
    const outcome: PageOutcome = { added: 0, deleted: 0, refused: 0, unreadable: [] };
    const byEscalation = new Map<string, PullReply['events']>();
    for (const pulled of page.events) byEscalation.set(pulled.escalationId, [...(byEscalation.get(pulled.escalationId) ?? []), pulled]);

    for (const [escalationId, pulled] of byEscalation) {
      const local = await db.events.where('escalationId').equals(escalationId).toArray();
      const held = new Set(local.map((e) => e.id));
      const elsewhere = new Set(
        (await db.events.bulkGet(pulled.map((p) => p.id))).filter((e) => e && e.escalationId !== escalationId).map((e) => e!.id),
      );
      const fresh: EscalationEvent[] = [];
      for (const { payload } of pulled) {
        if (elsewhere.has(payload.id)) outcome.refused += 1;
        else if (!held.has(payload.id)) {
          held.add(payload.id);
          fresh.push(payload);
        }
      }
      // On the server already: whatever this device queued of them is sent.
      await db.outbox.bulkDelete(pulled.map((p) => p.id));
      await rememberTeam(db, escalationId, pulled);
      if (!fresh.length) continue;
      await db.events.bulkAdd(fresh);
      await db.outbox.bulkDelete(fresh.map((e) => e.id)); // queued by the write just now (lib/db/outbox.ts)
      outcome.added += fresh.length;
      try {
        await db.escalations.put(deriveEscalation([...local, ...fresh], closureDays));
      } catch {
        // No "created" yet (it comes in a later page) or a history the rules cannot read: the events wait, kept.
        outcome.unreadable.push(escalationId);
      }
    }

    const deleted = [...new Set(page.deletions.map((d) => d.escalationId))];
    await removeEscalations(db, deleted);
    outcome.deleted = deleted.length;
    await writeSyncState(db, next);
    return outcome;
  });
}

async function rememberTeam(db: EscalationDb, escalationId: string, pulled: PullReply['events']): Promise<void> {
  const known = await db.teamEscalations.get(escalationId);
  const created = pulled.find((p) => p.payload.type === 'created');
  const latest = pulled.reduce((at, p) => (p.recordedAt > at ? p.recordedAt : at), known?.lastRecordedAt ?? '');
  const row: TeamEscalationRow = {
    escalationId,
    team: pulled.at(-1)!.team,
    owner: created?.author ?? known?.owner ?? pulled[0]!.author,
    lastRecordedAt: latest,
  };
  await db.teamEscalations.put(row);
}

/**
 * After pulling again from the start (the server was restored, or what this person may see changed): escalations the
 * server no longer gives this person go, except those with events not yet sent (their writes are still to come).
 */
export function dropUnseen(db: EscalationDb, seen: ReadonlySet<string>): Promise<string[]> {
  return db.transaction('rw', [db.escalations, db.events, db.outbox, db.teamEscalations], async () => {
    const waiting = new Set((await db.outbox.orderBy('escalationId').uniqueKeys()) as string[]);
    const all = (await db.escalations.toCollection().primaryKeys()) as string[];
    const gone = all.filter((id) => !seen.has(id) && !waiting.has(id));
    await removeEscalations(db, gone);
    return gone;
  });
}
