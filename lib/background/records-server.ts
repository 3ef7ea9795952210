// The background's side of the records port (records-bridge.ts): the live queries and changes of the pages that
// do not open the database themselves, answered from the background's own.
import { liveQuery } from 'dexie';
import type { Browser } from 'wxt/browser';
import type { EscalationDb } from '../db';
import { changeLanded, runCommand, runQuery } from '../db/escalations';
import type { PortReply, PortRequest } from '../messages/records';
import { serialise, type CommandReply, type LandedReply, type RecordsCommand } from '../records/commands';

type ClosureDays = () => Promise<Record<string, string>>;

/** Carries out one change from the panel and answers with the new state or the reason it was refused. */
export async function serveCommand(
  command: RecordsCommand,
  openDb: () => Promise<EscalationDb>,
  closureDays: ClosureDays = async () => ({}),
): Promise<CommandReply> {
  try {
    return { value: await runCommand(await openDb(), command, await closureDays()) };
  } catch (error) {
    return { error: serialise(error) };
  }
}

/** Whether a change id landed (after the panel lost the answer to it). */
export async function serveChangeLanded(changeId: string, openDb: () => Promise<EscalationDb>): Promise<LandedReply> {
  try {
    return { landed: await changeLanded(await openDb(), changeId) };
  } catch (error) {
    return { error: serialise(error) };
  }
}

/** Serves one page's live queries over its port. */
export function serveRecords(
  port: Browser.runtime.Port,
  openDb: () => Promise<EscalationDb>,
  closureDays: ClosureDays = async () => ({}),
): void {
  const subscriptions = new Map<number, { unsubscribe(): void }>();
  const post = (reply: PortReply) => {
    try {
      port.postMessage(reply);
    } catch {
      /* the page went away */
    }
  };
  port.onMessage.addListener(async (request: PortRequest) => {
    if (request.op === 'unsubscribe') {
      subscriptions.get(request.sub)?.unsubscribe();
      subscriptions.delete(request.sub);
      return;
    }
    try {
      const db = await openDb();
      const subscription = liveQuery(() => runQuery(db, request.query, closureDays)).subscribe({
        next: (value) => post({ sub: request.sub, value }),
        error: (error) => post({ sub: request.sub, error: serialise(error) }),
      });
      subscriptions.set(request.sub, subscription);
    } catch (error) {
      post({ sub: request.sub, error: serialise(error) });
    }
  });
  port.onDisconnect.addListener(() => {
    for (const s of subscriptions.values()) s.unsubscribe();
    subscriptions.clear();
  });
}
