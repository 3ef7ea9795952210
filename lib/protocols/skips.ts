// Where an escalation may go next: the next stage always; a later one only where the protocol allows
// passing over stages (for immediate risk), and only to the stages it names when it limits them.
import type { Protocol, Stage } from './schema';

/** The stages an escalation at `fromIndex` (-1: not started) may be moved to, nearest first. */
export function skipTargets(protocol: Protocol, fromIndex: number): Stage[] {
  const next = protocol.stages[fromIndex + 1];
  if (!next) return [];
  if (!protocol.startAtLaterStage.allowed) return [next];
  const onlyTo = protocol.startAtLaterStage.onlyTo;
  return protocol.stages.slice(fromIndex + 1).filter((s) => s === next || !onlyTo || onlyTo.includes(s.id));
}
