// What an escalation record and its events are. Events are the history; the
// escalation's current state is always derived from them (lib/records/derive.ts).
import { z } from 'zod';
import { MAX_THEME_CHILD_IDS } from './theme-limits';
import { ProtocolVersionSchema, RECORDED_EVENTS, StageIdSchema } from '../protocols/schema';
import { DISAGREEMENT_KINDS, STAGE_ENTRY_REASONS, type StageEntryReason } from '../protocols/kinds';
import { CLOCK_PATTERN } from './order';

export { DISAGREEMENT_KINDS, STAGE_ENTRY_REASONS } from '../protocols/kinds';

const Text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const Required = (max: number) => Text(max).min(1, 'is required');
export const InstantSchema = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time' });
export const DaySchema = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
export const IdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'is not a valid id');

export const DisagreementKindSchema = z.enum(Object.keys(DISAGREEMENT_KINDS) as [keyof typeof DISAGREEMENT_KINDS]);

export const PersonSchema = z.object({
  name: Required(200),
  role: Required(200),
  agency: Required(200),
  email: z.email().max(320).optional(),
});
export type Person = z.infer<typeof PersonSchema>;

/** Which child: the host adapter that read the ID and the ID itself. Name, DOB and address only to complete a partnership form. */
export const ChildSchema = z.object({
  hostId: z.string().regex(/^[a-z0-9-]{1,64}$/, 'is not a host adapter id'),
  childId: Required(64),
  name: Text(200).optional(),
  dateOfBirth: DaySchema.optional(),
  address: Text(500).optional(),
});

/**
 * Issue 36: a disagreement about practice across several children rather than one child. Herefordshire's
 * Appendix 2: "If the escalation is not about a specific child, complete Section 2: Practice Issue / Themed
 * Escalation"; Pan-Sussex Stage 5: "a number of similar concerns or disagreements have been recorded". The child
 * IDs are typed by the worker, never read from a page, so nothing here is ever matched to a child's record.
 */
export const ThemeSchema = z.object({
  title: Required(200),
  childIds: z.array(Required(64)).max(MAX_THEME_CHILD_IDS, `may list at most ${MAX_THEME_CHILD_IDS} child IDs`).optional(),
});
export type Theme = z.output<typeof ThemeSchema>;

export const FlagsSchema = z.object({
  immediateRisk: z.boolean(),
  childProtectionPlan: z.boolean(),
  lookedAfter: z.boolean(),
});

export const StageEntryReasonSchema = z.enum(Object.keys(STAGE_ENTRY_REASONS) as [StageEntryReason]);
/** What the start form collects. */
export const NewEscalationSchema = z
  .object({
    protocolId: z.string().min(1),
    /** The protocol's version the escalation follows; its deadlines never move with a newer one until the worker moves it. */
    protocolVersion: ProtocolVersionSchema.optional(),
    /** Exactly one of `child` (one child's case) and `theme` (practice across several children). */
    child: ChildSchema.optional(),
    theme: ThemeSchema.optional(),
    raisedBy: PersonSchema,
    counterparts: z.array(PersonSchema).min(1, 'needs at least one counterpart').max(20),
    kind: DisagreementKindSchema,
    summary: Text(5000).default(''),
    levelOfNeed: z.object({ current: Text(500).optional(), proposed: Text(500).optional() }).default({}),
    concernRaisedAt: InstantSchema,
    flags: FlagsSchema,
    /** Where the escalation starts: the protocol's first stage unless it allows a later one. */
    startStage: StageIdSchema.optional(),
    startReason: StageEntryReasonSchema.optional(),
    agreedDays: z.number().int().min(0).max(365).optional(),
    /** Second-edition protocols: the answers to the protocol's questions (fact id → yes/no or a choice's id). */
    facts: z.record(z.string().regex(/^[a-z][a-z0-9-]{0,63}$/), z.union([z.boolean(), z.string().max(64)])).optional(),
    /** When tracking an escalation a colleague recorded on the child's file: its reference. */
    reference: z
      .string()
      .regex(/^ESC-[A-Z0-9]{6}$/, 'is not an escalation reference')
      .optional(),
  })
  .refine((e) => (e.child === undefined) !== (e.theme === undefined), {
    message: 'An escalation is about one child or about a theme across several children: give exactly one of the two',
    path: ['child'],
  });
export type NewEscalation = z.input<typeof NewEscalationSchema>;

