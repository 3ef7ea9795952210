// The start form's rules: what is required, and how its fields become a new escalation.
import { fromLondonWallTime } from '../time/calendar';
import { getProtocol } from '../protocols';
import { skipTargets } from '../protocols/skips';
import { parseAnswer } from '../protocols/facts';
import { t } from '../strings';
import { MAX_THEME_CHILD_IDS } from '../records/theme-limits';
import type { NewEscalation, Theme } from '../records/model';

export interface StartFormValues {
  protocolId: string;
  myName: string;
  myRole: string;
  myAgency: string;
  theirName: string;
  theirRole: string;
  theirAgency: string;
  kind: string;
  summary: string;
  currentNeed: string;
  proposedNeed: string;
  concernAt: string; // London wall time, YYYY-MM-DDTHH:MM
  immediateRisk: boolean;
  cpPlan: boolean;
  lookedAfter: boolean;
  startStage: string;
  agreedDays: string;
  /** Set when tracking a colleague's escalation found on the record. */
  reference?: string;
  /** Answers to the protocol's questions (second edition), fact id → the answer chosen ('yes', 'no' or a choice's id). */
  facts?: Record<string, string>;
}

/** The answers given to this protocol's own questions, as recorded values; questions left unanswered are left out. */
export function startFacts(v: Pick<StartFormValues, 'protocolId' | 'facts'>): Record<string, boolean | string> {
  const out: Record<string, boolean | string> = {};
  for (const fact of getProtocol(v.protocolId).facts ?? []) {
    const value = v.facts?.[fact.id] ? parseAnswer(fact, v.facts[fact.id]!) : undefined;
    if (value !== undefined) out[fact.id] = value;
  }
  return out;
}

const REQUIRED: (keyof StartFormValues)[] = ['myName', 'myRole', 'myAgency', 'theirName', 'theirRole', 'theirAgency', 'kind', 'concernAt'];

/** Whether the stage the form starts at needs a stated timeframe (Sussex); the current version unless one is named. */
export function needsTimeframe(protocolId: string, stageId: string, version?: string): boolean {
  const stage = getProtocol(protocolId, version).stages.find((s) => s.id === stageId);
  return !!stage?.clocks.some((c) => c.kind === 'agreed' && c.required);
}

export function offersTimeframe(protocolId: string, stageId: string, version?: string): boolean {
  const stage = getProtocol(protocolId, version).stages.find((s) => s.id === stageId);
  return !!stage?.clocks.some((c) => c.kind === 'agreed');
}

/** Field → message for everything that must be fixed before starting; empty when the form is complete. */
export function checkStartForm(v: StartFormValues, now: Date): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const key of REQUIRED) if (!String(v[key]).trim()) errors[key] = t('enterThis');
  if (!errors.concernAt) {
    try {
      if (Date.parse(fromLondonWallTime(v.concernAt)) > now.getTime() + 60_000) errors.concernAt = t('concernInFuture');
    } catch {
      errors.concernAt = t('enterDateTime');
    }
  }
  const stage = v.startStage || getProtocol(v.protocolId).stages[0]!.id;
  if (needsTimeframe(v.protocolId, stage) && !/^\d+$/.test(v.agreedDays.trim())) {
    errors.agreedDays = t('stateTimeframe');
  } else if (v.agreedDays.trim() && !/^\d+$/.test(v.agreedDays.trim())) {
    errors.agreedDays = t('wholeDays');
  }
  const first = getProtocol(v.protocolId).stages[0]!.id;
  if (stage !== first && !v.immediateRisk) {
    errors.startStage = t('laterOnlyForRisk');
  } else if (!skipTargets(getProtocol(v.protocolId), -1).some((s) => s.id === stage)) {
    errors.startStage = t('notAStartStage');
  }
  return errors;
}

/** Whom the escalation is about: the child the panel's form is for, or a theme from the dashboard's theme form. */
export type StartSubject = { child: { hostId: string; childId: string } } | { theme: Theme };

export function toNewEscalation(v: StartFormValues, about: StartSubject): NewEscalation {
  const first = getProtocol(v.protocolId).stages[0]!.id;
  const stage = v.startStage || first;
  return {
    protocolId: v.protocolId,
    ...about,
    raisedBy: { name: v.myName, role: v.myRole, agency: v.myAgency },
    counterparts: [{ name: v.theirName, role: v.theirRole, agency: v.theirAgency }],
    kind: v.kind as NewEscalation['kind'],
    summary: v.summary,
    levelOfNeed: { current: v.currentNeed || undefined, proposed: v.proposedNeed || undefined },
    concernRaisedAt: fromLondonWallTime(v.concernAt),
    flags: { immediateRisk: v.immediateRisk, childProtectionPlan: v.cpPlan, lookedAfter: v.lookedAfter },
    ...(stage !== first ? { startStage: stage, startReason: 'immediate-risk' as const } : {}),
    ...(v.agreedDays.trim() ? { agreedDays: Number(v.agreedDays) } : {}),
    ...(v.reference ? { reference: v.reference } : {}),
    ...(Object.keys(startFacts(v)).length ? { facts: startFacts(v) } : {}),
  };
}

/** The theme form's own fields (issue 36): a title, and child IDs typed one per line (blank lines dropped). */
export interface ThemeFormValues {
  title: string;
  childIds: string;
}

/** The child IDs typed one per line: trimmed, blank lines and repeats dropped, in the order typed. */
export const typedChildIds = (text: string): string[] => [
  ...new Set(
    text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  ),
];

/** Field → message for the theme form's own fields; the rest are checked as the start form's (checkStartForm). */
export function checkThemeForm(v: ThemeFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.title.trim()) errors.title = t('enterThis');
  if (typedChildIds(v.childIds).length > MAX_THEME_CHILD_IDS) errors.childIds = t('themeTooManyIds');
  return errors;
}

/** The theme the form describes (its IDs only when some were typed). */
export function themeFrom(v: ThemeFormValues): Theme {
  const ids = typedChildIds(v.childIds);
  return { title: v.title.trim(), ...(ids.length ? { childIds: ids } : {}) };
}
