// What a partnership's escalation protocol is, as data. Every clock and duty
// carries the sentence of the source document it comes from (`quote`).
import { z } from 'zod';
import { NATIONS } from '../time/bank-holidays';
import { ProtocolFormSchema } from '../templates/schema';
import { DISAGREEMENT_KINDS } from './kinds';
import { RECORDED_EVENTS } from './recorded-events';

const DISAGREEMENT_KIND_IDS = Object.keys(DISAGREEMENT_KINDS) as [keyof typeof DISAGREEMENT_KINDS];

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

/** Things a worker records as they happen, that a second-edition clock may count from. */
export { RECORDED_EVENTS, type RecordedEvent } from './recorded-events';

/**
 * What a clock counts from: the initial concern, the moment this stage was entered, the moment a named
 * stage was entered (`entered:stage-1`), or (second edition) an event recorded at this stage
 * (`meeting-held`) or at a named one (`meeting-held:stage-2`).
 */
const Anchor = z
  .string()
  .regex(
    new RegExp(`^(concern|stage-entered|entered:(initial|stage-[1-9])|(${RECORDED_EVENTS.join('|')})(:(initial|stage-[1-9]))?)$`),
    `must be "concern", "stage-entered", "entered:stage-N", or an event (${RECORDED_EVENTS.join(', ')}), optionally ":stage-N"`,
  )
  .describe('What the clock counts from.');

/** A named fact about the escalation (second edition): its id and, for a question with choices, the choice. */
const FactIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'a fact id is lower-case letters, digits and hyphens, such as "cp-plan"');
export const ConditionSchema = z
  .strictObject({
    fact: FactIdSchema.describe('The id of one of the protocol’s `facts`.'),
    is: z.union([z.boolean(), Words(64)]).describe('true or false for a yes/no fact; a choice’s id for a fact with choices.'),
  })
  .describe('Applies only when the named fact, recorded on the escalation, has this value.');
export type Condition = z.infer<typeof ConditionSchema>;

const ClockBase = {
  id: Words(64),
  /** Short plain-English name shown beside the due date. */
  label: Words(200).describe('Short plain-English name shown beside the due date.'),
  quote: Quote,
  /** Second edition: the clock runs only when a fact has this value ("within 24 hours if on a plan"). */
  when: ConditionSchema.optional().describe(
    'Second edition: the clock runs only when a fact has this value ("within 24 hours if on a plan").',
  ),
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
  /** Second edition: calendar days, weeks or months after the anchor's London date, weekends and holidays included. */
  z.strictObject({
    ...ClockBase,
    kind: z.literal('calendar'),
    amount: z.number().int('must be a whole number').min(1, 'must be at least 1').max(365, 'must be at most 365'),
    unit: z
      .enum(['days', 'weeks', 'months'])
      .describe('"days", "weeks" or "months" (a month ends on the same date, or the month’s last day).'),
    anchor: Anchor,
  }),
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
  text: Words(1000).describe('What to do, in plain English.'),
  quote: Quote,
  /** A first-edition condition name, or (second edition) a fact and its value. */
  onlyIf: z
    .union([DutyConditionSchema, ConditionSchema])
    .optional()
    .describe('A first-edition condition name, or (second edition) a fact and its value.'),
  /** A partnership form this duty completes (summaries issue renders it). */
  form: Words(64).optional().describe('A partnership form this duty completes (summaries issue renders it).'),
  /** Second edition: the duty's own deadline ("circulated within 2 working days of the meeting"); its quote must set it. */
  due: z
    .lazy(() => ClockRuleSchema)
    .optional()
    .describe('Second edition: the duty\'s own deadline ("circulated within 2 working days of the meeting"); its quote must set it.'),
});
export type Duty = z.infer<typeof DutySchema>;

export const CounterpartSchema = z.strictObject({
  agency: Words(200),
  role: Words(500),
  /** Second edition: shown only when a fact has this value (for example the worker's kind of agency). */
  when: ConditionSchema.optional().describe(
    "Second edition: shown only when a fact has this value (for example the worker's kind of agency).",
  ),
});