/** Fields that a "field corrected" event may change, with how to validate the new value. */
export const CORRECTABLE_FIELDS = {
  'child.name': Text(200).optional(),
  'child.dateOfBirth': DaySchema.optional(),
  'child.address': Text(500).optional(),
  raisedBy: PersonSchema,
  counterparts: z.array(PersonSchema).min(1).max(20),
  kind: DisagreementKindSchema,
  summary: Text(5000),
  'levelOfNeed.current': Text(500).optional(),
  'levelOfNeed.proposed': Text(500).optional(),
  concernRaisedAt: InstantSchema,
  'flags.immediateRisk': z.boolean(),
  'flags.childProtectionPlan': z.boolean(),
  'flags.lookedAfter': z.boolean(),
} as const;
export type CorrectableField = keyof typeof CORRECTABLE_FIELDS;
const CorrectableFieldSchema = z.enum(Object.keys(CORRECTABLE_FIELDS) as [CorrectableField]);

/** Each kind of event and what it carries. */
export const EventBodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('created'), escalation: NewEscalationSchema, reference: z.string().regex(/^ESC-[A-Z0-9]{6}$/) }),
  z.object({ type: z.literal('discussion-held'), with: Text(500).default(''), summary: Required(5000), heldAt: InstantSchema.optional() }),
  z.object({
    type: z.literal('stage-entered'),
    stageId: StageIdSchema,
    reason: StageEntryReasonSchema.exclude(['start']),
    agreedDays: z.number().int().min(0).max(365).optional(),
    note: Text(2000).optional(),
    /** Issue 36: with reason 'protocol-reason', the protocol's own words for it (one of the stage's triggers). */
    trigger: Text(1000).optional(),
  }),
  z.object({
    type: z.literal('timeframe-agreed'),
    stageId: StageIdSchema,
    days: z.number().int().min(0).max(365),
    /** The stage's timeframe as the writer saw it (null: none): another device's timeframe not seen is a conflict. */
    previousDays: z.number().int().min(0).max(365).nullable().optional(),
  }),
  z.object({ type: z.literal('action-agreed'), action: Required(2000), owner: Text(200).optional(), dueDay: DaySchema }),
  z.object({ type: z.literal('response-received'), from: Text(500).default(''), summary: Required(5000) }),
  z.object({ type: z.literal('duty-done'), stageId: StageIdSchema, dutyId: z.string().min(1).max(100) }),
  z.object({ type: z.literal('note-copied'), templateId: Required(100), how: z.enum(['copied', 'inserted']) }),
  z.object({
    type: z.literal('resolved'),
    methodology: Required(2000),
    stageId: StageIdSchema,
    lessonsLearned: Text(5000).default(''),
    outcome: Text(5000).default(''),
    /** The stage the writer saw it at: another device's stage change not seen is a conflict. */
    seenStage: StageIdSchema.optional(),
  }),
  z.object({ type: z.literal('reopened'), reason: Required(2000) }),
  z.object({ type: z.literal('withdrawn'), reason: Required(2000) }),
  // Both values are read by the field's own rule below (CORRECTABLE_FIELDS): unknown keys dropped, strings bounded.
  z.object({ type: z.literal('field-corrected'), field: CorrectableFieldSchema, oldValue: z.unknown(), newValue: z.unknown() }),
  /** The worker moved the escalation to another version of its protocol (having seen both versions' dues). */
  z.object({ type: z.literal('protocol-version-moved'), from: ProtocolVersionSchema, to: ProtocolVersionSchema }),
  // Issue 36 (second-edition protocols): a fact answered after the start, and a milestone a clock may count
  // from (a meeting arranged or held, a referral received, the escalation acknowledged), with when it happened.
  z.object({
    type: z.literal('fact-recorded'),
    factId: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/),
    value: z.union([z.boolean(), z.string().max(64)]),
  }),
  z.object({ type: z.literal('milestone'), milestone: z.enum(RECORDED_EVENTS), stageId: StageIdSchema, happenedAt: InstantSchema }),
]);
export type EventBody = z.input<typeof EventBodySchema>;
export type ParsedEventBody = z.output<typeof EventBodySchema>;
export type EventType = ParsedEventBody['type'];

