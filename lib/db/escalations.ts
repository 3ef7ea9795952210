// How a worker's changes reach the escalation records. Every change is an event:
// validated (zod), checked against the protocol's rules (lib/records/derive.ts),
// then written with the re-derived state in one Dexie transaction. UI code
// calls these functions and never writes tables itself. The records' other
// writers replace or remove whole records: restoring a backup (lib/db/backup.ts),
// deleting closed ones past retention (lib/db/retention.ts), and the team
// store's pull and purges (lib/sync/apply.ts).
import { liveQuery, type Observable } from 'dexie';
import { DERIVE_AGAIN_KEY, DUES_CLOSURE_DAYS_KEY, type EscalationDb } from './';
import { applyEvent, deriveEscalation, withNextDue } from '../records/derive';
import { inEventOrder, nextClock } from '../records/order';
import { FIRST_VERSION, getProtocol } from '../protocols';
import {
  EscalationEventSchema,
  EventBodySchema,
  NewEscalationSchema,
  type Escalation,
  type EscalationEvent,
  type EventBody,
  type NewEscalation,
} from '../records/model';

import { InvalidInputError, TransitionError } from '../records/errors';
import { sameContent } from '../same-content';
import { narrowingRange, type IndexedNarrowing } from '../views/dashboard';
import { dueWindows, type DueCounts } from '../views/overview';
import { messageOf } from '../errors';

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

/** The escalation on this device that already has a reference, if any. */
export function holderOfReference(db: EscalationDb, reference: string): Promise<Escalation | undefined> {
  return db.escalations.where('reference').equals(reference).first();
}

/** How many fresh references to try before giving up (each collides with odds of n / 32⁶). */
const REFERENCE_TRIES = 20;

/** A reference already used on this device for another escalation, naming that one. */
export function referenceTaken(reference: string, holder: Escalation): TransitionError {
  return new TransitionError(
    `${reference} is already used on this device by another escalation (child ${holder.child.childId}, started ${holder.createdAt.slice(0, 10)}); open that one instead`,
  );
}

/**
 * Starts an escalation: writes its "created" event and its state. Its reference is checked inside the write, so
 * no two escalations on this device share one: a reference given (tracking one found in the notes) that another
 * escalation has is refused, naming that one; a new one that collides is made again.
 */
export async function createEscalation(
  db: EscalationDb,
  input: NewEscalation,
  who: Who = {},
  makeReference: () => string = newReference,
): Promise<Escalation> {
  const escalation = validate(NewEscalationSchema, input);
  // The version current now is the one it follows from here on (lib/protocols protocolOf).
  escalation.protocolVersion ??= currentVersion(escalation.protocolId);
  const id = crypto.randomUUID();
  const at = who.at ?? new Date().toISOString();
  const made = (reference: string) => {
    const event = validate(EscalationEventSchema, {
      type: 'created',
      escalation,
      reference,
      id: who.changeId ?? crypto.randomUUID(),
      escalationId: id,
      hlc: nextClock([], Date.parse(at)),
      at,
      by: who.by ?? escalation.raisedBy.name,
    });
    return { event, state: deriveEscalation([event], who.closureDays) };
  };
  if (escalation.reference) made(escalation.reference); // refused before the write when it is not valid
  return db.transaction('rw', db.escalations, db.events, async () => {
    const earlier = who.changeId ? await changeLanded(db, who.changeId) : null;
    if (earlier) return earlier;
    let reference = escalation.reference ?? makeReference();
    for (let tries = 1; ; tries++) {
      const holder = await holderOfReference(db, reference);
      if (!holder) break;
      if (escalation.reference) throw referenceTaken(reference, holder);
      if (tries >= REFERENCE_TRIES) throw new TransitionError('No free reference could be made; try again');
      reference = makeReference();
    }
    const { event, state } = made(reference);
    await db.events.add(event);
    await db.escalations.add(state);
    return state;
  });
}

/** What the writer saw when it made a change, kept with it so another device's change not seen shows as a conflict. */
function withWhatWasSeen(body: ReturnType<typeof parseBody>, state: Escalation) {
  if (body.type === 'timeframe-agreed')
    return { ...body, previousDays: state.stages.find((s) => s.stageId === body.stageId)?.agreedDays ?? null };
  if (body.type === 'resolved') return { ...body, seenStage: state.currentStage };
  return body;
}

function parseBody(body: EventBody) {
  const parsed = validate(EventBodySchema, body);
  if (parsed.type === 'created') throw new TransitionError('Use createEscalation to start an escalation');
  return parsed;
}

/**
 * Records one event on an escalation. The history is re-read inside the
 * transaction, so two tabs writing at once both land, one after the other.
 */
