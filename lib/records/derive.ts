// The lifecycle rules: which event may follow which, and the state that a
// history of events adds up to. Pure functions; lib/db/escalations.ts stores.
import { FIRST_VERSION, getProtocol, getStage, protocolOf, type Protocol } from '../protocols';
import { dueInstant, scheduleEscalation, scheduleFacts } from '../schedule/schedule';
import {
  CORRECTABLE_FIELDS,
  NewEscalationSchema,
  type Conflict,
  type CorrectableField,
  type Escalation,
  type EscalationEvent,
  type StageEntry,
} from './model';
import { inEventOrder } from './order';

import { TransitionError } from './errors';
import { sameContent } from '../same-content';

function refuse(message: string): never {
  throw new TransitionError(message);
}

/** A rule of the protocol itself that a change breaks: two devices' changes meeting never explain it. */
class ProtocolRuleError extends TransitionError {}

function refuseByRule(message: string): never {
  throw new ProtocolRuleError(message);
}

function stageIndex(protocol: Protocol, stageId: string): number {
  getStage(protocol, stageId);
  return protocol.stages.findIndex((s) => s.id === stageId);
}

function requiredTimeframeQuote(protocol: Protocol, stageId: string): string | null {
  const clock = getStage(protocol, stageId).clocks.find((c) => c.kind === 'agreed' && c.required);
  return clock ? (clock.quote ?? clock.label) : null;
}

/**
 * Checks a move to `targetId` from the stage at `fromIndex` (-1 when starting):
 * the next stage is always allowed; passing over stages needs the protocol's
 * leave (Sussex) and immediate risk as the reason. Returns the stages passed over.
 */
function checkStageMove(protocol: Protocol, fromIndex: number, targetId: string, reason: string, agreedDays: number | undefined): string[] {
  const target = stageIndex(protocol, targetId);
  if (target <= fromIndex) {
    refuse(`${getStage(protocol, targetId).title} has already been reached; a stage cannot be entered twice`);
  }
  const skipped = protocol.stages.slice(fromIndex + 1, target).map((s) => s.id);
  // Issue 36: a second-edition protocol may limit where a skip goes ("only to go straight to Stage 3").
  const onlyTo = protocol.startAtLaterStage.onlyTo;
  if (skipped.length > 0 && onlyTo && !onlyTo.includes(targetId)) {
    refuse(`${protocol.title} allows passing over stages only to ${onlyTo.map((id) => getStage(protocol, id).title).join(' or ')}`);
  }
  if (skipped.length > 0) {
    if (!protocol.startAtLaterStage.allowed) {
      refuseByRule(`${protocol.title} does not allow passing over stages; the next stage is ${protocol.stages[fromIndex + 1]!.title}`);
    }
    if (reason !== 'immediate-risk') {
      refuseByRule('Passing over stages needs the reason "immediate risk to the child" to be recorded');
    }
  }
  const quote = requiredTimeframeQuote(protocol, targetId);
  if (quote && agreedDays === undefined) {
    refuseByRule(`${getStage(protocol, targetId).title} needs a timeframe for resolution before it starts: “${quote}”`);
  }
  return skipped;
}

function readField(state: Escalation, field: CorrectableField): unknown {
  return field.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], state);
}

function writeField(state: Escalation, field: CorrectableField, value: unknown): Escalation {
  const [head, tail] = field.split('.') as [keyof Escalation, string | undefined];
  if (tail === undefined) return { ...state, [head]: value };
  return { ...state, [head]: { ...(state[head] as object), [tail]: value } };
}

function requireOpen(state: Escalation, what: string): void {
  if (state.status !== 'open') refuse(`This escalation is ${state.status}: reopen it before you ${what}`);
}