export const EVENT_TYPES: readonly EventType[] = [
  'created',
  'discussion-held',
  'stage-entered',
  'timeframe-agreed',
  'action-agreed',
  'response-received',
  'duty-done',
  'note-copied',
  'resolved',
  'reopened',
  'withdrawn',
  'field-corrected',
  'protocol-version-moved',
  'fact-recorded',
  'milestone',
];

/** A stored event: the body plus who, when, and its place in the escalation's history. */
export const EscalationEventSchema = z
  .intersection(
    EventBodySchema,
    z.object({
      id: IdSchema,
      escalationId: IdSchema,
      /** Events written before clocks: 1, 2, 3… in the order this device wrote or imported them (kept, not used to order). */
      seq: z.number().int().min(1).optional(),
      /** The event's place in the order every device derives (lib/records/order.ts); absent before clocks: its time. */
      hlc: z.string().regex(CLOCK_PATTERN, 'is not a clock stamp').optional(),
      at: InstantSchema,
      by: Text(200).default(''),
    }),
  )
  .transform((event, ctx) => {
    if (event.type !== 'field-corrected') return event;
    // A correction's values follow the rule of the field they correct (the old one may have been blank).
    const rule = CORRECTABLE_FIELDS[event.field];
    const oldValue = rule.optional().safeParse(event.oldValue);
    const newValue = rule.safeParse(event.newValue);
    for (const [name, result] of [
      ['oldValue', oldValue],
      ['newValue', newValue],
    ] as const) {
      if (!result.success)
        ctx.addIssue({ code: 'custom', path: [name], message: `${event.field} ${result.error.issues[0]?.message ?? 'is not valid'}` });
    }
    if (!oldValue.success || !newValue.success) return z.NEVER;
    return { ...event, oldValue: oldValue.data, newValue: newValue.data };
  });
export type EscalationEvent = z.output<typeof EscalationEventSchema>;

export type EscalationStatus = 'open' | 'resolved' | 'withdrawn';

export interface StageEntry {
  stageId: string;
  enteredAt: string;
  reason: z.infer<typeof StageEntryReasonSchema>;
  agreedDays?: number;
  /** Stages passed over to reach this one (recorded, never silent). */
  skipped: string[];
}

/** The current state of an escalation, derived from its events. */
export interface Escalation {
  id: string;
  reference: string;
  protocolId: string;
  /** The version of the protocol it follows (absent in records made before versions: the first). */
  protocolVersion?: string;
  /** Exactly one of the two: the child it is about, or the theme across several children (issue 36). */
  child?: z.output<typeof ChildSchema>;
  theme?: Theme;
  raisedBy: Person;
  counterparts: Person[];
  kind: z.output<typeof DisagreementKindSchema>;
  summary: string;
  levelOfNeed: { current?: string; proposed?: string };
  concernRaisedAt: string;
  flags: z.output<typeof FlagsSchema>;
  stages: StageEntry[];
  currentStage: string;
  status: EscalationStatus;
  actions: { action: string; owner?: string; dueDay: string; agreedAt: string }[];
  dutiesDone: { stageId: string; dutyId: string; at: string }[];
  resolution?: { methodology: string; stageId: string; lessonsLearned: string; outcome: string; at: string };
  createdAt: string;
  updatedAt: string;
  /** Second-edition protocols: facts recorded (fact id → value) and milestones, in the order recorded. */
  facts?: Record<string, boolean | string>;
  milestones?: { milestone: (typeof RECORDED_EVENTS)[number]; stageId: string; at: string }[];
  /** How many events its history holds (changes whenever one is added). */
  lastSeq: number;
  /** Changes made on two devices that do not agree, each with both sides; shown to the worker until settled. */
  conflicts?: Conflict[];
  /** When the current stage falls due (ISO instant), for open escalations with a clock running; for indexed queries. */
  nextDueAt?: string;
  /** The current stage's due as the schedule gives it ('YYYY-MM-DD' or an instant). */
  nextDue?: string;
}

/** What kind of disagreement two devices' changes are in. */
export type ConflictKind = 'two-resolutions' | 'two-timeframes' | 'stage-against-resolution' | 'not-applied';

/** Two changes that do not agree: both sides, in the order every device derives (the later one's effect is what stands, except where `notApplied`). */
export interface Conflict {
  kind: ConflictKind;
  /** The change already in place (absent when it cannot be told) and the one that disagrees with it. */
  earlier?: EscalationEvent;
  later: EscalationEvent;
  /** The later change was not applied; why, in the rules' words. */
  notApplied?: string;
}
