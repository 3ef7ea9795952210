// A protocol's newer version beside the one an escalation follows: what moving it would change. Nothing
// moves by itself (lib/protocols protocolOf); the worker sees both versions' deadlines, then decides.
import { FIRST_VERSION, getProtocol, protocolOf } from './protocols';
import type { Escalation } from './records/model';
import { scheduleEscalation } from './schedule';

export interface VersionComparison {
  following: string;
  current: string;
  /** Each stage of either version, with its due under each (null: no deadline, or no such stage). */
  stages: { stageId: string; title: string; following: string | null; current: string | null; isCurrentStage: boolean }[];
  /** Why it cannot move, when it cannot (the newer version lacks a stage it has reached). */
  cannotMove?: string;
}

/**
 * The version an open escalation follows and the current one, when they differ; null while it follows the
 * current version, or is closed (a closed record stays as it was).
 */
export function newerVersion(escalation: Escalation): { following: string; current: string } | null {
  if (escalation.status !== 'open') return null;
  const following = escalation.protocolVersion ?? FIRST_VERSION;
  let current: string;
  try {
    current = getProtocol(escalation.protocolId).version;
  } catch {
    return null; // no longer offered on this device (removed): nothing newer to move to
  }
  return current === following ? null : { following, current };
}

/** Both versions' deadlines for an escalation that follows an older one, before the worker moves it. */
export function compareVersions(escalation: Escalation, closureDays: Record<string, string> = {}): VersionComparison | null {
  if (!newerVersion(escalation)) return null;
  const following = protocolOf(escalation);
  const current = getProtocol(escalation.protocolId);
  const history = escalation.stages.map((s) => ({ stageId: s.stageId, enteredAt: s.enteredAt, agreedDays: s.agreedDays }));
  const missing = history.map((s) => s.stageId).filter((id) => !current.stages.some((s) => s.id === id));
  const dues = (version: string) =>
    new Map(
      scheduleEscalation({
        protocolId: escalation.protocolId,
        protocolVersion: version,
        concernRaisedAt: escalation.concernRaisedAt,
        stages: history,
        closureDays,
      }).stages.map((s) => [s.stageId, s.due]),
    );
  const before = dues(escalation.protocolVersion ?? FIRST_VERSION);
  const after = missing.length ? new Map<string, string | null>() : dues(current.version);
  const ids = [...new Set([...following.stages, ...current.stages].map((s) => s.id))];
  return {
    following: following.version,
    current: current.version,
    stages: ids.map((id) => ({
      stageId: id,
      title: (current.stages.find((s) => s.id === id) ?? following.stages.find((s) => s.id === id))!.title,
      following: before.get(id) ?? null,
      current: after.get(id) ?? null,
      isCurrentStage: id === escalation.currentStage,
    })),
    ...(missing.length ? { cannotMove: `Version ${current.version} has no ${missing.join(', ')}, which this escalation has reached` } : {}),
  };
}
