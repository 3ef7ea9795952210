// What a partnership's escalation protocol is, as data. Every clock and duty
// carries the sentence of the source document it comes from (`quote`).
import { z } from 'zod';
import { NATIONS } from '../bank-holidays';
import { ProtocolFormSchema } from '../templates/schema';

/** Plain text of at most `max` characters (markup is refused before parsing: lib/protocols/read.ts). */
const Words = (max: number) => z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const Quote = z
  .string()
  .min(10, 'a quote must be the source sentence, not a summary')
  .max(2000, 'a quote must be the source sentence (at most 2,000 characters), not a passage');
/** At most `max` items of a list. */
const List = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, `must have at most ${max} items`);
const WholeDays = z
  .number({ error: 'must be a number of working days' })
  .int('must be a whole number of working days')
  .min(1, 'must be at least 1 working day')
  .max(365, 'must be at most 365 working days');

/** `initial` is the unnumbered practitioner-to-practitioner discussion; then `stage-1`, `stage-2`, … */
export const StageIdSchema = z.string().regex(/^(initial|stage-[1-9])$/, 'a stage id is "initial" or "stage-N"');

/**
 * What a clock counts from: the initial concern, the moment this stage was
 * entered, or the moment a named stage was entered (`entered:stage-1`).
 */
const Anchor = z.string().regex(/^(concern|stage-entered|entered:(initial|stage-[1-9]))$/);

const ClockBase = {
  id: Words(64),
  /** Short plain-English name shown beside the due date. */
  label: Words(200),
  quote: Quote,
};

export const ClockRuleSchema = z.discriminatedUnion('kind', [
  /** Due by the end of the Nth working day after the anchor's London date. */
  z.strictObject({ ...ClockBase, kind: z.literal('working-days'), days: WholeDays, anchor: Anchor }),
  /** "Day N–M" counted from the concern: Day 1 is the concern's working day; due by the end of Day M. */
  z.strictObject({ ...ClockBase, kind: z.literal('day-window'), fromDay: WholeDays, toDay: WholeDays }),
  /** The anchor instant plus N hours. */
  z.strictObject({
    ...ClockBase,
    kind: z.literal('hours'),
    hours: z.number().int('must be a whole number of hours').min(1).max(8760),
    anchor: Anchor,
  }),
  /** By the end of the anchor's working day (or the next working day if it fell on a non-working day). */
  z.strictObject({ ...ClockBase, kind: z.literal('same-working-day'), anchor: Anchor }),
  /** By the end of the first working day after the anchor's date. */
  z.strictObject({ ...ClockBase, kind: z.literal('next-working-day'), anchor: Anchor }),
  /**
   * A number of working days the people involved agree when the stage starts.
   * `setBy: 'protocol'` when the document asks for the timeframe (and `quote` says so);
   * `setBy: 'parties'` when the document sets no timescale and the extension only keeps what
   * the people involved agreed: such a clock quotes nothing, as no rule of the document founds it.
   */
  z.strictObject({
    ...ClockBase,
    kind: z.literal('agreed'),
    anchor: Anchor,
    required: z.boolean(),
    setBy: z.enum(['protocol', 'parties']).default('protocol'),
    quote: Quote.optional(),
  }),
]);
export type ClockRule = z.infer<typeof ClockRuleSchema>;
export type ClockRuleInput = z.input<typeof ClockRuleSchema>;

/** A clock that runs across several stages (Enfield: stage 1 to resolution). */
export const ProtocolClockSchema = z.intersection(ClockRuleSchema, z.strictObject({ stages: z.array(StageIdSchema).min(1) }));
export type ProtocolClock = z.infer<typeof ProtocolClockSchema>;

/** Conditions on the escalation that make a duty apply. */
export const DutyConditionSchema = z.enum([
  'cp-plan-or-looked-after',
  'local-authority-childrens-services',
  'unresolved',
  'level-4-or-above',
]);

export const DutySchema = z.strictObject({
  id: Words(64),
  /** What to do, in plain English. */
  text: Words(1000),
  quote: Quote,
  onlyIf: DutyConditionSchema.optional(),
  /** A partnership form this duty completes (summaries issue renders it). */
  form: Words(64).optional(),
});
export type Duty = z.infer<typeof DutySchema>;

export const CounterpartSchema = z.strictObject({ agency: Words(200), role: Words(500) });

/** Guidance shown with a stage or a protocol; `byAgency` lists who that is in particular settings. */
export const NoteSchema = z.strictObject({
  text: Words(2000),
  quote: Quote,
  byAgency: List(CounterpartSchema, 50).optional(),
});

export type ProtocolNote = z.infer<typeof NoteSchema>;

/** What sends an escalation to a stage, in the document's words (a stage may have alternatives). */
export const TriggerSchema = z.strictObject({ text: Words(1000), quote: Quote });

export const StageSchema = z.strictObject({
  id: StageIdSchema,
  /** The document's own title for the stage. */
  title: Words(200),
  /** Who acts at this stage, in the document's words. */
  who: Words(500),
  whoQuote: Quote,
  /** Who acts in particular agencies, where the document says so of this stage's actor. */
  byAgency: List(CounterpartSchema, 50).default([]),
  /** When an escalation goes to this stage; alternatives the document names beside "not resolved". */
  triggers: List(TriggerSchema, 20).default([]),
  duties: List(DutySchema, 50),
  clocks: List(ClockRuleSchema, 20),
  notes: List(NoteSchema, 50).default([]),
});
export type Stage = z.infer<typeof StageSchema>;

