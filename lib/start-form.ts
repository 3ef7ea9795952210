// The start form's rules: what is required, and how its fields become a new escalation.
import { fromLondonWallTime } from './calendar';
import { getProtocol } from './protocols';
import { t } from './strings';
import type { NewEscalation } from './records/model';

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
}

const REQUIRED: (keyof StartFormValues)[] = ['myName', 'myRole', 'myAgency', 'theirName', 'theirRole', 'theirAgency', 'kind', 'concernAt'];

/** Whether the stage the form starts at needs a stated timeframe (Sussex). */
export function needsTimeframe(protocolId: string, stageId: string): boolean {
  const stage = getProtocol(protocolId).stages.find((s) => s.id === stageId);
  return !!stage?.clocks.some((c) => c.kind === 'agreed' && c.required);
}

export function offersTimeframe(protocolId: string, stageId: string): boolean {
  const stage = getProtocol(protocolId).stages.find((s) => s.id === stageId);
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
  }
  return errors;
}

export function toNewEscalation(v: StartFormValues, hostId: string, childId: string): NewEscalation {
  const first = getProtocol(v.protocolId).stages[0]!.id;
  const stage = v.startStage || first;
  return {
    protocolId: v.protocolId,
    child: { hostId, childId },
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
  };
}