export type Counterpart = z.infer<typeof CounterpartSchema>;

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
  title: Words(200).describe("The document's own title for the stage."),
  /** Who acts at this stage, in the document's words. */
  who: Words(500).describe("Who acts at this stage, in the document's words."),
  whoQuote: Quote,
  /** Who acts in particular agencies, where the document says so of this stage's actor. */
  byAgency: List(CounterpartSchema, 50)
    .default([])
    .describe("Who acts in particular agencies, where the document says so of this stage's actor."),
  /** When an escalation goes to this stage; alternatives the document names beside "not resolved". */
  triggers: List(TriggerSchema, 20)
    .default([])
    .describe('When an escalation goes to this stage; alternatives the document names beside "not resolved".'),
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
    /** The number to dial (second edition: the number only; menu options go in `menu`). */
    phone: Words(100).optional().describe('The number to dial (second edition: the number only; menu options go in `menu`).'),
    /** Second edition: the options to choose after dialling, in order ("then option 3, option 2"). */
    menu: List(z.string().regex(/^[0-9*#]{1,3}$/, 'a menu option is the key to press, such as "3"'), 5)
      .optional()
      .describe('Second edition: the options to choose after dialling, in order ("then option 3, option 2").'),
    /** Second edition: other areas the same contact serves. */
    alsoServes: List(Words(200), 20).optional().describe('Second edition: other areas the same contact serves.'),
    email: z.email().max(320).optional(),
    hours: Words(200).optional(),
    /** Where the number comes from, when not from this protocol's own document. */
    source: Words(500).optional().describe("Where the number comes from, when not from this protocol's own document."),
  })
  .refine((c) => c.phone || c.email, 'a contact needs a phone number or an email address');
export type Contact = z.infer<typeof ContactSchema>;

/** A table of corresponding seniority across agencies (Enfield's Appendix B): which role matches which at each level. */
export const SeniorityTableSchema = z.strictObject({
  quote: Quote,
  agencies: z.array(z.string().min(1)).min(1),
  /** levels[n-1][agency] = role at level n, lowest first; a cell the table leaves empty is absent. First edition: exactly 5. */
  levels: z
    .array(z.record(z.string(), z.string()))
    .min(1)
    .max(12)
    .describe('levels[n-1][agency] = role at level n, lowest first; a cell the table leaves empty is absent. First edition: exactly 5.'),
  /** Second edition: each level's name as the table prints it ("Level 1", …, "Above Level 5"); "Level N" when absent. */
  levelNames: z
    .array(Words(100))
    .max(12)
    .optional()
    .describe('Second edition: each level\'s name as the table prints it ("Level 1", …, "Above Level 5"); "Level N" when absent.'),
  /** Cells the source cannot be read with confidence: the UI says so (with the words it shows) rather than guess. */
  illegible: z
    .array(z.strictObject({ level: z.number().int().min(1).max(12), agency: z.string().min(1), words: z.string().min(1) }))
    .default([]),
});

/** A question whose answer is recorded on the escalation and decides which clocks, duties and roles apply (second edition). */
export const FactSchema = z.strictObject({
  id: FactIdSchema,
  /** The question the start form (and the panel, later) asks, in plain English. */
  question: Words(300).describe('The question the start form (and the panel, later) asks, in plain English.'),
  /** The answers to choose from; a yes/no question when absent. */
  choices: List(z.strictObject({ id: Words(64), label: Words(200) }), 20)
    .min(2)
    .optional(),
  /** The sentence of the document that makes the answer matter, where one does. */
  quote: Quote.optional().describe('The sentence of the document that makes the answer matter, where one does.'),
});
export type Fact = z.infer<typeof FactSchema>;

/** A separate route for one kind of disagreement, that does not go up the ladder (second edition). */
export const RouteSchema = z.strictObject({
  id: Words(64),
  /** The kinds of disagreement it is for (the start form's list). */
  kinds: z.array(z.enum(DISAGREEMENT_KIND_IDS)).min(1).describe("The kinds of disagreement it is for (the start form's list)."),
  title: Words(200),
  /** Who decides, in the document's words. */
  who: Words(500).describe("Who decides, in the document's words."),
  quote: Quote,
  notes: List(NoteSchema, 20).optional(),
});

/** A protocol's version: the escalations started under it keep it (and its deadlines) until moved. */
export const ProtocolVersionSchema = z
  .string()
  .regex(/^[0-9A-Za-z][0-9A-Za-z.+-]{0,31}$/, 'must be a short version label such as "1", "2.1" or "2026-03"');

const ProtocolBaseSchema = z.object({
  /** The format's edition: absent (or 1) for the first; 2 for a file that uses any second-edition field. */
  edition: z
    .literal([1, 2])
    .optional()
    .describe("The format's edition: absent (or 1) for the first; 2 for a file that uses any second-edition field."),
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,63}$/, 'must be lower-case letters, digits and hyphens, such as "north-shire"')
    .describe('A short name for the protocol, such as "north-shire"; it never changes across versions.'),
  /** This definition's version; a changed definition needs a new one. */
  version: ProtocolVersionSchema.describe("This definition's version; a changed definition needs a new one."),
  title: Words(300).describe('The document’s own title for the protocol.'),
  partnership: Words(300).describe('The partnership’s full name (who issued the document), as workers know it: what they choose from.'),
  areas: List(Words(200), 50).min(1, 'must name at least one area').describe('The local authority areas it covers.'),
  /** The document: its title, its own version or date, and where it is published. */
  source: z
    .strictObject({
      /** The partnership's document this protocol encodes. */
      title: Words(300).describe("The partnership's document this protocol encodes."),
      /** The document's own version or date, as printed on it. */
      version: Words(100).describe("The document's own version or date, as printed on it."),
      /** Where the document is published. */
      url: z
        .url({ protocol: /^https?$/ })
        .max(2000)
        .optional(),
      /** The built-ins' copy of the document in this project's seeds. */
      seedFile: Words(200).optional().describe("The built-ins' copy of the document in this project's seeds."),
    })
    .describe('The document: its title, its own version or date as printed on it, and where it is published.'),
  /** Whose bank holidays its working days leave out. */
  calendar: z.enum(NATIONS).default('england-and-wales').describe('Whose bank holidays its working days leave out.'),
  /** What the document calls a numbered stage ("Stage" or "Step"), for short names. */
  stageWord: z
    .enum(['Stage', 'Step'])
    .default('Stage')
    .describe('What the document calls a numbered stage ("Stage" or "Step"), for short names.'),
  stages: List(StageSchema, 10)
    .min(2, 'must have at least two stages')
    .describe('The ladder, bottom to top: "initial" (optional), then "stage-1", "stage-2", … in order.'),
  clocks: List(ProtocolClockSchema, 20)
    .default([])
    .describe('Deadlines that run across several stages, each listing the `stages` it governs.'),
  /** What to do when a child is at immediate risk: this protocol's own route, step by step, in its words. */
  immediateRisk: z
    .strictObject({
      sameWorkingDay: z
        .boolean()
        .describe('True when the document says a child at immediate risk is escalated the same working day: shown as a deadline.'),
      steps: List(z.strictObject({ text: Words(1000), quote: Quote }), 20)
        .min(1)
        .describe('The route, step by step, each with its quote.'),
    })
    .describe('What to do when a child is at immediate risk: this protocol’s own route, in its words.'),
  /** Whether an escalation may start above the first stage (with the reason recorded). */
  startAtLaterStage: z
    .strictObject({
      allowed: z.boolean().describe('True only where the document lets an escalation pass over stages (for immediate risk).'),
      quote: Quote.optional().describe('The sentence that allows it.'),
      /** Second edition: the only stages a start or a skip may go to ("only to go straight to Stage 3"), with the sentence that says so. */
      onlyTo: List(StageIdSchema, 10)
        .min(1)
        .optional()
        .describe(
          'Second edition: the only stages a start or a skip may go to ("only to go straight to Stage 3"), with the sentence that says so.',
        ),
      onlyToQuote: Quote.optional().describe('The sentence that limits where a skip may go.'),
    })
    .describe('Whether an escalation may start above the first stage, or pass over stages, and where to.'),
  timescalesNote: z
    .strictObject({ text: Words(2000), quote: Quote })
    .optional()
    .describe('What the document says about its timescales in general.'),
  /** Guidance that applies at every stage (Herefordshire's LADO rule, Halton's child-protection route). */
  notes: List(NoteSchema, 50)
    .default([])
    .describe("Guidance that applies at every stage (Herefordshire's LADO rule, Halton's child-protection route)."),
  onResolution: List(DutySchema, 50).default([]).describe('What must be done once a disagreement is resolved.'),
  contacts: List(ContactSchema, 50).describe('The organisations to call: organisational numbers only, never a person’s direct line.'),
  /** The partnership's own forms, in the template format (lib/templates/schema.ts); the generic case notes are always offered. */
  forms: List(ProtocolFormSchema, 10)
    .default([])
    .describe("The partnership's own forms, in the template format (lib/templates/schema.ts); the generic case notes are always offered."),
  seniority: SeniorityTableSchema.optional().describe(
    'A table of corresponding seniority across agencies, where the document has one; cells it cannot be read for go in `illegible`.',
  ),
  /** Second edition: what the document is for, in its words ("when determining levels of need"). */
  scope: z
    .strictObject({ text: Words(500), quote: Quote })
    .optional()
    .describe('Second edition: what the document is for, in its words ("when determining levels of need").'),
  /** Second edition: questions recorded on the escalation that decide conditional clocks, duties and roles. */
  facts: List(FactSchema, 30)
    .optional()
    .describe('Second edition: questions recorded on the escalation that decide conditional clocks, duties and roles.'),
  /** Second edition: a concern raised after this London hour is treated as raised on the next working day. */
  cutOff: z
    .strictObject({ hour: z.number().int().min(1).max(23).describe('The London hour, 1–23 (16 for 4pm).'), quote: Quote })
    .optional()
    .describe('Second edition: a concern (or event) after this London hour counts from the next working day.'),
  /** Second edition: separate routes for kinds of disagreement that do not go up the ladder. */
  routes: List(RouteSchema, 10)
    .optional()
    .describe('Second edition: separate routes for kinds of disagreement that do not go up the ladder.'),
  /** Second edition: the protocol's own words in other languages: language (`cy`) → path (`stages[0].title`) → words. */
  translations: z
    .partialRecord(z.enum(['cy', 'ga', 'gd']), z.record(z.string(), Words(2000)))
    .optional()
    .describe("Second edition: the protocol's own words in other languages: language (`cy`) → path (`stages[0].title`) → words."),
});

