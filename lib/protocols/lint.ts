// Warnings about a protocol that is valid but may not say what its partnership's document says: shown in
// the preview (options page) so whoever wrote it can check it against the document before deploying it.
import { TEMPLATES } from '../templates/catalogue';
import type { FactKey } from '../templates/schema';
import type { ClockRule, Protocol } from './schema';

export interface LintWarning {
  /** Where, as the file names it: `stages[2].clocks[0]`. */
  path: string;
  message: string;
}

/**
 * A time in words: "5 working days", "within 24 hours", "one week", "the same day", "next working day",
 * "Day 10". A clock whose quote has none of these cannot be founded on it.
 */
const TIME_EXPRESSION =
  /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty)\b[\s\-–]*(?:(?:to|or|-|–)\s*\d+\s*)?(working\s+|calendar\s+|business\s+)?(days?|hours?|weeks?|months?)\b|\bsame\s+(working\s+)?day\b|\bnext\s+working\s+day\b|\bday\s+\d+\b|\b(24|48|72)\s*(hrs|hours)\b/i;

/** Clock kinds that set a time of their own (an agreed timeframe is set by people, not by the quote). */
const FIXED_TIME: ReadonlySet<ClockRule['kind']> = new Set([
  'working-days',
  'day-window',
  'hours',
  'calendar',
  'same-working-day',
  'next-working-day',
]);

/** The stage a clock counts from ("entered:stage-2", "meeting-held:stage-3"), or null for the concern or its own stage. */
function anchorStage(clock: ClockRule): string | null {
  return 'anchor' in clock ? (/^(?:entered|[a-z-]+):((?:initial|stage-[1-9]))$/.exec(clock.anchor)?.[1] ?? null) : null;
}

/** Words that stand for nobody. */
const NOBODY = /^(tbc|tbd|n\/?a|none|nobody|-+|\?+|x+)$/i;

/** Facts a form may name that this protocol can never fill: the stage or the contact they come from is missing. */
function factNeeds(protocol: Protocol, fact: FactKey): string | null {
  const has = (id: string) => protocol.stages.some((s) => s.id === id);
  switch (fact) {
    case 'stage1Manager':
      return has('stage-1') ? null : 'it is who escalated to stage-1, which this protocol does not have';
    case 'stage2Manager':
      return has('stage-2') ? null : 'it is who escalated to stage-2, which this protocol does not have';
    case 'stage2Concluded':
      return has('stage-2') ? null : 'it is when stage-2 ended, which this protocol does not have';
    case 'submitTo':
      return protocol.contacts.some((c) => c.kind === 'partnership' && c.email)
        ? null
        : 'it lists the partnership’s email contacts, and this protocol has none';
    case 'toComplete':
      return null;
    case 'boardMembers':
      return 'the extension does not record board members; the row is always left to complete by hand';
    default:
      return null;
  }
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};

/** The number a clock counts, as its quote would say it; null for kinds that set no number. */
function clockNumber(clock: ClockRule): number | null {
  switch (clock.kind) {
    case 'working-days':
      return clock.days;
    case 'hours':
      return clock.hours;
    case 'calendar':
      return clock.amount;
    case 'day-window':
      return clock.toDay;
    default:
      return null;
  }
}

/** Every number the quote gives a time in ("5 working days", "Day 8", "1-3 working days", "two weeks"). */
function quotedNumbers(quote: string): number[] {
  const found: number[] = [];
  const unit =
    /(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty)(?:\s*(?:-|–|to|or)\s*(\d+))?\s*(?:working\s+|calendar\s+|business\s+)?(?:days?|hours?|hrs|weeks?|months?)\b/gi;
  for (const m of quote.matchAll(unit)) {
    found.push(NUMBER_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]));
    if (m[2]) found.push(Number(m[2]));
  }
  for (const m of quote.matchAll(/\bdays?\s+(\d+)\s*(?:-|–|to)\s*(\d+)|\bday\s+(\d+)\b/gi)) {
    for (const n of m.slice(1)) if (n) found.push(Number(n));
  }
  return found;
}