/** The state after one more event, or a TransitionError saying why the event is not allowed. */
export function applyEvent(state: Escalation | null, event: EscalationEvent): Escalation {
  if (event.type === 'created') {
    if (state) refuse('This escalation already exists');
    const input = NewEscalationSchema.parse(event.escalation);
    // A "created" event written before protocols had versions followed the built-ins' first.
    const protocolVersion = input.protocolVersion ?? FIRST_VERSION;
    const protocol = getProtocol(input.protocolId, protocolVersion);
    if (Date.parse(input.concernRaisedAt) > Date.parse(event.at) + 60_000) {
      refuse('The concern cannot have been raised later than now');
    }
    const startStage = input.startStage ?? protocol.stages[0]!.id;
    const reason = input.startReason ?? 'start';
    const skipped = checkStageMove(protocol, -1, startStage, reason, input.agreedDays);
    const entry: StageEntry = { stageId: startStage, enteredAt: event.at, reason, skipped, agreedDays: input.agreedDays };
    return {
      id: event.escalationId,
      reference: event.reference,
      protocolId: input.protocolId,
      protocolVersion,
      ...(input.child ? { child: input.child } : {}),
      ...(input.theme ? { theme: input.theme } : {}),
      raisedBy: input.raisedBy,
      counterparts: input.counterparts,
      kind: input.kind,
      summary: input.summary,
      levelOfNeed: input.levelOfNeed,
      concernRaisedAt: input.concernRaisedAt,
      flags: input.flags,
      ...(input.facts ? { facts: checkedFacts(protocol, input.facts) } : {}),
      stages: [entry],
      currentStage: startStage,
      status: 'open',
      actions: [],
      dutiesDone: [],
      createdAt: event.at,
      updatedAt: event.at,
      lastSeq: 1,
    };
  }

  if (!state) refuse('The first event of an escalation must be "created"');
  const protocol = protocolOf(state);
  const next: Escalation = { ...state, updatedAt: later(state.updatedAt, event.at), lastSeq: state.lastSeq + 1 };

  switch (event.type) {
    case 'stage-entered': {
      requireOpen(state, 'escalate it');
      const skipped = checkStageMove(protocol, stageIndex(protocol, state.currentStage), event.stageId, event.reason, event.agreedDays);
      if (event.reason === 'protocol-reason' && !getStage(protocol, event.stageId).triggers.some((t) => t.text === event.trigger)) {
        refuse(`${getStage(protocol, event.stageId).title} gives no such reason: choose one of its own`);
      }
      const entry: StageEntry = {
        stageId: event.stageId,
        // The order is what happened; a clock that went back does not put a stage before the one it followed.
        enteredAt: later(state.stages.at(-1)!.enteredAt, event.at),
        reason: event.reason,
        skipped,
        agreedDays: event.agreedDays,
      };
      return { ...next, stages: [...state.stages, entry], currentStage: event.stageId };
    }
    case 'timeframe-agreed': {
      requireOpen(state, 'agree a timeframe');
      if (event.stageId !== state.currentStage) refuse('A timeframe can be agreed only for the current stage');
      if (!getStage(protocol, event.stageId).clocks.some((c) => c.kind === 'agreed')) {
        refuseByRule(`${protocol.title} sets this stage's time limits itself; there is no agreed timeframe to record`);
      }
      return {
        ...next,
        stages: state.stages.map((s) => (s.stageId === event.stageId ? { ...s, agreedDays: event.days } : s)),
      };
    }
    case 'discussion-held':
    case 'response-received':
      requireOpen(state, 'record this');
      return next;
    case 'action-agreed':
      requireOpen(state, 'agree an action');
      return {
        ...next,
        actions: [...state.actions, { action: event.action, owner: event.owner, dueDay: event.dueDay, agreedAt: event.at }],
      };
    case 'duty-done': {
      requireOpen(state, 'record a duty');
      const duties = [...getStage(protocol, event.stageId).duties, ...protocol.onResolution];
      if (!duties.some((d) => d.id === event.dutyId)) refuseByRule(`“${event.dutyId}” is not a duty of ${event.stageId}`);
      if (state.dutiesDone.some((d) => d.stageId === event.stageId && d.dutyId === event.dutyId)) {
        refuse('That duty is already recorded as done');
      }
      return { ...next, dutiesDone: [...state.dutiesDone, { stageId: event.stageId, dutyId: event.dutyId, at: event.at }] };
    }
    case 'note-copied':
      // Allowed after resolution too: the resolution itself must be recordable on the child's file.
      return next;
    case 'resolved':
      requireOpen(state, 'resolve it');
      if (!state.stages.some((s) => s.stageId === event.stageId))
        refuseByRule(`It cannot be resolved at ${event.stageId}, a stage it never reached`);
      return {
        ...next,
        status: 'resolved',
        resolution: {
          methodology: event.methodology,
          stageId: event.stageId,
          lessonsLearned: event.lessonsLearned,
          outcome: event.outcome,
          at: event.at,
        },
      };
    case 'withdrawn':
      requireOpen(state, 'withdraw it');
      return { ...next, status: 'withdrawn' };
    case 'reopened': {
      if (state.status === 'open') refuse('This escalation is already open');
      const { resolution: _closed, ...rest } = next;
      return { ...rest, status: 'open' };
    }
    case 'field-corrected': {
      requireOpen(state, 'correct it');
      // A theme (issue 36) has no child: writing a child's detail would make half a child beside it.
      if (state.theme && event.field.startsWith('child.'))
        refuse('This escalation is about a theme, not one child: it has no child’s details');
      const current = readField(state, event.field);
      if (!sameContent(current, event.oldValue)) {
        refuse(`${event.field} has changed since this correction was made; look again and correct the current value`);
      }
      const parsed = CORRECTABLE_FIELDS[event.field].safeParse(event.newValue);
      if (!parsed.success) refuseByRule(`The new ${event.field} ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
      return writeField(next, event.field, parsed.data);
    }
    // Issue 36: second-edition protocols' facts and milestones.
    case 'fact-recorded':
      requireOpen(state, 'record an answer');
      return { ...next, facts: { ...state.facts, ...checkedFacts(protocol, { [event.factId]: event.value }) } };
    case 'milestone':
      requireOpen(state, 'record this');
      if (!state.stages.some((s) => s.stageId === event.stageId)) refuse(`${event.stageId} has not been reached`);
      if (Date.parse(event.happenedAt) > Date.parse(event.at) + 60_000) refuse('It cannot have happened later than now');
      if (Date.parse(event.happenedAt) < Date.parse(state.concernRaisedAt)) refuse('It cannot have happened before the concern was raised');
      return {
        ...next,
        milestones: [...(state.milestones ?? []), { milestone: event.milestone, stageId: event.stageId, at: event.happenedAt }],
      };
    case 'protocol-version-moved': {
      requireOpen(state, 'move it to another version');
      const following = state.protocolVersion ?? FIRST_VERSION;
      if (event.from !== following) refuse(`This escalation follows version ${following}, not ${event.from}; look again before moving it`);
      if (event.to === following) refuse(`This escalation already follows version ${following}`);
      const target = getProtocol(state.protocolId, event.to);
      const missing = state.stages.map((s) => s.stageId).filter((id) => !target.stages.some((s) => s.id === id));
      if (missing.length)
        refuse(`Version ${event.to} has no ${missing.join(', ')}, which this escalation has reached; it cannot move to it`);
      return { ...next, protocolVersion: event.to };
    }
  }
}

/** Answers checked against the protocol's questions: each fact must be one it asks, with an answer it allows. */
function checkedFacts(protocol: Protocol, facts: Record<string, boolean | string>): Record<string, boolean | string> {
  for (const [id, value] of Object.entries(facts)) {
    const fact = protocol.facts?.find((f) => f.id === id) ?? refuse(`${protocol.title} asks no question “${id}”`);
    const choices = fact.choices?.map((c) => c.id);
    if (choices ? !choices.includes(String(value)) : typeof value !== 'boolean') {
      refuse(`“${fact.question}” is answered ${choices ? `with one of ${choices.join(', ')}` : 'yes or no'}`);
    }
  }
  return facts;
}

/** The current stage's due date, for open escalations; nothing for closed ones. */
export function withNextDue(state: Escalation, closureDays?: Record<string, string>): Escalation {
  const { nextDue: _d, nextDueAt: _a, ...rest } = state;
  if (state.status !== 'open') return rest;
  const schedule = scheduleEscalation({
    protocolId: state.protocolId,
    protocolVersion: state.protocolVersion ?? FIRST_VERSION,
    concernRaisedAt: state.concernRaisedAt,
    stages: state.stages.map((s) => ({ stageId: s.stageId, enteredAt: s.enteredAt, agreedDays: s.agreedDays })),
    closureDays,
    ...scheduleFacts(state),
  });
  const due = schedule.stages.find((s) => s.stageId === state.currentStage)?.due;
  return due ? { ...rest, nextDue: due, nextDueAt: new Date(dueInstant(due)).toISOString() } : rest;
}

/** The later of two instants, as written (the latest event's time is when an escalation was last updated). */
function later(a: string, b: string): string {
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/** What a record of something that happened needs no open escalation for, when it was made without seeing it closed. */
const RECORDS_OF_WHAT_HAPPENED = new Set<EscalationEvent['type']>([
  'discussion-held',
  'response-received',
  'action-agreed',
  'duty-done',
  'note-copied',
]);

/** Which event set each part of the state, to show both sides of a conflict. */
interface Origins {
  closing?: EscalationEvent;
  /** By stage: the event that set its timeframe, and the one that entered it. */
  timeframe: Map<string, EscalationEvent>;
  entered: Map<string, EscalationEvent>;
}

const agreedDaysOf = (state: Escalation, stageId: string) => state.stages.find((s) => s.stageId === stageId)?.agreedDays ?? null;

/**
 * One more event of a history in the order every device derives (lib/records/order.ts), where events made on two
 * devices meet: a change refused by the rules at its place is kept in the history and shown as a conflict with the
 * change it disagrees with; a record of what happened made without seeing the escalation closed still counts.
 */
function mergeEvent(
  state: Escalation | null,
  event: EscalationEvent,
  origins: Origins,
  conflicts: Conflict[],
  broken: string[],
): Escalation {
  if (!state) return applyEvent(state, event);
  if (event.type === 'timeframe-agreed' && event.previousDays !== undefined && state.status === 'open') {
    const current = agreedDaysOf(state, event.stageId);
    const earlier = origins.timeframe.get(event.stageId);
    if (current !== event.previousDays && current !== event.days) conflicts.push({ kind: 'two-timeframes', earlier, later: event });
    // Agreed having seen what stands: whatever conflict there was about this stage's timeframe is settled.
    else if (current === event.previousDays) dropConflicts(conflicts, (c) => c.kind === 'two-timeframes' && sameStage(c, event.stageId));
  }
  if (event.type === 'resolved' && event.seenStage !== undefined && state.status === 'open' && event.seenStage !== state.currentStage) {
    conflicts.push({ kind: 'stage-against-resolution', earlier: origins.entered.get(state.currentStage), later: event });
  }
  try {
    const next = applyEvent(state, event);
    track(next, event, origins, conflicts);
    return next;
  } catch (error) {
    if (!(error instanceof TransitionError)) throw error;
    if (error instanceof ProtocolRuleError) broken.push(error.message);
    const closed = state.status !== 'open';
    if (closed && RECORDS_OF_WHAT_HAPPENED.has(event.type)) {
      try {
        const { status, resolution } = state;
        return { ...applyEvent({ ...state, status: 'open' }, event), status, resolution };
      } catch {
        // Not allowed even on an open escalation (a duty recorded twice): it adds nothing.
      }
    }
    const next = { ...state, updatedAt: later(state.updatedAt, event.at), lastSeq: state.lastSeq + 1 };
    if (event.type === 'duty-done' || event.type === 'note-copied') return next; // the same duty ticked on two devices
    if (event.type === 'stage-entered' && state.stages.some((s) => s.stageId === event.stageId)) {
      // Both devices moved it to the same stage: a conflict only if they agreed different timeframes for it.
      const days = agreedDaysOf(state, event.stageId);
      if ((event.agreedDays ?? null) !== days)
        conflicts.push({ kind: 'two-timeframes', earlier: origins.timeframe.get(event.stageId), later: event, notApplied: error.message });
      return next;
    }
    const kind =
      closed && event.type === 'resolved'
        ? 'two-resolutions'
        : closed && event.type === 'stage-entered'
          ? 'stage-against-resolution'
          : 'not-applied';
    conflicts.push({ kind, earlier: closed ? origins.closing : undefined, later: event, notApplied: error.message });
    return next;
  }
}

function sameStage(conflict: Conflict, stageId: string): boolean {
  return 'stageId' in conflict.later && conflict.later.stageId === stageId;
}

function dropConflicts(conflicts: Conflict[], settled: (c: Conflict) => boolean): void {
  for (let i = conflicts.length - 1; i >= 0; i--) if (settled(conflicts[i]!)) conflicts.splice(i, 1);
}

function track(state: Escalation, event: EscalationEvent, origins: Origins, conflicts: Conflict[]): void {
  switch (event.type) {
    case 'created':
    case 'stage-entered': {
      const stageId = event.type === 'created' ? state.currentStage : event.stageId;
      origins.timeframe.set(stageId, event);
      origins.entered.set(stageId, event);
      break;
    }
    case 'timeframe-agreed':
      origins.timeframe.set(event.stageId, event);
      break;
    case 'resolved':
    case 'withdrawn':
      origins.closing = event;
      break;
    case 'reopened':
      // Reopened having seen how it was closed: conflicts about its closing are settled.
      origins.closing = undefined;
      dropConflicts(
        conflicts,
        (c) =>
          c.kind === 'two-resolutions' ||
          c.kind === 'stage-against-resolution' ||
          c.earlier?.type === 'resolved' ||
          c.earlier?.type === 'withdrawn',
      );
      break;
    case 'field-corrected':
      // Corrected again having seen the value that stands: a correction of it that could not be applied is settled.
      dropConflicts(conflicts, (c) => c.later.type === 'field-corrected' && c.later.field === event.field);
      break;
  }
}

/**
 * Replays a whole history, in the order every device derives (lib/records/order.ts), into the current state:
 * the same events give the same escalation wherever they were written or merged. `broken`: the protocol's own
 * rules that changes in it break (no two devices' changes meeting explain those: a file holding them is refused).
 */
export function deriveHistory(
  events: readonly EscalationEvent[],
  closureDays?: Record<string, string>,
): { escalation: Escalation; broken: string[] } {
  const origins: Origins = { timeframe: new Map(), entered: new Map() };
  const conflicts: Conflict[] = [];
  const broken: string[] = [];
  let state: Escalation | null = null;
  for (const event of inEventOrder(events)) state = mergeEvent(state, event, origins, conflicts, broken);
  if (!state) throw new TransitionError('An escalation needs at least its "created" event');
  const { conflicts: _none, ...rest } = state;
  return { escalation: withNextDue(conflicts.length ? { ...rest, conflicts } : rest, closureDays), broken };
}

/** The current state a history adds up to (deriveHistory). */
export function deriveEscalation(events: readonly EscalationEvent[], closureDays?: Record<string, string>): Escalation {
  return deriveHistory(events, closureDays).escalation;
}
