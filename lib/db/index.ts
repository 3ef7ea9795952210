// The extension's IndexedDB database (Dexie), on this device only.
// Versions are never edited once shipped: each new version is added below with
// its upgrade, and tests open a database written by the previous version.
import Dexie, { type Table } from 'dexie';
import { deriveEscalation, withNextDue } from '../records/derive';
import type { Escalation, EscalationEvent } from '../records/model';
import { DB_NAME } from './name';
import { OUTBOX_STORES, outboxMiddleware, outboxRow, type OutboxRow } from './outbox';
import type { TeamEscalationRow } from '../records/team';
import { messageOf } from '../errors';

/** The settings row naming the closure days the stored dues were worked out with (lib/db/escalations.ts recomputeDues). */
export const DUES_CLOSURE_DAYS_KEY = 'duesClosureDays';
/** The settings row listing escalations the upgrade could not derive again (lib/db/escalations.ts recomputeDues does). */
export const DERIVE_AGAIN_KEY = 'escalationsToDeriveAgain';

export { DB_NAME };

export interface SettingRow {
  key: string;
  value: unknown;
}

export class EscalationDb extends Dexie {
  escalations!: Table<Escalation, string>;
  events!: Table<EscalationEvent, string>;
  settings!: Table<SettingRow, string>;
  outbox!: Table<OutboxRow, string>;
  teamEscalations!: Table<TeamEscalationRow, string>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // v1: escalations by child, protocol and status; events by escalation in order.
    this.version(1).stores({
      escalations: 'id, reference, [child.hostId+child.childId], protocolId, status, updatedAt',
      events: 'id, escalationId, &[escalationId+seq], at',
      settings: 'key',
    });
    // v2: when each open escalation's current stage falls due, indexed for the
    // overview's "overdue" and "due soon" queries. Closed escalations have no
    // nextDueAt, so they fall out of that index.
    this.version(2)
      .stores({ escalations: 'id, reference, [child.hostId+child.childId], protocolId, status, updatedAt, nextDueAt' })
      .upgrade(async (tx) => {
        await tx
          .table<Escalation, string>('escalations')
          .toCollection()
          .modify((row, ref) => {
            ref.value = withNextDue(row);
          });
      });
    // v3: events in the order every device derives (lib/records/order.ts), no longer numbered per device (two
    // devices' events for one escalation merge); each escalation derived again in that order from its events,
    // which are kept as they are. The dues are worked out again with the organisation's closure days as soon as
    // the settings are read (recomputeDues, lib/db/escalations.ts): the mark of the days they were made with goes.
    this.version(3)
      .stores({ events: 'id, escalationId, at' })
      .upgrade(async (tx) => {
        const events = await tx.table<EscalationEvent, string>('events').toArray();
        const byEscalation = new Map<string, EscalationEvent[]>();
        for (const event of events) {
          const list = byEscalation.get(event.escalationId);
          if (list) list.push(event);
          else byEscalation.set(event.escalationId, [event]);
        }
        const later: string[] = [];
        await tx
          .table<Escalation, string>('escalations')
          .toCollection()
          .modify((row, ref) => {
            try {
              ref.value = deriveEscalation(byEscalation.get(row.id) ?? []);
            } catch {
              // Its protocol version not read yet (a page that opened the database first), or a history with no
              // beginning: the row stays as it was, its events kept, and it is derived again with the dues.
              later.push(row.id);
            }
          });
        await tx.table<SettingRow, string>('settings').delete(DUES_CLOSURE_DAYS_KEY);
        if (later.length) await tx.table<SettingRow, string>('settings').put({ key: DERIVE_AGAIN_KEY, value: later });
      });
    // v4 (the team store, lib/sync/): the outbox of events the team server has not acknowledged, filled as events are
    // written once a server is set up (lib/db/outbox.ts) and here with every event already held, so a device switched
    // on later sends its history (exactly what startOutbox queues then: these rows wait unseen until a server is set
    // up); and each escalation's team and owner as the server said, for the manager's team view.
    this.version(4)
      .stores({ outbox: OUTBOX_STORES, teamEscalations: 'escalationId, team, owner' })
      .upgrade(async (tx) => {
        const now = new Date();
        const events = await tx.table<EscalationEvent, string>('events').toArray();
        await tx.table<OutboxRow, string>('outbox').bulkPut(events.map((event) => outboxRow(event, now)));
      });
    this.use(outboxMiddleware);
  }
}

/** The database could not open: another tab holds an older version open, or the browser refused. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/**
 * Opens the database. If an upgrade is blocked by another open tab still on the
 * old version, waits `blockedTimeoutMs` and then fails with a message the user
 * can act on, rather than hanging.
 */
export async function openEscalationDb(
  options: { name?: string; blockedTimeoutMs?: number; dexieOptions?: ConstructorParameters<typeof Dexie>[1] } = {},
): Promise<EscalationDb> {
  const db = new EscalationDb(options.name, options.dexieOptions);
  // Another tab wants a newer version: let it upgrade, and say so here.
  db.on('versionchange', () => {
    db.close();
    return false;
  });
  let blockedTimer: ReturnType<typeof setTimeout> | undefined;
  const blocked = new Promise<never>((_, reject) => {
    db.on('blocked', () => {
      blockedTimer ??= setTimeout(() => {
        db.close();
        reject(
          new DatabaseUnavailableError(
            'The escalation records need an update, but another tab or window is still using the older version. ' +
              'Close or reload the other extension tabs, then try again. Nothing has been lost.',
          ),
        );
      }, options.blockedTimeoutMs ?? 5_000);
    });
  });
  try {
    await Promise.race([db.open(), blocked]);
    return db;
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) throw error;
    throw new DatabaseUnavailableError(`The escalation records could not be opened: ${messageOf(error)}`);
  } finally {
    clearTimeout(blockedTimer);
  }
}

/**
 * Asks the browser not to evict this origin's data under storage pressure.
 * Extensions with `unlimitedStorage` are already exempt in Chromium; this covers
 * browsers where persist() decides. Resolves to whether storage is persistent.
 */
export async function requestPersistentStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean> {
  if (!storage?.persist) return false;
  if (await storage.persisted()) return true;
  return storage.persist();
}