export const ProtocolSchema = ProtocolBaseSchema.superRefine((p, ctx) => {
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
  secondEditionChecks(p, ctx);
});

/** Where each second-edition field is used, in words; empty for a first-edition protocol. */
export function secondEditionUses(p: z.output<typeof ProtocolBaseSchema>): string[] {
  const uses: string[] = [];
  const named: [unknown, string][] = [
    [p.scope, 'scope'],
    [p.facts, 'facts'],
    [p.cutOff, 'cutOff'],
    [p.routes, 'routes'],
    [p.translations, 'translations'],
    [p.startAtLaterStage.onlyTo, 'startAtLaterStage.onlyTo'],
    [p.seniority?.levelNames, 'seniority.levelNames'],
  ];
  for (const [value, name] of named) if (value !== undefined) uses.push(name);
  if (p.seniority && p.seniority.levels.length !== 5) uses.push('seniority.levels (other than five levels)');
  p.contacts.forEach((c, i) => {
    if (c.menu || c.alsoServes) uses.push(`contacts[${i}] (${c.name}): menu or alsoServes`);
  });
  const clocks = [
    ...p.stages.flatMap((s, i) => s.clocks.map((c, j) => [c, `stages[${i}].clocks[${j}]`] as const)),
    ...p.clocks.map((c, j) => [c, `clocks[${j}]`] as const),
  ];
  for (const [clock, at] of clocks) {
    if (clock.when || clock.kind === 'calendar' || isEventAnchor(clock)) uses.push(`${at} (“${clock.label}”)`);
  }
  p.stages.forEach((s, i) => {
    s.duties.forEach((d, j) => {
      if (d.due || typeof d.onlyIf === 'object') uses.push(`stages[${i}].duties[${j}] (${d.id})`);
    });
    s.byAgency.forEach((b, j) => {
      if (b.when) uses.push(`stages[${i}].byAgency[${j}]`);
    });
  });
  p.onResolution.forEach((d, j) => {
    if (d.due || typeof d.onlyIf === 'object') uses.push(`onResolution[${j}] (${d.id})`);
  });
  for (const { note, at } of everyNote(p)) {
    note.byAgency?.forEach((b, j) => {
      if (b.when) uses.push(`${at}.byAgency[${j}]`);
    });
  }
  return uses;
}

