// A protocol's newer version beside the one an escalation follows: what moving it would change. Nothing
// moves by itself (lib/protocols protocolOf); the worker sees both versions' deadlines, then decides.
import { FIRST_VERSION, getProtocol, protocolOf } from '../protocols';
import type { Escalation } from '../records/model';
import { scheduleEscalation, scheduleFacts, stageRules } from '../schedule/schedule';
import { messageOf } from '../errors';

export interface VersionComparison {
  following: string;
  current: string;
  /** Each clock of each stage under either version, with its due under each (null: not running, or not in that version). */
  clocks: {
    stageId: string;
    stageTitle: string;
    clockId: string;
    label: string;
    following: string | null;
    current: string | null;
    isCurrentStage: boolean;
  }[];
  /** Why it cannot move, when it cannot (the newer version lacks a stage it has reached). */
  cannotMove?: string;
}

/** Why an escalation cannot be shown, when the version of its protocol it follows is not on this device; else null. */
export function versionMissing(escalation: Pick<Escalation, 'protocolId' | 'protocolVersion'>): string | null {
  try {
    protocolOf(escalation);
    return null;
  } catch (error) {
    return `${messageOf(error)} (Options → Protocols). Its deadlines are not shown rather than guessed from another version.`;
  }
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
        ...scheduleFacts(escalation),
      }).stages.flatMap((stage) => stage.clocks.map((c): [string, string] => [`${stage.stageId} ${c.id}`, c.due])),
    );
  const before = dues(following.version);
  const after = missing.length ? new Map<string, string>() : dues(current.version);
  const clocks: VersionComparison['clocks'] = [];
  for (const protocol of [current, following]) {
    for (const stage of protocol.stages) {
      for (const rule of stageRules(protocol, stage.id)) {
        const key = `${stage.id} ${rule.id}`;
        if (clocks.some((c) => `${c.stageId} ${c.clockId}` === key)) continue;
        clocks.push({
          stageId: stage.id,
          stageTitle: stage.title,
          clockId: rule.id,
          label: rule.label,
          following: before.get(key) ?? null,
          current: after.get(key) ?? null,
          isCurrentStage: stage.id === escalation.currentStage,
        });
      }
    }
  }
  // In ladder order: the current version's stages, each with its clocks.
  const order = [...new Set([...current.stages, ...following.stages].map((s) => s.id))];
  clocks.sort((a, b) => order.indexOf(a.stageId) - order.indexOf(b.stageId));
  return {
    following: following.version,
    current: current.version,
    clocks,
    ...(missing.length ? { cannotMove: `Version ${current.version} has no ${missing.join(', ')}, which this escalation has reached` } : {}),
  };
}
