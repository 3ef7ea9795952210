// Renders templates from an escalation and its history. Unknown facts become a
// clearly marked blank, never a guess. HTML output escapes everything the user
// or a host page typed, and uses only tags a host's rich-text sanitiser keeps.
import { londonDay, wholeYearsBetween } from '../time/calendar';
import { disarmFormula } from '../views/csv';
import { stageShortName, stageTitle, STATUS_LABELS } from '../escalation/describe';
import { formatDue } from '../time/format';
import { describeEvent } from '../escalation/history';
import { getProtocol, listProtocols, protocolOf } from '../protocols';
import { setsNoTimescale } from '../schedule/schedule';
import { t } from '../strings';
import type { Escalation, EscalationEvent, Person, Theme } from '../records/model';
import { DISAGREEMENT_KINDS } from '../protocols/kinds';
import { TEMPLATES } from '../templates/catalogue';
import type { FactKey, Template } from '../templates/schema';
import { inEventOrder } from '../records/order';

export const BLANK = '[not recorded – please complete]';

export type Facts = Partial<Record<FactKey, string | string[]>>;

// The built-in templates as written: a unit test proves the schema reads each as it is (tests/unit/templates.test.ts),
// so a page draws its case notes without loading the schema library.
const templates: readonly Template[] = TEMPLATES;

type FollowsProtocol = Pick<Escalation, 'protocolId' | 'protocolVersion'>;

/**
 * The case notes and forms for an escalation (or a protocol's current version): the built-in ones for its
 * protocol, then the protocol's own forms, which take the place of a built-in one with the same id.
 */
export function templatesFor(escalation: FollowsProtocol | string): Template[] {
  const protocol = typeof escalation === 'string' ? getProtocol(escalation) : protocolOf(escalation);
  const own = protocol.forms.map((form): Template => ({ ...form, protocols: [protocol.id] }));
  const ids = new Set(own.map((f) => f.id));
  return [...templates.filter((t) => (t.protocols.includes('*') || t.protocols.includes(protocol.id)) && !ids.has(t.id)), ...own];
}

/** A template by id: among an escalation's own when given, else among every current protocol's. */
export function getTemplate(id: string, escalation?: FollowsProtocol): Template {
  const all = escalation ? templatesFor(escalation) : listProtocols().flatMap((p) => templatesFor(p.id));
  const t = all.find((x) => x.id === id);
  if (!t) throw new Error(`Unknown template ${JSON.stringify(id)}`);
  return t;
}

const person = (p: Person) => `${p.name}, ${p.role}, ${p.agency}`;
const day = (iso: string) => formatDue(iso.length === 10 ? iso : new Date(iso).toISOString()).replace(/, \d\d:\d\d$/, '');
const nonEmpty = (s: string | undefined) => (s && s.trim() ? s : undefined);
const list = (items: string[]) => (items.length ? items : undefined);

/** "Escalation ESC-7K3F9Q · Herefordshire stage 2 · due Thu 3 Dec 2026": ends each case note. */
export function referenceLine(e: Escalation): string {
  const protocol = protocolOf(e);
  const area = protocol.areas.length === 1 ? protocol.areas[0]! : protocol.partnership;
  const stage = stageShortName(e.protocolId, e.currentStage).toLowerCase();
  const tail = e.status === 'open' ? (e.nextDue ? ` · due ${formatDue(e.nextDue)}` : '') : ` · ${STATUS_LABELS[e.status].toLowerCase()}`;
  return `Escalation ${e.reference} · ${area} ${stage}${tail}`;
}

export { findReferences } from '../templates/reference';

function enteredBy(e: Escalation, events: EscalationEvent[], stageId: string): string | undefined {
  const ev = events.find((x) => x.type === 'stage-entered' && x.stageId === stageId);
  if (!ev?.by) return undefined;
  return ev.by === e.raisedBy.name ? person(e.raisedBy) : ev.by;
}

