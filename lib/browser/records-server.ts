// Background side of the records bridge (see records-bridge.ts): serves each
// panel's port from the first-party database.
import { liveQuery } from 'dexie';
import type { Browser } from 'wxt/browser';
import type { EscalationDb } from '../db';
import { createEscalation, escalationsForChild, getEscalation, getHistory, recordEvent } from '../escalations';
import type { Escalation } from '../records/model';
import { serialise, type RecordsCommand, type RecordsQuery, type Reply, type Request } from './records-bridge';

function runQuery(db: EscalationDb, query: RecordsQuery): Promise<unknown> {
  switch (query.kind) {
    case 'for-child':
      return escalationsForChild(db, query.hostId, query.childId);
    case 'escalation':
      return getEscalation(db, query.id);
    case 'history':
      return getHistory(db, query.id);
  }
}

function runCommand(db: EscalationDb, command: RecordsCommand, extraNonWorkingDays: Record<string, string>): Promise<Escalation> {
  const who = { by: command.by, at: command.at, extraNonWorkingDays };
  return command.kind === 'create' ? createEscalation(db, command.input, who) : recordEvent(db, command.id, command.body, who);
}

/** Background side: serves one panel's port. */
export function serveRecords(
  port: Browser.runtime.Port,
  openDb: () => Promise<EscalationDb>,
  closureDays: () => Promise<Record<string, string>> = async () => ({}),
): void {
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
      if (request.op === 'subscribe') {
        const subscription = liveQuery(() => runQuery(db, request.query)).subscribe({
          next: (value) => post({ sub: request.sub, value }),
          error: (error) => post({ sub: request.sub, error: serialise(error) }),
        });
        subscriptions.set(request.sub, subscription);
      } else {
        post({ req: request.req, value: await runCommand(db, request.command, await closureDays()) });
      }
    } catch (error) {
      post('sub' in request ? { sub: request.sub, error: serialise(error) } : { req: request.req, error: serialise(error) });
    }
  });
  port.onDisconnect.addListener(() => {
    for (const s of subscriptions.values()) s.unsubscribe();
    subscriptions.clear();
  });
}