export const ContactSchema = z
  .object({
    name: Words(200),
    area: Words(200),
    kind: z.enum(['front-door', 'out-of-hours', 'partnership', 'emergency']),
    phone: Words(100).optional(),
    email: z.email().max(320).optional(),
    hours: Words(200).optional(),
    /** Where the number comes from, when not from this protocol's own document. */
    source: Words(500).optional(),
  })
  .refine((c) => c.phone || c.email, 'a contact needs a phone number or an email address');
export type Contact = z.infer<typeof ContactSchema>;

/** Enfield's table of corresponding seniority across agencies (levels 1–5). */
export const SeniorityTableSchema = z.strictObject({
  quote: Quote,
  agencies: z.array(z.string().min(1)).min(1),
  /** levels[n-1][agency] = role at level n; a cell the table leaves empty is absent. */
  levels: z.array(z.record(z.string(), z.string())).length(5),
  /** Cells the source cannot be read with confidence: the UI says so (with the words it shows) rather than guess. */
  illegible: z
    .array(z.strictObject({ level: z.number().int().min(1).max(5), agency: z.string().min(1), words: z.string().min(1) }))
    .default([]),
});

/** A protocol's version: the escalations started under it keep it (and its deadlines) until moved. */
export const ProtocolVersionSchema = z
  .string()
  .regex(/^[0-9A-Za-z][0-9A-Za-z.+-]{0,31}$/, 'must be a short version label such as "1", "2.1" or "2026-03"');

export const ProtocolSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'must be lower-case letters, digits and hyphens, such as "north-shire"'),
    /** This definition's version; a changed definition needs a new one. */
    version: ProtocolVersionSchema,
    title: Words(300),
    partnership: Words(300),
    areas: List(Words(200), 50).min(1, 'must name at least one area'),
    source: z.strictObject({
      /** The partnership's document this protocol encodes. */
      title: Words(300),
      /** The document's own version or date, as printed on it. */
      version: Words(100),
      /** Where the document is published. */
      url: z
        .url({ protocol: /^https?$/ })
        .max(2000)
        .optional(),
      /** The built-ins' copy of the document in this project's seeds. */
      seedFile: Words(200).optional(),
    }),
    /** Whose bank holidays its working days leave out. */
    calendar: z.enum(NATIONS).default('england-and-wales'),
    /** What the document calls a numbered stage ("Stage" or "Step"), for short names. */
    stageWord: z.enum(['Stage', 'Step']).default('Stage'),
    stages: List(StageSchema, 10).min(2, 'must have at least two stages'),
    clocks: List(ProtocolClockSchema, 20).default([]),
    /** What to do when a child is at immediate risk: this protocol's own route, step by step, in its words. */
    immediateRisk: z.strictObject({
      sameWorkingDay: z.boolean(),
      steps: List(z.strictObject({ text: Words(1000), quote: Quote }), 20).min(1),
    }),
    /** Whether an escalation may start above the first stage (with the reason recorded). */
    startAtLaterStage: z.strictObject({ allowed: z.boolean(), quote: Quote.optional() }),
    timescalesNote: z.strictObject({ text: Words(2000), quote: Quote }).optional(),
    /** Guidance that applies at every stage (Herefordshire's LADO rule, Halton's child-protection route). */
    notes: List(NoteSchema, 50).default([]),
    onResolution: List(DutySchema, 50).default([]),
    contacts: List(ContactSchema, 50),
    /** The partnership's own forms, in the template format (lib/templates/schema.ts); the generic case notes are always offered. */
    forms: List(ProtocolFormSchema, 10).default([]),
    seniority: SeniorityTableSchema.optional(),
  })
  .superRefine((p, ctx) => {
    const ids = p.stages.map((s) => s.id);
    const expected = (ids[0] === 'initial' ? ['initial'] : []).concat(ids.filter((id) => id !== 'initial').map((_, i) => `stage-${i + 1}`));
    if (ids.join() !== expected.join()) {
      ctx.addIssue({ code: 'custom', message: `stages must be ${expected.join(', ')} in order, not ${ids.join(', ')}` });
    }
    const known = new Set(ids);
    const anchors = [
      ...p.stages.flatMap((s) => s.clocks.map((c) => ('anchor' in c ? c.anchor : 'concern'))),
      ...p.clocks.map((c) => ('anchor' in c ? c.anchor : 'concern')),
    ];
    for (const anchor of anchors) {
      const stage = anchor.startsWith('entered:') ? anchor.slice('entered:'.length) : null;
      if (stage && !known.has(stage)) ctx.addIssue({ code: 'custom', message: `clock anchored to unknown stage ${stage}` });
    }
    for (const clock of p.clocks) {
      for (const stage of clock.stages) {
        if (!known.has(stage)) ctx.addIssue({ code: 'custom', message: `clock ${clock.id} governs unknown stage ${stage}` });
      }
    }
    for (const clock of [...p.stages.flatMap((s) => s.clocks), ...p.clocks]) {
      if (clock.kind === 'agreed' && clock.setBy === 'protocol' && !clock.quote) {
        ctx.addIssue({ code: 'custom', message: `clock ${clock.id}: a timeframe the protocol asks for needs the quote that asks for it` });
      }
      if (clock.kind === 'agreed' && clock.setBy === 'parties' && clock.quote) {
        ctx.addIssue({
          code: 'custom',
          message: `clock ${clock.id}: a timeframe only the people involved set quotes nothing of the protocol`,
        });
      }
    }
    for (const stage of p.stages) {
      for (const clock of stage.clocks) {
        if (clock.kind === 'day-window' && clock.fromDay > clock.toDay) {
          ctx.addIssue({ code: 'custom', message: `${stage.id}: Day ${clock.fromDay}–${clock.toDay} runs backwards` });
        }
      }
    }
  });

export type Protocol = z.infer<typeof ProtocolSchema>;
export type ProtocolInput = z.input<typeof ProtocolSchema>;
