// The outbox: which events this device holds that the team server has not acknowledged. Every event written to the
// events table, by any path (a change, a backup import), is queued in the same IndexedDB transaction, so none can
// be written and forgotten; the sync (lib/sync/) removes a row only after the server's success reply, and removes at
// once the rows of events it pulled (they are on the server already). With no server configured the rows only wait.
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import type { EscalationEvent } from '../records/model';

export interface OutboxRow {
  eventId: string;
  escalationId: string;
  /** When it was queued (ISO instant): the oldest tells how long sending has been failing. */
  queuedAt: string;
}

export const OUTBOX_STORES = 'eventId, escalationId, queuedAt';

export function outboxRow(event: Pick<EscalationEvent, 'id' | 'escalationId'>, now: Date = new Date()): OutboxRow {
  return { eventId: event.id, escalationId: event.escalationId, queuedAt: now.toISOString() };
}

/** A DBCore middleware: a read-write transaction over `events` also covers `outbox`, and each event written is queued in it. */
export const outboxMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'outbox',
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) =>
      down.transaction(
        mode === 'readwrite' && stores.includes('events') && !stores.includes('outbox') ? [...stores, 'outbox'] : stores,
        mode,
        options,
      ),
    table: (name) => {
      const table = down.table(name);
      return name === 'events' ? queueing(table, () => down.table('outbox')) : table;
    },
  }),
};

function queueing(events: DBCoreTable, outbox: () => DBCoreTable): DBCoreTable {
  return {
    ...events,
    mutate: async (request: DBCoreMutateRequest) => {
      const result = await events.mutate(request);
      if (request.type === 'add' || request.type === 'put') {
        const now = new Date();
        const written = (request.values as EscalationEvent[]).filter((_, index) => !result.failures[index]);
        if (written.length)
          await outbox().mutate({ type: 'put', trans: request.trans, values: written.map((event) => outboxRow(event, now)) });
      }
      return result;
    },
  };
}
