// Background side of the records bridge (see records-bridge.ts): serves each
// panel's port from the first-party database.
import { liveQuery } from 'dexie';
import type { Browser } from 'wxt/browser';
import type { EscalationDb } from '../db';
import { changeLanded } from '../db/escalations';
import { runCommand, runQuery } from '../records/run';
import { serialise, type CommandReply, type LandedReply, type RecordsCommand, type Reply, type Request } from '../browser/records-bridge';

/** Carries out one change from the panel and answers with the new state or the reason it was refused. */
export async function serveCommand(
  command: RecordsCommand,
  openDb: () => Promise<EscalationDb>,
  closureDays: () => Promise<Record<string, string>> = async () => ({}),
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

/** Serves one panel's live queries over its port. */
export function serveRecords(port: Browser.runtime.Port, openDb: () => Promise<EscalationDb>): void {
  const subscriptions = new Map<number, { unsubscribe(): void }>();
  const post = (reply: Reply) => {
    try {
      port.postMessage(reply);
    } catch {
      /* the panel went away */
    }
  };
  port.onMessage.addListener(async (request: Request) => {
    if (request.op === 'unsubscribe') {
      subscriptions.get(request.sub)?.unsubscribe();
      subscriptions.delete(request.sub);
      return;
    }
    try {
      const db = await openDb();
      const subscription = liveQuery(() => runQuery(db, request.query)).subscribe({
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
