// A worker's changes to escalation records, and the queries the pages read. Every change is an event:
// validated (zod), checked against the protocol's rules (lib/records/derive.ts),
// then written with the re-derived state in one Dexie transaction. UI code
// calls these functions and never writes tables itself. The other writers are whole-record ones: restoring a
// backup (backup.ts), deleting past the retention period (retention.ts) and the team store's pull and purges
// (lib/sync/apply.ts).
import { liveQuery, type Observable } from 'dexie';
import { DERIVE_AGAIN_KEY, DUES_CLOSURE_DAYS_KEY, type EscalationDb } from '.';
import { applyEvent, deriveEscalation, withNextDue } from '../records/derive';
import { inEventOrder, nextClock } from '../records/order';
import { FIRST_VERSION, getProtocol, protocolCalendar } from '../protocols';
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
import { dueWindows, type DueCounts, type DueSummary } from '../views/overview';
import { calendarsByNation } from '../time/calendar';
import { protocolShortName, stageShortName } from '../escalation/describe';
import { timeLeft } from '../time/timer';
import type { QueryKind, QueryResult, RecordsQueries, RecordsQuery } from '../messages/records';
import type { RecordsCommand } from '../records/commands';
import { escalationSyncFacts, figuresEscalations, theTeamsOnly } from './team';
import { teamEntries } from '../views/team-view';
import { messageOf } from '../errors';
import { namedAs } from '../records/about';

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
    `${reference} is already used on this device by another escalation (${namedAs(holder)}, started ${holder.createdAt.slice(0, 10)}); open that one instead`,
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

/**
 * This person's own escalations only: a manager's team's, pulled for the team view, are left out of their list,
 * badge, popup and reminders (lib/team/scope.ts). With no team store there are none, and nothing is filtered.
 */
function ownOnly(db: EscalationDb): PromiseLike<((e: Escalation) => boolean) | undefined> {
  // A Dexie promise (see theTeamsOnly): the reads after it stay heard by a live query.
  return theTeamsOnly(db).then((theirs) => (theirs.size ? (e: Escalation) => !theirs.has(e.id) : undefined));
}

/** Open escalations of this person's whose current stage is past due at `now` (indexed on nextDueAt). */
export async function overdueEscalations(db: EscalationDb, now: Date = new Date()): Promise<Escalation[]> {
  const own = await ownOnly(db);
  const overdue = db.escalations.where('nextDueAt').below(now.toISOString());
  return (own ? overdue.filter(own) : overdue).toArray();
}

