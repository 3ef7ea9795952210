// The outbox: which events this device holds that the team server has not acknowledged. Nothing is queued until a
// team server is first set up (no policy: nothing leaves the device, and nothing waits to). Then `startOutbox` queues
// every event this device holds, once (none was acknowledged before: no server had been seen), and from then on every
// event written to the events table, by any path (a change, a backup import), is queued in the same IndexedDB
// transaction, so none can be written and forgotten. The sync (lib/sync/) removes a row only after the server's
// success reply, and removes at once the rows of events it pulled (they are on the server already).
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Dexie, Middleware, Table } from 'dexie';
import type { EscalationEvent } from '../records/model';
import type { Refusal } from '../team/status';

/** The settings row saying since when events are queued (set once, when a team server is first set up). */
export const OUTBOX_ON_KEY = 'outboxSince';

export interface OutboxRow {
  eventId: string;
  escalationId: string;
  /** When it was queued (ISO instant): the oldest tells how long sending has been failing. */
  queuedAt: string;
  /** The server refused this event (and only this one): why, and when; it stays here, tried again a day later. */
  refused?: Refusal;
}

export const OUTBOX_STORES = 'eventId, escalationId, queuedAt';

export function outboxRow(event: Pick<EscalationEvent, 'id' | 'escalationId'>, now: Date = new Date()): OutboxRow {
  return { eventId: event.id, escalationId: event.escalationId, queuedAt: now.toISOString() };
}

/**
 * Switches queueing on, once: every event held is queued (nothing was acknowledged before a server was set up).
 * Resolves to how many were queued now (0 when it was on already), so calling it again sends nothing twice.
 */
/** The tables queueing touches (the records database, lib/db/index.ts, which builds on this file). */
type QueueingDb = Dexie & {
  events: Table<EscalationEvent, string>;
  outbox: Table<OutboxRow, string>;
  settings: Table<{ key: string; value: unknown }, string>;
};

export function startOutbox(db: QueueingDb, now: Date = new Date()): Promise<number> {
  return db.transaction('rw', [db.events, db.outbox, db.settings], async () => {
    if (await db.settings.get(OUTBOX_ON_KEY)) return 0;
    await db.settings.put({ key: OUTBOX_ON_KEY, value: now.toISOString() });
    const events = await db.events.toArray();
    await db.outbox.bulkPut(events.map((event) => outboxRow(event, now)));
    return events.length;
  });
}

/** A DBCore middleware: a read-write transaction over `events` also covers `outbox` and `settings`, and once queueing
 * is on (the settings row OUTBOX_ON_KEY, read in the same transaction) each event written is queued. */
export const outboxMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'outbox',
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) =>
      down.transaction(
        mode === 'readwrite' && stores.includes('events') ? [...new Set([...stores, 'outbox', 'settings'])] : stores,
        mode,
        options,
      ),
    table: (name) => {
      const table = down.table(name);
      return name === 'events' ? queueing(table, down) : table;
    },
  }),
};

function queueing(events: DBCoreTable, core: DBCore): DBCoreTable {
  return {
    ...events,
    mutate: async (request: DBCoreMutateRequest) => {
      const result = await events.mutate(request);
      if (request.type !== 'add' && request.type !== 'put') return result;
      if (!(await core.table('settings').get({ trans: request.trans, key: OUTBOX_ON_KEY }))) return result;
      const now = new Date();
      const written = (request.values as EscalationEvent[]).filter((_, index) => !result.failures[index]);
      if (written.length)
        await core.table('outbox').mutate({ type: 'put', trans: request.trans, values: written.map((event) => outboxRow(event, now)) });
      return result;
    },
  };
}
