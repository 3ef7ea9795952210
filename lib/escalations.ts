// The one module that changes escalation records. Every change is an event:
// validated (zod), checked against the protocol's rules (lib/records/derive.ts),
// then written with the re-derived state in one Dexie transaction. UI code
// calls these functions and never writes tables itself.
import { liveQuery, type Observable } from 'dexie';
import type { EscalationDb } from './db';
import { deriveEscalation } from './records/derive';
import { FIRST_VERSION, getProtocol } from './protocols';
import {
  EscalationEventSchema,
  EventBodySchema,
  NewEscalationSchema,
  type Escalation,
  type EscalationEvent,
  type EventBody,
  type NewEscalation,
} from './records/model';

import { InvalidInputError, TransitionError } from './records/errors';
import { narrowingRange, type IndexedNarrowing } from './dashboard';
import { dueWindows, type DueCounts } from './overview';

function validate<T>(
  schema: {
    safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  value: unknown,
): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InvalidInputError(result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
  }
  return result.data;
}

const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O or 1/I to misread

/** A short reference people can read aloud and find again in a case note: ESC-7K3F9Q. */
export function newReference(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  return `ESC-${Array.from(random(6), (b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length]).join('')}`;
}

interface Who {
  /**
   * The change's id, made when the worker pressed the button and reused if they retry: it becomes the
   * event's id, so the same change arriving twice (a double-click, a retry after a lost answer) is written
   * once, and the second arrival gets the escalation as it stands.
   */
  changeId?: string;
  /** Who did it (the worker's name, remembered from settings). */
  by?: string;
  /** When; now by default. */
  at?: string;
  /** The organisation's closure days, for the due date stored with the escalation. */
  closureDays?: Record<string, string>;
}

/** The escalation a change already made, if it was made: how a lost answer is settled, and a repeat ignored. */
export async function changeLanded(db: EscalationDb, changeId: string): Promise<Escalation | null> {
  const event = await db.events.get(changeId);
  return event ? ((await db.escalations.get(event.escalationId)) ?? null) : null;
}

/** Starts an escalation: writes its "created" event and its state. */
export async function createEscalation(db: EscalationDb, input: NewEscalation, who: Who = {}): Promise<Escalation> {
  const escalation = validate(NewEscalationSchema, input);
  // The version current now is the one it follows from here on (lib/protocols protocolOf).
  escalation.protocolVersion ??= currentVersion(escalation.protocolId);
  const id = crypto.randomUUID();
  const event = validate(EscalationEventSchema, {
    type: 'created',
    escalation,
    reference: escalation.reference ?? newReference(),
    id: who.changeId ?? crypto.randomUUID(),
    escalationId: id,
    seq: 1,
    at: who.at ?? new Date().toISOString(),
    by: who.by ?? escalation.raisedBy.name,
  });
  const state = deriveEscalation([event], who.closureDays);
  return db.transaction('rw', db.escalations, db.events, async () => {
    const earlier = who.changeId ? await changeLanded(db, who.changeId) : null;
    if (earlier) return earlier;
    await db.events.add(event);
    await db.escalations.add(state);
    return state;
  });
}

/**
 * Records one event on an escalation. The history is re-read inside the
 * transaction, so two tabs writing at once both land, one after the other.
 */
export async function recordEvent(db: EscalationDb, escalationId: string, body: EventBody, who: Who = {}): Promise<Escalation> {
  const parsedBody = validate(EventBodySchema, body);
  if (parsedBody.type === 'created') throw new TransitionError('Use createEscalation to start an escalation');
  return db.transaction('rw', db.escalations, db.events, async () => {
    const earlier = who.changeId ? await changeLanded(db, who.changeId) : null;
    if (earlier) return earlier;
    const history = await db.events.where('[escalationId+seq]').between([escalationId, 0], [escalationId, Infinity]).toArray();
    if (history.length === 0) throw new TransitionError(`No escalation with id ${escalationId}`);
    const event = validate(EscalationEventSchema, {
      ...parsedBody,
      id: who.changeId ?? crypto.randomUUID(),
      escalationId,
      seq: history.length + 1,
      at: who.at ?? new Date().toISOString(),
      by: who.by ?? '',
    });
    const state = deriveEscalation([...history, event], who.closureDays);
    await db.events.add(event);
    await db.escalations.put(state);
    return state;
  });
}