/** Herefordshire Appendix 1 "Child Details: Name: DOB: Age: Unique identifier:", each part marked blank when unknown. */
function childDetails(e: Escalation, now: Date): string {
  // A theme is about no one child (Herefordshire Appendix 2: "If the escalation is not about a specific child,
  // complete Section 2: Practice Issue / Themed Escalation"): say so, with the IDs the worker listed.
  if (e.theme) return themeDetails(e.theme);
  const child = e.child!;
  const dob = child.dateOfBirth;
  const age = dob ? wholeYearsBetween(dob, londonDay(now)) : null;
  return [
    `Name: ${nonEmpty(child.name) ?? BLANK}`,
    `DOB: ${dob ? day(dob) : BLANK}`,
    `Age: ${age ?? BLANK}`,
    `Unique identifier: ${child.childId}`,
  ].join('; ');
}

function themeDetails(theme: Theme): string {
  const ids = theme.childIds?.length ? theme.childIds.join(', ') : 'none listed';
  return `Not about one child – theme: ${theme.title}; child IDs: ${ids}`;
}

/** Current and proposed level of need (Herefordshire Appendix 1), or undefined when neither is recorded. */
function levelOfNeed(e: Escalation): string | undefined {
  const { current, proposed } = e.levelOfNeed;
  if (!nonEmpty(current) && !nonEmpty(proposed)) return undefined;
  return `Current: ${nonEmpty(current) ?? BLANK}; proposed: ${nonEmpty(proposed) ?? BLANK}`;
}

function nextDueText(e: Escalation): string | undefined {
  if (e.status !== 'open' || !e.nextDue) return undefined;
  const text = `${stageTitle(e.protocolId, e.currentStage)}: due ${formatDue(e.nextDue)}`;
  // Halton sets no timescale: a date the people involved agreed is theirs, not the protocol's deadline.
  return setsNoTimescale(protocolOf(e), e.currentStage) ? `${text} (${t('agreedBetweenYou')})` : text;
}

export function factsFor(e: Escalation, events: EscalationEvent[], now: Date): Facts {
  const protocol = protocolOf(e);
  const ordered = inEventOrder(events);
  const last = ordered.filter((x) => x.type !== 'note-copied').at(-1);
  const stage3 = ordered.find((x) => x.type === 'stage-entered' && x.stageId === 'stage-3');
  return {
    reference: e.reference,
    partnership: protocol.partnership,
    protocolTitle: protocol.title,
    stage: stageTitle(e.protocolId, e.currentStage),
    status: STATUS_LABELS[e.status],
    kind: DISAGREEMENT_KINDS[e.kind],
    themes: e.theme ? `${e.theme.title} (${DISAGREEMENT_KINDS[e.kind]})` : DISAGREEMENT_KINDS[e.kind],
    summary: nonEmpty(e.summary),
    childId: e.child?.childId,
    childName: nonEmpty(e.child?.name),
    childDob: e.child?.dateOfBirth ? day(e.child.dateOfBirth) : undefined,
    childAddress: nonEmpty(e.child?.address),
    raisedBy: person(e.raisedBy),
    raisedByEmail: e.raisedBy.email ? `${person(e.raisedBy)}, ${e.raisedBy.email}` : undefined,
    counterparts: e.counterparts.map(person),
    levelCurrent: nonEmpty(e.levelOfNeed.current),
    levelProposed: nonEmpty(e.levelOfNeed.proposed),
    concernDate: day(e.concernRaisedAt),
    thisStep: last ? describeEvent(last, e) : undefined,
    agreed: list(
      ordered
        .filter((x) => x.type === 'discussion-held' || x.type === 'timeframe-agreed' || x.type === 'response-received')
        .map((x) => `${day(x.at)}: ${describeEvent(x, e)}`),
    ),
    actions: list(e.actions.map((a) => `${a.action}${a.owner ? ` (${a.owner})` : ''} – by ${day(a.dueDay)}`)),
    nextDue: nextDueText(e),
    progress: list(
      ordered.filter((x) => x.type !== 'created' && x.type !== 'note-copied').map((x) => `${day(x.at)}: ${describeEvent(x, e)}`),
    ),
    stage1Manager: enteredBy(e, ordered, 'stage-1'),
    stage2Manager: enteredBy(e, ordered, 'stage-2'),
    stage2Concluded: stage3 ? day(stage3.at) : e.resolution?.stageId === 'stage-2' ? day(e.resolution.at) : undefined,
    methodology: e.resolution?.methodology,
    resolvedAt: e.resolution ? day(e.resolution.at) : undefined,
    resolvedStage: e.resolution ? stageTitle(e.protocolId, e.resolution.stageId) : undefined,
    lessons: nonEmpty(e.resolution?.lessonsLearned),
    outcome: nonEmpty(e.resolution?.outcome),
    completedBy: person(e.raisedBy),
    today: day(now.toISOString()),
    submitTo: list(protocol.contacts.filter((c) => c.kind === 'partnership' && c.email).map((c) => `${c.name}: ${c.email}`)),
    childDetails: childDetails(e, now),
    levelOfNeed: levelOfNeed(e),
    resolutionDuties: e.status === 'resolved' ? list(protocol.onResolution.map((d) => d.text)) : undefined,
  };
}

