// The milestones a worker can record at a stage: an acknowledgement always (the person escalated to has seen
// it, apart from any response), and the others where the protocol counts a clock or a duty from them.
import type { ClockRule, Protocol } from './schema';
import { RECORDED_EVENTS, type RecordedEvent } from './recorded-events';

/** The milestones worth recording at `stageId`: `acknowledged`, then those the protocol's clocks count from there. */
export function milestonesOffered(protocol: Protocol, stageId: string): RecordedEvent[] {
  const rules: ClockRule[] = [
    ...protocol.stages.flatMap((s) => [...s.clocks, ...s.duties.flatMap((d) => (d.due ? [d.due] : []))].map((c) => ({ c, at: s.id }))),
    ...protocol.clocks.flatMap((c) => c.stages.map((at) => ({ c: c as ClockRule, at }))),
  ]
    .filter(({ c, at }) => {
      if (!('anchor' in c)) return false;
      const [event, named] = c.anchor.split(':');
      return (RECORDED_EVENTS as readonly string[]).includes(event!) && (named ?? at) === stageId;
    })
    .map(({ c }) => c);
  const anchored = new Set(rules.map((c) => ('anchor' in c ? c.anchor.split(':')[0] : '')));
  return RECORDED_EVENTS.filter((e) => e === 'acknowledged' || anchored.has(e));
}
