// What a partnership's escalation protocol is, as data. Every clock and duty
// carries the sentence of the source document it comes from (`quote`).
import { z } from 'zod';

const Quote = z.string().min(10, 'a quote must be the source sentence, not a summary');

/** `initial` is the unnumbered practitioner-to-practitioner discussion; then `stage-1`, `stage-2`, … */
export const StageIdSchema = z.string().regex(/^(initial|stage-[1-9])$/, 'a stage id is "initial" or "stage-N"');

/**
 * What a clock counts from: the initial concern, the moment this stage was
 * entered, or the moment a named stage was entered (`entered:stage-1`).
 */
const Anchor = z.string().regex(/^(concern|stage-entered|entered:(initial|stage-[1-9]))$/);

const ClockBase = {
  id: z.string().min(1),
  /** Short plain-English name shown beside the due date. */
  label: z.string().min(1),
  quote: Quote,
};

export const ClockRuleSchema = z.discriminatedUnion('kind', [
  /** Due by the end of the Nth working day after the anchor's London date. */
  z.object({ ...ClockBase, kind: z.literal('working-days'), days: z.number().int().min(1), anchor: Anchor }),
  /** "Day N–M" counted from the concern: Day 1 is the concern's working day; due by the end of Day M. */
  z.object({ ...ClockBase, kind: z.literal('day-window'), fromDay: z.number().int().min(1), toDay: z.number().int().min(1) }),
  /** The anchor instant plus N hours. */
  z.object({ ...ClockBase, kind: z.literal('hours'), hours: z.number().int().min(1), anchor: Anchor }),
  /** By the end of the anchor's working day (or the next working day if it fell on a non-working day). */
  z.object({ ...ClockBase, kind: z.literal('same-working-day'), anchor: Anchor }),
  /** By the end of the first working day after the anchor's date. */
  z.object({ ...ClockBase, kind: z.literal('next-working-day'), anchor: Anchor }),
  /**
   * A number of working days the people involved agree when the stage starts.
   * `setBy: 'protocol'` when the document asks for the timeframe (and `quote` says so);
   * `setBy: 'parties'` when the document sets no timescale and the extension only keeps what
   * the people involved agreed: such a clock quotes nothing, as no rule of the document founds it.
   */
  z.object({
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
export const ProtocolClockSchema = z.intersection(ClockRuleSchema, z.object({ stages: z.array(StageIdSchema).min(1) }));
export type ProtocolClock = z.infer<typeof ProtocolClockSchema>;

/** Conditions on the escalation that make a duty apply. */
export const DutyConditionSchema = z.enum([
  'cp-plan-or-looked-after',
  'local-authority-childrens-services',
  'unresolved',
  'level-4-or-above',
]);

export const DutySchema = z.object({
  id: z.string().min(1),
  /** What to do, in plain English. */
  text: z.string().min(1),
  quote: Quote,
  onlyIf: DutyConditionSchema.optional(),
  /** A partnership form this duty completes (summaries issue renders it). */
  form: z.string().optional(),
});
export type Duty = z.infer<typeof DutySchema>;

export const CounterpartSchema = z.object({ agency: z.string().min(1), role: z.string().min(1) });

/** Guidance shown with a stage or a protocol; `byAgency` lists who that is in particular settings. */
export const NoteSchema = z.object({
  text: z.string().min(1),
  quote: Quote,
  byAgency: z.array(CounterpartSchema).optional(),
});

export type ProtocolNote = z.infer<typeof NoteSchema>;

/** What sends an escalation to a stage, in the document's words (a stage may have alternatives). */
export const TriggerSchema = z.object({ text: z.string().min(1), quote: Quote });

export const StageSchema = z.object({
  id: StageIdSchema,
  /** The document's own title for the stage. */
  title: z.string().min(1),
  /** Who acts at this stage, in the document's words. */
  who: z.string().min(1),
  whoQuote: Quote,
  /** Who acts in particular agencies, where the document says so of this stage's actor. */
  byAgency: z.array(CounterpartSchema).default([]),
  /** When an escalation goes to this stage; alternatives the document names beside "not resolved". */
  triggers: z.array(TriggerSchema).default([]),
  duties: z.array(DutySchema),
  clocks: z.array(ClockRuleSchema),
  notes: z.array(NoteSchema).default([]),
});
export type Stage = z.infer<typeof StageSchema>;

export const ContactSchema = z
  .object({
    name: z.string().min(1),
    area: z.string().min(1),
    kind: z.enum(['front-door', 'out-of-hours', 'partnership', 'emergency']),
    phone: z.string().optional(),
    email: z.email().optional(),
    hours: z.string().optional(),
    /** Where the number comes from, when not from this protocol's own document. */
    source: z.string().optional(),
  })
  .refine((c) => c.phone || c.email, 'a contact needs a phone number or an email address');
export type Contact = z.infer<typeof ContactSchema>;

/** Enfield's table of corresponding seniority across agencies (levels 1–5). */
export const SeniorityTableSchema = z.object({
  quote: Quote,
  agencies: z.array(z.string().min(1)).min(1),
  /** levels[n-1][agency] = role at level n; a cell the table leaves empty is absent. */
  levels: z.array(z.record(z.string(), z.string())).length(5),
  /** Cells the source cannot be read with confidence: the UI says so (with the words it shows) rather than guess. */
  illegible: z.array(z.object({ level: z.number().int().min(1).max(5), agency: z.string().min(1), words: z.string().min(1) })).default([]),
});

export const ProtocolSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z-]+$/),
    title: z.string().min(1),
    partnership: z.string().min(1),
    areas: z.array(z.string().min(1)).min(1),
    source: z.object({
      title: z.string().min(1),
      seedFile: z.string().min(1),
      version: z.string().min(1),
    }),
    /** What the document calls a numbered stage ("Stage" or "Step"), for short names. */
    stageWord: z.enum(['Stage', 'Step']).default('Stage'),
    stages: z.array(StageSchema).min(2),
    clocks: z.array(ProtocolClockSchema).default([]),
    /** What to do when a child is at immediate risk: this protocol's own route, step by step, in its words. */
    immediateRisk: z.object({
      sameWorkingDay: z.boolean(),
      steps: z.array(z.object({ text: z.string().min(1), quote: Quote })).min(1),
    }),
    /** Whether an escalation may start above the first stage (with the reason recorded). */
    startAtLaterStage: z.object({ allowed: z.boolean(), quote: Quote.optional() }),
    timescalesNote: z.object({ text: z.string().min(1), quote: Quote }).optional(),
    /** Guidance that applies at every stage (Herefordshire's LADO rule, Halton's child-protection route). */
    notes: z.array(NoteSchema).default([]),
    onResolution: z.array(DutySchema).default([]),
    contacts: z.array(ContactSchema),
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