export function lintProtocol(protocol: Protocol): LintWarning[] {
  const warnings: LintWarning[] = [];
  const order = protocol.stages.map((s) => s.id);
  const clockChecks = (clock: ClockRule, path: string, stageIndex: number | null) => {
    if (FIXED_TIME.has(clock.kind) && clock.quote && !TIME_EXPRESSION.test(clock.quote)) {
      warnings.push({
        path,
        message: `clock “${clock.label}”: its quote names no time (such as “5 working days” or “24 hours”); check it is the sentence that sets this deadline`,
      });
    }
    const n = clockNumber(clock);
    const said = clock.quote ? quotedNumbers(clock.quote) : [];
    if (n !== null && said.length > 0 && !said.includes(n)) {
      warnings.push({
        path,
        message: `clock “${clock.label}”: it counts ${n}, but its quote says ${said.join(' or ')}; check the number against the document`,
      });
    }
    const anchor = anchorStage(clock);
    if (anchor && stageIndex !== null && order.indexOf(anchor) > stageIndex) {
      warnings.push({
        path,
        message: `clock “${clock.label}” counts from ${anchor}, which comes later: it can never run while this stage is current`,
      });
    }
  };
  protocol.stages.forEach((stage, i) => {
    const at = `stages[${i}]`;
    if (NOBODY.test(stage.who.trim()) || stage.who.trim().length < 3) {
      warnings.push({ path: `${at}.who`, message: `${stage.title}: nobody is named to act (“${stage.who}”)` });
    }
    if (stage.clocks.length === 0 && !protocol.clocks.some((c) => c.stages.includes(stage.id))) {
      warnings.push({
        path: `${at}.clocks`,
        message: `${stage.title}: no clock, so no deadline is shown at this stage; check the document sets none`,
      });
    }
    stage.clocks.forEach((clock, j) => clockChecks(clock, `${at}.clocks[${j}]`, i));
    // A duty's own deadline is a clock too: its number and its quote must agree.
    stage.duties.forEach((duty, j) => duty.due && clockChecks(duty.due, `${at}.duties[${j}].due`, i));
    // A stage can be reached only by going up from the one below, or by starting above the first stage.
    if (i > 0 && stage.triggers.length === 0 && stage.duties.length === 0 && stage.clocks.length === 0 && stage.notes.length === 0) {
      warnings.push({
        path: at,
        message: `${stage.title}: nothing is said of it (no trigger, duty, clock or note); check it belongs in the ladder`,
      });
    }
  });
  protocol.clocks.forEach((clock, j) => {
    clockChecks(clock, `clocks[${j}]`, null);
    // A protocol-wide clock from entering a stage (or an event at it) cannot run at a stage it governs below that one.
    const anchor = anchorStage(clock);
    const from = anchor ? order.indexOf(anchor) : -1;
    const before = clock.stages.filter((id) => order.indexOf(id) < from);
    if (before.length) {
      warnings.push({
        path: `clocks[${j}]`,
        message: `the protocol-wide clock “${clock.label}” counts from ${order[from]}, after ${before.join(', ')}, which it also governs: it cannot run there`,
      });
    }
  });
  // A form a duty names must be one of the protocol's or a built-in template.
  const forms = new Set([...protocol.forms.map((f) => f.id), ...TEMPLATES.map((t) => t.id)]);
  const dutyForms = [
    ...protocol.stages.flatMap((s, i) => s.duties.map((d, j) => ({ d, at: `stages[${i}].duties[${j}]`, where: s.title }))),
    ...protocol.onResolution.map((d, j) => ({ d, at: `onResolution[${j}]`, where: 'On resolution' })),
  ];
  for (const { d, at, where } of dutyForms) {
    if (d.form && !forms.has(d.form)) {
      warnings.push({
        path: `${at}.form`,
        message: `${where}, duty “${d.id}”: it names the form “${d.form}”, which is neither one of this protocol’s forms nor a built-in one`,
      });
    }
  }
  // Passing over stages is a rule of the document: it needs the sentence that allows it.
  if (protocol.startAtLaterStage.allowed && !protocol.startAtLaterStage.quote) {
    warnings.push({
      path: 'startAtLaterStage',
      message: 'escalations may pass over stages, but no quote says where the document allows it',
    });
  }
  protocol.forms.forEach((form, f) =>
    form.sections.forEach((section, s) =>
      section.fields.forEach((field, k) => {
        const missing = factNeeds(protocol, field.fact);
        if (missing)
          warnings.push({
            path: `forms[${f}].sections[${s}].fields[${k}]`,
            message: `${form.name}: “${field.label}” has no source: ${missing}`,
          });
      }),
    ),
  );
  return warnings;
}
