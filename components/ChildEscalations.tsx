import { useEffect } from 'preact/hooks';
import { protocolName, stageTitle, STATUS_LABELS } from '../lib/describe';
import { tellPage } from '../lib/browser/tab-child';
import { timeLeft } from '../lib/timer';
import type { Escalation } from '../lib/records/model';
import { useRecords } from './useRecords';

/** The escalations recorded on this device for one child. */
export function ChildEscalations({ hostId, childId }: { hostId: string; childId: string }) {
  const { value: list, error } = useRecords<Escalation[]>({ kind: 'for-child', hostId, childId });
  // Keep the launcher's status line in step with what is recorded.
  useEffect(() => tellPage({ type: 'status-changed' }), [list]);
  if (error) return <p role="alert" class="error">{error.message}</p>;
  if (!list) return null;
  if (list.length === 0) return <p class="empty">No escalation for this child yet.</p>;
  return (
    <ul class="escalations">
      {list.map((e) => {
        const left = e.nextDue ? timeLeft(e.nextDue, new Date()) : null;
        return (
          <li key={e.id} data-escalation={e.reference}>
            <strong>{e.reference}</strong> · {protocolName(e.protocolId)}
            <br />
            {stageTitle(e.protocolId, e.currentStage)} · {STATUS_LABELS[e.status]}
            {left && (
              <span class={`due ${left.urgency}`}>
                {' '}
                · {left.text} ({left.dueText})
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