export interface RenderedDoc {
  templateId: string;
  kind: Template['kind'];
  title: string;
  sections: { heading?: string; intro?: string; rows: { label: string; value: string | string[] | null }[] }[];
  reference?: string;
}

export function renderTemplate(template: Template, facts: Facts, reference?: string): RenderedDoc {
  return {
    templateId: template.id,
    kind: template.kind,
    title: template.noteTitle.replace(/\{(\w+)\}/g, (_, key: FactKey) => String(facts[key] ?? BLANK)),
    sections: template.sections.map((s) => ({
      heading: s.heading,
      intro: s.intro,
      rows: s.fields
        .filter((f) => !f.onlyWhenKnown || facts[f.fact] !== undefined)
        .map((f) => ({ label: f.label, value: facts[f.fact] ?? null })),
    })),
    reference: template.referenceLine ? reference : undefined,
  };
}

export function toPlainText(doc: RenderedDoc): string {
  const out: string[] = [doc.title, ''];
  for (const s of doc.sections) {
    if (s.heading) out.push(s.heading.toUpperCase(), '');
    if (s.intro) out.push(s.intro, '');
    for (const r of s.rows) {
      if (Array.isArray(r.value)) out.push(`${r.label}:`, ...r.value.map((v) => `- ${v}`));
      else out.push(`${r.label}: ${r.value ?? BLANK}`);
    }
    out.push('');
  }
  if (doc.reference) out.push(doc.reference);
  return out.join('\n').trim() + '\n';
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Simple HTML a host's rich-text editor keeps: headings, paragraphs, bold, lists. Everything typed is escaped. */
export function toHtml(doc: RenderedDoc): string {
  const out: string[] = [`<h3>${escapeHtml(doc.title)}</h3>`];
  for (const s of doc.sections) {
    if (s.heading) out.push(`<h4>${escapeHtml(s.heading)}</h4>`);
    if (s.intro) out.push(`<p><i>${escapeHtml(s.intro)}</i></p>`);
    for (const r of s.rows) {
      if (Array.isArray(r.value))
        out.push(`<p><b>${escapeHtml(r.label)}:</b></p><ul>${r.value.map((v) => `<li>${escapeHtml(v)}</li>`).join('')}</ul>`);
      else out.push(`<p><b>${escapeHtml(r.label)}:</b> ${r.value === null ? `<i>${escapeHtml(BLANK)}</i>` : escapeHtml(r.value)}</p>`);
    }
  }
  if (doc.reference) out.push(`<p>${escapeHtml(doc.reference)}</p>`);
  return out.join('\n');
}

/**
 * One spreadsheet row: the fields in order, tab-separated, with tabs and line breaks inside values folded,
 * and anything a spreadsheet would run as a formula disarmed (the partnership pastes it into its log).
 */
export function toTsv(doc: RenderedDoc): string {
  const cell = (v: string | string[] | null) => disarmFormula((Array.isArray(v) ? v.join('; ') : (v ?? BLANK)).replace(/[\t\r\n]+/g, ' '));
  return doc.sections.flatMap((s) => s.rows.map((r) => cell(r.value))).join('\t');
}

/** Plain text back to the simple HTML the host's rich-text editor gets when the worker edited the preview. */
export function plainTextToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((para) => `<p>${para.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('\n');
}
