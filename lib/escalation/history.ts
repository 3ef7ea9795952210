// The escalation's history in plain English, one line per event.
import { stageTitle } from './describe';
import type { Escalation, EscalationEvent } from '../records/model';
import { DISAGREEMENT_KINDS, MILESTONE_WORDS, STAGE_ENTRY_REASONS } from '../protocols/kinds';
import { protocolOf } from '../protocols';
import { formatDue, isolate } from '../time/format';

const person = (c: { name: string; role: string; agency: string }) => `${isolate(c.name)}, ${isolate(c.role)}, ${isolate(c.agency)}`;

function dutyText(escalation: Pick<Escalation, 'protocolId' | 'protocolVersion'>, stageId: string, dutyId: string): string {
  try {
    const p = protocolOf(escalation);
    const duty = [...(p.stages.find((s) => s.id === stageId)?.duties ?? []), ...p.onResolution].find((d) => d.id === dutyId);
    return duty?.text ?? dutyId;
  } catch {
    return dutyId;
  }
}

/** “Is the child on a child protection plan? Yes”: the protocol's question and the answer in its words. */
function factAnswer(escalation: Pick<Escalation, 'protocolId' | 'protocolVersion'>, factId: string, value: boolean | string): string {
  try {
    const fact = protocolOf(escalation).facts?.find((f) => f.id === factId);
    if (fact) {
      const answer = typeof value === 'boolean' ? (value ? 'Yes' : 'No') : (fact.choices?.find((c) => c.id === value)?.label ?? value);
      return `${fact.question} ${answer}`;
    }
  } catch {
    // The protocol version is not on this device: say what was recorded.
  }
  return `${factId}: ${String(value)}`;
}

const show = (value: unknown): string =>
  value === undefined || value === ''
    ? '(blank)'
    : typeof value === 'string'
      ? isolate(value)
      : Array.isArray(value)
        ? value.map((v) => (v as { name?: string }).name ?? JSON.stringify(v)).join(', ')
        : JSON.stringify(value);

export function describeEvent(event: EscalationEvent, escalation: Pick<Escalation, 'protocolId' | 'protocolVersion'>): string {
  const stage = (id: string) => stageTitle(escalation.protocolId, id);
  switch (event.type) {
    case 'created':
      return `Escalation started (${DISAGREEMENT_KINDS[event.escalation.kind]}) with ${event.escalation.counterparts.map(person).join('; ')}`;
    case 'discussion-held':
      return `Discussion${event.with ? ` with ${isolate(event.with)}` : ''}: ${isolate(event.summary)}`;
    case 'stage-entered':
      return `Escalated to ${stage(event.stageId)}: ${event.reason === 'protocol-reason' && event.trigger ? isolate(event.trigger) : STAGE_ENTRY_REASONS[event.reason]}${event.agreedDays !== undefined ? ` (timeframe ${event.agreedDays} working days)` : ''}`;
    case 'timeframe-agreed':
      return `Timeframe agreed for ${stage(event.stageId)}: ${event.days} working days`;
    case 'action-agreed':
      return `Action agreed: ${isolate(event.action)}${event.owner ? ` (${isolate(event.owner)})` : ''}, by ${event.dueDay}`;
    case 'response-received':
      return `Response received${event.from ? ` from ${isolate(event.from)}` : ''}: ${isolate(event.summary)}`;
    case 'duty-done':
      return `Done: ${dutyText(escalation, event.stageId, event.dutyId)}`;
    case 'note-copied':
      return `Case note ${event.how} to the record (${event.templateId})`;
    case 'resolved':
      return `Resolved at ${stage(event.stageId)}: ${isolate(event.methodology)}${event.lessonsLearned ? `. Lessons: ${isolate(event.lessonsLearned)}` : ''}`;
    case 'reopened':
      return `Reopened: ${isolate(event.reason)}`;
    case 'withdrawn':
      return `Withdrawn: ${isolate(event.reason)}`;
    case 'field-corrected':
      return `Corrected ${event.field}: ${show(event.oldValue)} → ${show(event.newValue)}`;
    case 'protocol-version-moved':
      return `Moved from version ${event.from} to version ${event.to} of the protocol`;
    case 'fact-recorded':
      return `Answered: ${factAnswer(escalation, event.factId, event.value)}`;
    case 'milestone':
      return `${MILESTONE_WORDS[event.milestone]} at ${stage(event.stageId)}, ${formatDue(event.happenedAt)}`;
  }
}