export function getEscalation(db: EscalationDb, id: string): Promise<Escalation | undefined> {
  return db.escalations.get(id);
}

/** An escalation's events, oldest first. */
export function getHistory(db: EscalationDb, escalationId: string): Promise<EscalationEvent[]> {
  return db.events.where('[escalationId+seq]').between([escalationId, 0], [escalationId, Infinity]).toArray();
}

export function escalationsForChild(db: EscalationDb, hostId: string, childId: string): Promise<Escalation[]> {
  return db.escalations.where('[child.hostId+child.childId]').equals([hostId, childId]).toArray();
}

/** Open escalations whose current stage is past due at `now` (indexed on nextDueAt). */
export function overdueEscalations(db: EscalationDb, now: Date = new Date()): Promise<Escalation[]> {
  return db.escalations.where('nextDueAt').below(now.toISOString()).toArray();
}

/** How many open escalations are overdue, due today and due later this week (counted on the nextDueAt index). */
export async function dueCounts(db: EscalationDb, now: Date = new Date()): Promise<DueCounts> {
  const w = dueWindows(now);
  const byDue = db.escalations.where('nextDueAt');
  const [overdue, dueToday, dueThisWeek] = await Promise.all([
    byDue.below(w.now).count(),
    byDue.between(w.now, w.endOfToday, true, true).count(),
    byDue.between(w.endOfToday, w.endOfWeek, false, true).count(),
  ]);
  return { overdue, dueToday, dueThisWeek };
}

/** The open escalations due soonest (overdue first), for the toolbar popup. */
/** How many open escalations follow a version of a protocol. */
export function openEscalationsFollowing(db: EscalationDb, protocol: { id: string; version: string }): Promise<number> {
  return db.escalations
    .where('protocolId')
    .equals(protocol.id)
    .filter((e) => e.status === 'open' && (e.protocolVersion ?? FIRST_VERSION) === protocol.version)
    .count();
}

export function dueSoonest(db: EscalationDb, limit: number): Promise<Escalation[]> {
  return db.escalations.orderBy('nextDueAt').limit(limit).toArray();
}

/** When the next stage falls due after `now`, if any. */
export async function firstDueAfter(db: EscalationDb, now: Date): Promise<string | undefined> {
  return (await db.escalations.where('nextDueAt').above(now.toISOString()).first())?.nextDueAt;
}

/** Every open escalation with a clock running: what reminders are planned from. */
export function openWithClock(db: EscalationDb): Promise<Escalation[]> {
  return db.escalations.orderBy('nextDueAt').toArray();
}

function narrowed(db: EscalationDb, narrowing: IndexedNarrowing) {
  const range = narrowingRange(narrowing);
  if (!range) return db.escalations.toCollection();
  return db.escalations.where(range.index).between(range.lower, range.upper, !range.lowerOpen, !range.upperOpen);
}

/** The rows an index can pick out for the dashboard, before the rest of its filter applies. */
export function dashboardRows(db: EscalationDb, narrowing: IndexedNarrowing): Promise<Escalation[]> {
  return narrowed(db, narrowing).toArray();
}

/** Live views: they emit again whenever any tab or page changes the records. */
export const live = {
  escalation: (db: EscalationDb, id: string): Observable<Escalation | undefined> => liveQuery(() => getEscalation(db, id)),
  history: (db: EscalationDb, id: string): Observable<EscalationEvent[]> => liveQuery(() => getHistory(db, id)),
  forChild: (db: EscalationDb, hostId: string, childId: string): Observable<Escalation[]> =>
    liveQuery(() => escalationsForChild(db, hostId, childId)),
  all: (db: EscalationDb): Observable<Escalation[]> => liveQuery(() => db.escalations.orderBy('updatedAt').reverse().toArray()),
};

function currentVersion(protocolId: string): string {
  try {
    return getProtocol(protocolId).version;
  } catch (error) {
    throw new InvalidInputError([{ path: 'protocolId', message: (error as Error).message }]);
  }
}