/** How many of this person's open escalations are overdue, due today and due later this week (on the nextDueAt index). */
export async function dueCounts(db: EscalationDb, now: Date = new Date()): Promise<DueCounts> {
  const w = dueWindows(now);
  const own = await ownOnly(db);
  const byDue = db.escalations.where('nextDueAt');
  const count = (collection: ReturnType<typeof byDue.below>) => (own ? collection.filter(own) : collection).count();
  const [overdue, dueToday, dueThisWeek] = await Promise.all([
    count(byDue.below(w.now)),
    count(byDue.between(w.now, w.endOfToday, true, true)),
    count(byDue.between(w.endOfToday, w.endOfWeek, false, true)),
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

export async function dueSoonest(db: EscalationDb, limit: number): Promise<Escalation[]> {
  const own = await ownOnly(db);
  const byDue = db.escalations.orderBy('nextDueAt');
  return (own ? byDue.filter(own) : byDue).limit(limit).toArray();
}

/** When the next stage of one of this person's escalations falls due after `now`, if any. */
export async function firstDueAfter(db: EscalationDb, now: Date): Promise<string | undefined> {
  const own = await ownOnly(db);
  const after = db.escalations.where('nextDueAt').above(now.toISOString());
  return (await (own ? after.filter(own) : after).first())?.nextDueAt;
}

/** Every open escalation of this person's with a clock running: what reminders are planned from. */
export async function openWithClock(db: EscalationDb): Promise<Escalation[]> {
  const own = await ownOnly(db);
  const byDue = db.escalations.orderBy('nextDueAt');
  return (own ? byDue.filter(own) : byDue).toArray();
}

function narrowed(db: EscalationDb, narrowing: IndexedNarrowing) {
  const range = narrowingRange(narrowing);
  if (!range) return db.escalations.toCollection();
  return db.escalations.where(range.index).between(range.lower, range.upper, !range.lowerOpen, !range.upperOpen);
}

/** The rows an index can pick out for the dashboard (this person's own), before the rest of its filter applies. */
export async function dashboardRows(db: EscalationDb, narrowing: IndexedNarrowing): Promise<Escalation[]> {
  const own = await ownOnly(db);
  const rows = narrowed(db, narrowing);
  return (own ? rows.filter(own) : rows).toArray();
}

/** Live views: they emit again whenever any tab or page changes the records. */
export const live = {
  escalation: (db: EscalationDb, id: string): Observable<Escalation | undefined> => liveQuery(() => getEscalation(db, id)),
  history: (db: EscalationDb, id: string): Observable<EscalationEvent[]> => liveQuery(() => getHistory(db, id)),
  forChild: (db: EscalationDb, hostId: string, childId: string): Observable<Escalation[]> =>
    liveQuery(() => escalationsForChild(db, hostId, childId)),
};

function currentVersion(protocolId: string): string {
  try {
    return getProtocol(protocolId).version;
  } catch (error) {
    throw new InvalidInputError([{ path: 'protocolId', message: messageOf(error) }]);
  }
}

/** How many escalations the popup lists. */
const NEXT_FEW = 5;

/** How many of the team's escalations on a manager's device are overdue; none held, undefined (a Dexie promise: see theTeamsOnly). */
function overdueOfTheTeam(db: EscalationDb, now: Date): PromiseLike<number | undefined> {
  return theTeamsOnly(db).then((theirs) =>
    theirs.size
      ? db.escalations
          .where('nextDueAt')
          .below(now.toISOString())
          .filter((e) => theirs.has(e.id))
          .count()
      : undefined,
  );
}

/** The counts and the next few escalations, worded, each counted in its protocol's nation's working days less `closureDays`. */
export async function dueSummary(
  db: EscalationDb,
  closureDays: Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>,
  now: Date = new Date(),
): Promise<DueSummary> {
  // The records are read before anything else is awaited: a live query hears only what it reads before then.
  const [counts, next, teamOverdue, days] = await Promise.all([
    dueCounts(db, now),
    dueSoonest(db, NEXT_FEW),
    overdueOfTheTeam(db, now),
    closureDays,
  ]);
  const calendars = calendarsByNation(days);
  return {
    counts,
    ...(teamOverdue === undefined ? {} : { team: { overdue: teamOverdue } }),
    next: next.map((e) => {
      const left = timeLeft(e.nextDue!, now, calendars(protocolCalendar(e)));
      return {
        id: e.id,
        childId: e.child?.childId ?? '',
        ...(e.theme ? { theme: e.theme.title } : {}),
        protocol: protocolShortName(e.protocolId),
        stage: stageShortName(e.protocolId, e.currentStage),
        left: { text: left.text, urgency: left.urgency },
      };
    }),
  };
}

/** The organisation's closure days, asked for only by the query kinds that count working days. */
type ClosureDays = () => Promise<Readonly<Record<string, string>>>;

/** Each query kind (lib/messages/records.ts) answered from the database: the compiler holds every kind to an answer. */
const ANSWERS: {
  [K in QueryKind]: (db: EscalationDb, query: RecordsQuery<K>, closureDays: ClosureDays) => Promise<RecordsQueries[K]['answer']>;
} = {
  'for-child': (db, q) => escalationsForChild(db, q.hostId, q.childId),
  escalation: (db, q) => getEscalation(db, q.id),
  history: (db, q) => getHistory(db, q.id),
  'sync-state': (db, q) => escalationSyncFacts(db, q.id),
  all: (db) => db.escalations.orderBy('updatedAt').reverse().toArray(),
  'dashboard-rows': async (db, q) => ({ every: true, rows: await dashboardRows(db, q.narrowing) }),
  'due-summary': (db, _, closureDays) => dueSummary(db, closureDays()),
  team: async (db) => teamEntries(await db.escalations.toArray(), await db.teamEscalations.toArray()),
  'team-held': (db) => db.teamEscalations.count(),
  figures: (db, q) => figuresEscalations(db, q.scope),
};

/** One records query, the same wherever it runs: in the background (records-server.ts) or in a page (records-direct.ts). */
export function runQuery<Q extends RecordsQuery>(db: EscalationDb, query: Q, closureDays: ClosureDays): Promise<QueryResult<Q>> {
  const answer = ANSWERS[query.kind] as (db: EscalationDb, query: Q, closureDays: ClosureDays) => Promise<QueryResult<Q>>;
  return answer(db, query, closureDays);
}

/** One records change, the same wherever it runs. */
export function runCommand(db: EscalationDb, command: RecordsCommand, closureDays: Record<string, string>): Promise<Escalation> {
  const who = { changeId: command.changeId, by: command.by, at: command.at, closureDays };
  return command.kind === 'create' ? createEscalation(db, command.input, who) : recordEvent(db, command.id, command.body, who);
}