/** Every note of a protocol (its own, its stages', its routes'), with where the file has it and its place in words. */
function everyNote(p: z.output<typeof ProtocolBaseSchema>): { note: ProtocolNote; at: string; where: string }[] {
  return [
    ...p.notes.map((note, j) => ({ note, at: `notes[${j}]`, where: 'a protocol note' })),
    ...p.stages.flatMap((s, i) => s.notes.map((note, j) => ({ note, at: `stages[${i}].notes[${j}]`, where: `${s.title}, a note` }))),
    ...(p.routes ?? []).flatMap((r, i) =>
      (r.notes ?? []).map((note, j) => ({ note, at: `routes[${i}].notes[${j}]`, where: `the route “${r.title}”, a note` })),
    ),
  ];
}

const EVENT_ANCHOR = new RegExp(`^(${RECORDED_EVENTS.join('|')})(:|$)`);
function isEventAnchor(clock: ClockRule): boolean {
  return 'anchor' in clock && EVENT_ANCHOR.test(clock.anchor);
}

function secondEditionChecks(p: z.output<typeof ProtocolBaseSchema>, ctx: z.RefinementCtx): void {
  const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
  const uses = secondEditionUses(p);
  if (p.edition !== 2) {
    if (uses.length) issue(`second-edition fields need "edition": 2 at the top of the file; this file uses ${uses.join(', ')}`);
    return;
  }
  const stageTitle = new Map(p.stages.map((s) => [s.id, s.title]));
  const facts = new Map((p.facts ?? []).map((f) => [f.id, f]));
  const checkCondition = (c: Condition | undefined, where: string) => {
    if (!c) return;
    const fact = facts.get(c.fact);
    if (!fact) return issue(`${where}: its condition names the fact “${c.fact}”, which is not one of the protocol’s facts`);
    const choices = fact.choices?.map((x) => x.id);
    if (choices ? !choices.includes(String(c.is)) : typeof c.is !== 'boolean') {
      issue(`${where}: the fact “${c.fact}” is ${choices ? `one of ${choices.join(', ')}` : 'true or false'}, not ${JSON.stringify(c.is)}`);
    }
  };
  const checkClock = (clock: ClockRule, where: string) => {
    checkCondition(clock.when, where);
    const stage = 'anchor' in clock ? /:(initial|stage-[1-9])$/.exec(clock.anchor)?.[1] : undefined;
    if (stage && !stageTitle.has(stage)) issue(`${where}: it counts from an event at ${stage}, which this protocol does not have`);
  };
  p.stages.forEach((s) => {
    s.clocks.forEach((c) => checkClock(c, `${s.title}, clock “${c.label}”`));
    s.duties.forEach((d) => {
      if (typeof d.onlyIf === 'object') checkCondition(d.onlyIf, `${s.title}, duty “${d.id}”`);
      if (d.due) checkClock(d.due, `${s.title}, duty “${d.id}”, its deadline`);
    });
    s.byAgency.forEach((b) => checkCondition(b.when, `${s.title}, the role for ${b.agency}`));
  });
  for (const { note, where } of everyNote(p)) note.byAgency?.forEach((b) => checkCondition(b.when, `${where}, the role for ${b.agency}`));
  p.onResolution.forEach((d) => {
    if (typeof d.onlyIf === 'object') checkCondition(d.onlyIf, `On resolution, duty “${d.id}”`);
    // Nothing is recorded after resolution to count from, so a deadline here would be shown as due but never scheduled.
    if (d.due) {
      issue(
        `On resolution, duty “${d.id}”: a duty done once resolved cannot have a deadline ("due"): nothing recorded after resolution counts it; put the timeframe in its text`,
      );
    }
  });
  p.clocks.forEach((c) => checkClock(c, `the protocol-wide clock “${c.label}”`));
  p.contacts.forEach((c) => {
    if (c.phone && !/^\+?[0-9][0-9 ]{2,30}$/.test(c.phone)) {
      issue(`the contact “${c.name}” (${c.area}): its phone must be the number only, such as "0300 123 5012"; put menu options in "menu"`);
    }
  });
  const { onlyTo, onlyToQuote } = p.startAtLaterStage;
  if (onlyTo) {
    for (const id of onlyTo) if (!stageTitle.has(id)) issue(`startAtLaterStage.onlyTo names ${id}, which this protocol does not have`);
    if (!onlyToQuote) issue('startAtLaterStage.onlyTo needs onlyToQuote: the sentence that limits where an escalation may skip to');
  }
  if (p.seniority?.levelNames && p.seniority.levelNames.length !== p.seniority.levels.length) {
    issue(`seniority.levelNames has ${p.seniority.levelNames.length} names for ${p.seniority.levels.length} levels`);
  }
  for (const [language, words] of Object.entries(p.translations ?? {})) {
    for (const path of Object.keys(words)) {
      if (typeof valueAt(p, path) !== 'string') issue(`translations.${language}: “${path}” is not a piece of the protocol’s words`);
    }
  }
}

/** The value at a path such as `stages[0].duties[1].text`, or undefined. */
export function valueAt(root: unknown, path: string): unknown {
  let value: unknown = root;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export type Protocol = z.infer<typeof ProtocolSchema>;
export type ProtocolInput = z.input<typeof ProtocolSchema>;