export async function recordEvent(db: EscalationDb, escalationId: string, body: EventBody, who: Who = {}): Promise<Escalation> {
  const parsedBody = parseBody(body);
  return db.transaction('rw', db.escalations, db.events, async () => {
    const earlier = who.changeId ? await changeLanded(db, who.changeId) : null;
    if (earlier) return earlier;
    const history = await getHistory(db, escalationId);
    if (history.length === 0) throw new TransitionError(`No escalation with id ${escalationId}`);
    const before = deriveEscalation(history);
    const at = who.at ?? new Date().toISOString();
    const event = validate(EscalationEventSchema, {
      ...withWhatWasSeen(parsedBody, before),
      id: who.changeId ?? crypto.randomUUID(),
      escalationId,
      // After every event held, whatever this device's clock says: it is recorded having seen them.
      hlc: nextClock(history, Math.max(Date.now(), Date.parse(at))),
      at,
      by: who.by ?? '',
    });
    applyEvent(before, event); // the rules, as the worker saw the escalation: throws saying why not
    const state = deriveEscalation([...history, event], who.closureDays);
    await db.events.add(event);
    await db.escalations.put(state);
    return state;
  });
}

export function getEscalation(db: EscalationDb, id: string): Promise<Escalation | undefined> {
  return db.escalations.get(id);
}

/** An escalation's events, in the order every device derives (lib/records/order.ts). */
export async function getHistory(db: EscalationDb, escalationId: string): Promise<EscalationEvent[]> {
  return inEventOrder(await db.events.where('escalationId').equals(escalationId).toArray());
}

/**
 * Derives again the escalations the database upgrade could not (their protocol version was not read yet), now
 * that the settings, and so the stored protocols, have been read. Those that still cannot be stay listed.
 */
async function deriveAgain(db: EscalationDb, closureDays: Readonly<Record<string, string>>): Promise<void> {
  await db.transaction('rw', db.escalations, db.events, db.settings, async () => {
    const pending = (await db.settings.get(DERIVE_AGAIN_KEY))?.value;
    if (!Array.isArray(pending)) return;
    const still: string[] = [];
    for (const id of pending as string[]) {
      const history = await getHistory(db, id);
      if (history.length === 0) continue; // deleted since
      try {
        await db.escalations.put(deriveEscalation(history, { ...closureDays }));
      } catch {
        still.push(id);
      }
    }
    if (still.length) await db.settings.put({ key: DERIVE_AGAIN_KEY, value: still });
    else await db.settings.delete(DERIVE_AGAIN_KEY);
  });
}

/**
 * Works out every open escalation's stored due again with the organisation's closure days, when they differ from
 * those the dues were worked out with (a closure day added or removed, the database upgraded). The badge, popup,
 * dashboard, reminders and figures read the stored due; the panel works it out as it draws: both agree.
 * Returns how many dues changed.
 */
export async function recomputeDues(db: EscalationDb, closureDays: Readonly<Record<string, string>>): Promise<number> {
  await deriveAgain(db, closureDays);
  return db.transaction('rw', db.escalations, db.settings, async () => {
    const kept = await db.settings.get(DUES_CLOSURE_DAYS_KEY);
    if (kept && sameContent(kept.value, closureDays)) return 0;
    let changed = 0;
    await db.escalations
      .where('status')
      .equals('open')
      .modify((row, ref) => {
        const next = withNextDue(row, { ...closureDays });
        if (next.nextDue !== row.nextDue || next.nextDueAt !== row.nextDueAt) {
          ref.value = next;
          changed++;
        }
      });
    await db.settings.put({ key: DUES_CLOSURE_DAYS_KEY, value: { ...closureDays } });
    return changed;
  });
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

/** Every protocol version (`id@version`) an escalation on this device follows or followed (a backup carries each). */
export async function protocolVersionsInUse(db: EscalationDb): Promise<Set<string>> {
  const protocolOf = new Map<string, string>();
  const inUse = new Set<string>();
  await db.escalations.each((e) => {
    protocolOf.set(e.id, e.protocolId);
    inUse.add(`${e.protocolId}@${e.protocolVersion ?? FIRST_VERSION}`);
  });
  await db.events.each((e) => {
    if (e.type === 'created') inUse.add(`${e.escalation.protocolId}@${e.escalation.protocolVersion ?? FIRST_VERSION}`);
    if (e.type === 'protocol-version-moved') inUse.add(`${protocolOf.get(e.escalationId)}@${e.from}`);
  });
  return inUse;
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
    throw new InvalidInputError([{ path: 'protocolId', message: messageOf(error) }]);
  }
}
