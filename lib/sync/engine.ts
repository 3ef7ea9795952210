// One sync with the team server: push the outbox in batches, then pull every page after the cursor. Called on an
// alarm and after each change; it holds no connection open between calls (a service worker that sleeps loses it),
// and everything it needs next time is in IndexedDB. Never loses or duplicates: an outbox row goes only after the
// server's success reply (a batch sent again after a lost reply is stored once: the server keys events by id), and
// the cursor moves only with the page it follows, in one transaction.
import type { EscalationDb } from '../db';
import { startOutbox } from '../db/outbox';
import type { EscalationEvent } from '../records/model';
import { applyPage, dropUnseen } from './apply';
import { readSyncState, writeSyncState } from '../db/team';
import { pullPage, pushEvents, type Transport } from './client';
import { toWire, type SyncProblem, type SyncState } from '../team/model';
import type { Reader } from '../team/scope';

export interface SyncOptions {
  transport: Transport;
  /** Who is syncing with which server (e.g. `https://server|subject`): another one starts from the beginning. */
  account: string;
  /** The team from the policy: events without one are filed under it. */
  team?: string;
  /** Who is signed in (subject and whether a team manager): kept so the team's escalations stay out of their own. */
  reader?: Reader;
  closureDays?: Record<string, string>;
  /** Events per push (the gateway takes at most 500) and per pulled page. */
  batchSize?: number;
  pageSize?: number;
  /** Bounds on one sync's work, so an alarm's run ends; the next run goes on from where this one stopped. */
  maxBatches?: number;
  maxPages?: number;
  now?: () => Date;
}

export interface SyncReport {
  pushed: number;
  /** Of those pushed, how many the server already held (a batch sent again). */
  alreadyStored: number;
  pulled: number;
  added: number;
  deleted: number;
  /** Escalations dropped after pulling again from the start (no longer this person's to see). */
  dropped: string[];
  unreadable: string[];
  /** Events the server refused (each kept in the outbox with its reason, tried again a day later). */
  refused: number;
  /** Everything queued was sent and every page pulled. */
  complete: boolean;
  problem?: SyncProblem;
}

const DEFAULTS = { batchSize: 200, pageSize: 500, maxBatches: 50, maxPages: 100 };

/** An event the server refused is sent again after this long (IT may have fixed a membership), never in a loop. */
export const RETRY_REFUSED_AFTER_MS = 24 * 3_600_000;

/**
 * Events queued, oldest first, as many as `limit`, less those the server refused within the last day; rows whose
 * event is gone (deleted locally) are dropped.
 */
async function nextBatch(db: EscalationDb, limit: number, now: Date): Promise<EscalationEvent[]> {
  const retryBefore = new Date(now.getTime() - RETRY_REFUSED_AFTER_MS).toISOString();
  const rows = await db.outbox
    .orderBy('queuedAt')
    .filter((row) => !row.refused || row.refused.at <= retryBefore)
    .limit(limit)
    .toArray();
  const events = await db.events.bulkGet(rows.map((r) => r.eventId));
  const gone = rows.filter((_, i) => !events[i]).map((r) => r.eventId);
  if (gone.length) await db.outbox.bulkDelete(gone);
  return events.filter((e): e is EscalationEvent => !!e);
}

/** Marks refused events in the outbox with the server's reason: kept, and not sent again for a day. */
async function keepRefused(db: EscalationDb, refused: { id: string; message: string }[], at: Date): Promise<number> {
  await db.transaction('rw', db.outbox, async () => {
    for (const { id, message } of refused) await db.outbox.update(id, { refused: { reason: message, at: at.toISOString() } });
  });
  return refused.length;
}

