// The in-page panel is an extension frame inside a web page: a third-party
// context, where browsers may deny IndexedDB. So that panel (only) reads and changes
// records through the background service worker (first-party storage) over a
// port: live queries stream their results; changes go through lib/db/escalations.
// Every other page (side panel, dashboard, popup, records) uses the database directly.
import type { Browser } from 'wxt/browser';
import { InvalidInputError, TransitionError } from '../records/errors';
import type { Escalation, EscalationEvent, EventBody, NewEscalation } from '../records/model';
import { pagesToBackground } from '../messages/pages-to-background';
import { t } from '../strings';
import { sameContent } from '../same-content';

import type { EscalationSyncFacts } from '../sync/status';

export type RecordsQuery =
  | { kind: 'for-child'; hostId: string; childId: string }
  | { kind: 'escalation'; id: string }
  | { kind: 'history'; id: string }
  /** Whether its events have reached the team store (lib/sync/status.ts). */
  | { kind: 'sync-state'; id: string };

/** One change, with the id made when the worker pressed the button (reused on a retry; see lib/db/escalations.ts). */
export type RecordsCommand =
  | { kind: 'create'; changeId: string; input: NewEscalation; by?: string; at?: string }
  | { kind: 'record'; changeId: string; id: string; body: EventBody; by?: string; at?: string };

/** How a page reads and changes records: directly (lib/browser/records-direct.ts) or, framed in a record page, through the background. */
export interface Records {
  /** A live query: `onValue` hears each new result; returns a function that stops. */
  subscribe<Q extends RecordsQuery>(query: Q, onValue: (value: QueryResult<Q>) => void, onError?: (error: Error) => void): () => void;
  /** One change: the new state, or the rules' refusal; when the outcome is not known, NotSavedError or OutcomeUnknownError. */
  command(command: RecordsCommand): Promise<Escalation>;
  /**
   * An answer to a query the background read a moment ago (as the panel opened): given to its live query's
   * listeners if that query is being asked and has not answered yet; its own answers replace it.
   */
  seed?<Q extends RecordsQuery>(query: Q, value: QueryResult<Q>): void;
}

export type QueryResult<Q extends RecordsQuery> = Q extends { kind: 'for-child' }
  ? Escalation[]
  : Q extends { kind: 'escalation' }
    ? Escalation | undefined
    : Q extends { kind: 'sync-state' }
      ? EscalationSyncFacts
      : EscalationEvent[];

export type Request = { op: 'subscribe'; sub: number; query: RecordsQuery } | { op: 'unsubscribe'; sub: number };

export type Reply = { sub: number; value: unknown } | { sub: number; error: SerialError };

/** A change goes as a one-shot message (pagesToBackground.recordsCommand): the browser wakes the service worker for each one. */
export type CommandReply = { value: Escalation } | { error: SerialError };

/** How long a change may take before the panel asks whether it landed, rather than waiting for ever. */
export const COMMAND_TIMEOUT_MS = 15_000;

/** The change did not reach the records: nothing was saved, and trying again is safe. */
export class NotSavedError extends Error {
  override name = 'NotSavedError';
  constructor() {
    super(t('notSaved'));
  }
}

/** Nobody could say whether the change landed (the extension did not answer, twice). Trying again cannot record it twice. */
export class OutcomeUnknownError extends Error {
  override name = 'OutcomeUnknownError';
  constructor() {
    super(t('outcomeUnknown'));
  }
}

export interface SerialError {
  name: string;
  message: string;
  problems?: { path: string; message: string }[];
}

export const PORT_NAME = 'records';

export function serialise(error: unknown): SerialError {
  const e = error as Error & { problems?: SerialError['problems'] };
  return { name: e.name ?? 'Error', message: e.message ?? String(error), problems: e.problems };
}

export function revive(error: SerialError): Error {
  if (error.name === 'InvalidInputError' && error.problems) return new InvalidInputError(error.problems);
  if (error.name === 'TransitionError') return new TransitionError(error.message);
  return Object.assign(new Error(error.message), { name: error.name });
}

/**
 * Panel side. Live queries use a port that reconnects (and re-subscribes) if the
 * service worker restarts; changes are one-shot messages with a time limit, so
 * a change is never silently lost.
 */
