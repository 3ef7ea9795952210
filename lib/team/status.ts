// What the panel and the options page say about sync, worked out from what is true on this device: an escalation
// is "Saved to your team" only when none of its events waits in the outbox (each left it on the server's success
// reply, or came from the server), never because a sync merely ran.
import { t } from '../strings';
import type { SyncProblem } from './model';

/** Waiting this long to be sent is worth the worker's attention. */
export const STALE_AFTER_MS = 2 * 24 * 3_600_000;

/** What this device knows of an escalation's sync (runQuery 'sync-state'). */
export interface EscalationSyncFacts {
  /** This device has synced with a team server (a policy set one up). */
  configured: boolean;
  /** The last sync stopped because nobody is signed in, or the sign-in expired. */
  signedOut: boolean;
  oldestQueuedAt?: string;
}

export interface EscalationSyncInput {
  /** A team server is set up by policy. */
  configured: boolean;
  signedIn: boolean;
  /** When the oldest of this escalation's unsent events was queued (ISO), if any waits. */
  oldestQueuedAt?: string;
  now: Date;
}

/** The one line the panel shows under an escalation. */
export function escalationSyncWords({ configured, signedIn, oldestQueuedAt, now }: EscalationSyncInput): string {
  if (!configured) return t('syncSavedOnDevice');
  if (oldestQueuedAt === undefined) return t('syncSavedToTeam');
  const waited = now.getTime() - Date.parse(oldestQueuedAt);
  if (waited >= STALE_AFTER_MS) return t('syncNotSentFor', { days: String(Math.floor(waited / (24 * 3_600_000))) });
  return signedIn ? t('syncWaiting') : t('syncSignInToSend');
}

/** The options page's diagnostic: what is wrong, in words that say what to do. */
export function problemWords(problem: Pick<SyncProblem, 'kind'>, team: string): string {
  switch (problem.kind) {
    case 'signed-out':
      return t('syncProblemSignedOut');
    case 'sign-in-again':
      return t('syncProblemSignInAgain');
    case 'not-a-member':
      return t('syncProblemNotAMember', { team });
    case 'unreachable':
      return t('syncProblemUnreachable');
    case 'bad-reply':
      return t('syncProblemBadReply');
    case 'refused':
      return t('syncProblemRefused');
  }
}

/** The options page's line about events the server refused, one per reason (most first), or none. */
/** Why the server refused one event, and when (kept on its outbox row, lib/db/outbox.ts). */
export interface Refusal {
  reason: string;
  at: string;
}

export function refusedWords(rows: readonly { refused?: Refusal }[]): string[] {
  const byReason = new Map<string, number>();
  for (const { refused } of rows) if (refused) byReason.set(refused.reason, (byReason.get(refused.reason) ?? 0) + 1);
  return [...byReason].sort(([, a], [, b]) => b - a).map(([reason, count]) => t('teamRefusedCount', { count: String(count), reason }));
}
