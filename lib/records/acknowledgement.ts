// Acknowledgement per stage: the person escalated to has seen it, recorded apart from any response (as on-call
// tools separate "acknowledged" from "resolved"). Read from the milestones the worker records (lib/records/model.ts).
import type { Escalation } from './model';

type WithMilestones = Pick<Escalation, 'milestones'>;

/** When the person escalated to acknowledged it at `stageId`: the earliest acknowledgement recorded there; undefined until then. */
export function acknowledgedAt(escalation: WithMilestones, stageId: string): string | undefined {
  let first: string | undefined;
  for (const m of escalation.milestones ?? []) {
    if (m.milestone === 'acknowledged' && m.stageId === stageId && (first === undefined || Date.parse(m.at) < Date.parse(first)))
      first = m.at;
  }
  return first;
}

/** Open, and the person escalated to at its current stage has not acknowledged it yet (what the dashboard says and filters on). */
export function awaitingAcknowledgement(escalation: WithMilestones & Pick<Escalation, 'status' | 'currentStage'>): boolean {
  return escalation.status === 'open' && acknowledgedAt(escalation, escalation.currentStage) === undefined;
}