export function recordsClient(
  connect: () => Browser.runtime.Port = () => browser.runtime.connect({ name: PORT_NAME }),
  send: (command: RecordsCommand) => Promise<CommandReply | undefined> = (command) => pagesToBackground.send('recordsCommand', command),
  askLanded: (changeId: string) => Promise<LandedReply | undefined> = (changeId) => pagesToBackground.send('changeLanded', changeId),
  pause: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Records {
  let port: Browser.runtime.Port | null = null;
  let next = 1;
  /**
   * One live query per distinct question, however many ask it (a panel asks for its child's escalations as soon as
   * the child is known, and again as it draws them): a later asker has the latest answer at once.
   */
  interface Shared {
    query: RecordsQuery;
    last?: Reply;
    /** `last` was given by the page (seed), not yet by the live query. */
    seeded?: boolean;
    listeners: Set<{ onValue(v: unknown): void; onError(e: Error): void }>;
  }
  const subs = new Map<number, Shared>();
  const byQuery = new Map<string, number>();

  const deliver = (reply: Reply, listener: { onValue(v: unknown): void; onError(e: Error): void }) =>
    'error' in reply ? listener.onError(revive(reply.error)) : listener.onValue(reply.value);

  function ensure(): Browser.runtime.Port {
    if (port) return port;
    const p = connect();
    port = p;
    p.onMessage.addListener((reply: Reply) => {
      const s = subs.get(reply.sub);
      if (!s) return;
      // The live query's first answer, when it says what the seed said, is not news: nothing is drawn again.
      const news = !(s.seeded && 'value' in reply && 'value' in s.last! && sameContent(reply.value, s.last.value));
      s.last = reply;
      s.seeded = false;
      if (news) for (const listener of [...s.listeners]) deliver(reply, listener);
    });
    p.onDisconnect.addListener(() => {
      port = null;
      if (subs.size > 0) {
        const again = ensure();
        for (const [sub, s] of subs) again.postMessage({ op: 'subscribe', sub, query: s.query } satisfies Request);
      }
    });
    return p;
  }

  /** Asks, a few times while a stopped service worker starts again, whether the change landed. */
  async function settleLostAnswer(changeId: string): Promise<Escalation> {
    for (const wait of [0, 250, 1_000]) {
      await pause(wait);
      const answer = await askLanded(changeId).catch(() => undefined);
      if (!answer || 'error' in answer) continue;
      if (answer.landed) return answer.landed;
      throw new NotSavedError();
    }
    throw new OutcomeUnknownError();
  }

  return {
    subscribe<Q extends RecordsQuery>(query: Q, onValue: (value: QueryResult<Q>) => void, onError: (error: Error) => void = () => {}) {
      const key = JSON.stringify(query);
      let sub = byQuery.get(key);
      if (sub === undefined) {
        sub = next++;
        byQuery.set(key, sub);
        subs.set(sub, { query, listeners: new Set() });
        ensure().postMessage({ op: 'subscribe', sub, query } satisfies Request);
      }
      const shared = subs.get(sub)!;
      const listener = { onValue: onValue as (v: unknown) => void, onError };
      shared.listeners.add(listener);
      if (shared.last) deliver(shared.last, listener);
      return () => {
        shared.listeners.delete(listener);
        if (shared.listeners.size > 0 || subs.get(sub) !== shared) return;
        subs.delete(sub);
        byQuery.delete(key);
        try {
          port?.postMessage({ op: 'unsubscribe', sub } satisfies Request);
        } catch {
          /* already disconnected */
        }
      };
    },
    seed(query, value) {
      const sub = byQuery.get(JSON.stringify(query));
      const shared = sub === undefined ? undefined : subs.get(sub);
      if (!shared || shared.last) return;
      shared.last = { sub: sub!, value };
      shared.seeded = true;
      for (const listener of [...shared.listeners]) deliver(shared.last, listener);
    },
    /**
     * Makes one change. A refusal (the rules, a missing field) is thrown as it was given. When the answer is
     * lost instead (the service worker stopped, the channel closed, no answer in time), the records are asked
     * whether this change id landed: the new state if it did, NotSavedError if it did not, and
     * OutcomeUnknownError if they cannot say. Never the browser's own error text.
     */
    async command(command: RecordsCommand): Promise<Escalation> {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), COMMAND_TIMEOUT_MS)));
      const reply = await Promise.race([send(command).catch(() => undefined), timeout]).finally(() => clearTimeout(timer));
      if (reply && 'error' in reply) throw revive(reply.error);
      if (reply) return reply.value;
      return settleLostAnswer(command.changeId);
    },
  };
}

/** What the records say of a change id: the escalation it changed, or null when it never landed. */
export type LandedReply = { landed: Escalation | null } | { error: SerialError };

/** After a page changed records itself (an import, a deletion): the background redraws the badge and reminders. */
export function announceRecordsChanged(): void {
  pagesToBackground.send('recordsChanged').catch(() => undefined);
}