export async function syncOnce(db: EscalationDb, options: SyncOptions): Promise<SyncReport> {
  const { transport, account, team, closureDays } = options;
  const { batchSize, pageSize, maxBatches, maxPages } = { ...DEFAULTS, ...options };
  const now = options.now ?? (() => new Date());
  const report: SyncReport = {
    pushed: 0,
    alreadyStored: 0,
    pulled: 0,
    added: 0,
    deleted: 0,
    dropped: [],
    unreadable: [],
    refused: 0,
    complete: false,
  };
  // A server is set up: queue what this device holds, the first time (lib/db/outbox.ts).
  await startOutbox(db, now());
  const stored = await readSyncState(db);
  let state: SyncState = stored?.account === account ? stored : { account };
  if (options.reader) state = { ...state, reader: options.reader };

  const stop = async (problem: SyncProblem) => {
    report.problem = problem;
    state = { ...state, problem: { ...problem, at: now().toISOString() } };
    await writeSyncState(db, state);
    return report;
  };

  let pushRefused: SyncProblem | undefined;
  // Push: sent first, so a pull from the start after a 409 never drops an escalation whose events are still here only.
  let batches = 0;
  for (; batches < maxBatches; batches++) {
    const events = await nextBatch(db, batchSize, now());
    if (!events.length) break;
    const sent = await pushEvents(transport, events.map(toWire), team);
    // The whole batch refused (not a member of that team, a request the server will not take): each event stays
    // queued with the reason and the next batch goes on; what others sent is still pulled. Anything else (offline,
    // signed out) stops here with everything queued.
    if (!sent.ok && (sent.problem.kind === 'not-a-member' || sent.problem.kind === 'refused')) {
      pushRefused = sent.problem;
      report.refused += await keepRefused(
        db,
        events.map((e) => ({ id: e.id, message: sent.problem.detail })),
        now(),
      );
      continue;
    }
    if (!sent.ok) return stop(sent.problem);
    const batchIds = new Set(events.map((e) => e.id));
    const refused = sent.value.refused.filter((r) => batchIds.has(r.id));
    if (sent.value.accepted + refused.length !== events.length)
      return stop({ kind: 'bad-reply', detail: `The team server accepted ${sent.value.accepted} of ${events.length} events sent.` });
    const refusedIds = new Set(refused.map((r) => r.id));
    await db.outbox.bulkDelete(events.filter((e) => !refusedIds.has(e.id)).map((e) => e.id));
    report.refused += await keepRefused(db, refused, now());
    if (refused.length) pushRefused = { kind: 'refused', detail: refused[0]!.message };
    report.pushed += sent.value.accepted;
    report.alreadyStored += sent.value.alreadyStored;
    state = { ...state, lastPushAt: now().toISOString() };
  }
  const allSent = !pushRefused && (batches < maxBatches || (await db.outbox.count()) === 0);

  // Pull every page after the cursor; a 409 (server restored, scope changed) means from the start, once per sync.
  let restarted = false;
  let pages = 0;
  for (; pages < maxPages; pages++) {
    const page = await pullPage(transport, state.cursor, pageSize);
    if (!page.ok && (page.code === 'cursor-reset' || page.code === 'scope-changed') && !restarted) {
      restarted = true;
      state = { ...state, cursor: undefined, fullPull: { seen: [] } };
      await writeSyncState(db, state);
      continue;
    }
    if (!page.ok) return stop(page.problem);
    const seen = state.fullPull && {
      seen: [...new Set([...state.fullPull.seen, ...page.value.events.map((e) => e.escalationId)])],
    };
    state = { ...state, cursor: page.value.cursor, fullPull: seen, lastPullAt: now().toISOString() };
    const outcome = await applyPage(db, page.value, state, closureDays);
    report.pulled += page.value.events.length;
    report.added += outcome.added;
    report.deleted += outcome.deleted;
    report.unreadable.push(...outcome.unreadable);
    if (!page.value.more) break;
  }
  const allPulled = pages < maxPages;
  if (allPulled && state.fullPull) {
    report.dropped = await dropUnseen(db, new Set(state.fullPull.seen));
    state = { ...state, fullPull: undefined };
  }
  // Events still waiting for their escalation's "created" after every page pulled: said, not hidden.
  const shown = await db.escalations.bulkGet([...new Set(report.unreadable)]);
  report.unreadable = [...new Set(report.unreadable)].filter((id, i) => !shown[i] && !report.dropped.includes(id));
  report.complete = allSent && allPulled;
  if (pushRefused) return stop(pushRefused);
  const { problem: _cleared, ...rest } = state;
  state = report.complete ? { ...rest, lastSyncedAt: now().toISOString() } : rest;
  await writeSyncState(db, state);
  return report;
}
