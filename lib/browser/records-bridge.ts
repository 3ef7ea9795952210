// Records through the background, over a port: for the pages that do not open the database themselves (the
// panels, the popup). The in-page panel is an extension frame inside a web page, a third-party context where
// browsers may deny IndexedDB, and the side panel and popup draw sooner without loading the database code; the
// background has the database open already. Live queries stream their answers over the port (served by
// records-server.ts); changes are one-shot messages. The query kinds and the client's shape: lib/messages/records.ts.
import type { Browser } from 'wxt/browser';
import type { PortReply, PortRequest, Records, RecordsQuery, QueryResult } from '../messages/records';
import { NotSavedError, OutcomeUnknownError, revive, type CommandReply, type LandedReply, type RecordsCommand } from '../records/commands';
import type { Escalation } from '../records/model';
import { pagesToBackground } from './channels';
import { sameContent } from '../same-content';

/** How long a change may take before the panel asks whether it landed, rather than waiting for ever. */
export const COMMAND_TIMEOUT_MS = 15_000;

export const PORT_NAME = 'records';

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
    last?: PortReply;
    /** `last` was given by the page (seed), not yet by the live query. */
    seeded?: boolean;
    listeners: Set<{ onValue(v: unknown): void; onError(e: Error): void }>;
  }
  const subs = new Map<number, Shared>();
  const byQuery = new Map<string, number>();

  const deliver = (reply: PortReply, listener: { onValue(v: unknown): void; onError(e: Error): void }) =>
    'error' in reply ? listener.onError(revive(reply.error)) : listener.onValue(reply.value);

  function ensure(): Browser.runtime.Port {
    if (port) return port;
    const p = connect();
    port = p;
    p.onMessage.addListener((reply: PortReply) => {
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
        for (const [sub, s] of subs) again.postMessage({ op: 'subscribe', sub, query: s.query } satisfies PortRequest);
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

  const client: Records = {
    subscribe<Q extends RecordsQuery>(query: Q, onValue: (value: QueryResult<Q>) => void, onError: (error: Error) => void = () => {}) {
      const key = JSON.stringify(query);
      let sub = byQuery.get(key);
      if (sub === undefined) {
        sub = next++;
        byQuery.set(key, sub);
        subs.set(sub, { query, listeners: new Set() });
        ensure().postMessage({ op: 'subscribe', sub, query } satisfies PortRequest);
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
          port?.postMessage({ op: 'unsubscribe', sub } satisfies PortRequest);
        } catch {
          /* already disconnected */
        }
      };
    },
    /** Asked now and kept while the page is open: whoever asks the same question later shares its answer. */
    prefetch(query) {
      client.subscribe(query, () => {});
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
  return client;
}

/** After a page changed records itself (an import, a deletion): the background redraws the badge and reminders. */
export function announceRecordsChanged(): void {
  pagesToBackground.send('recordsChanged').catch(() => undefined);
}
