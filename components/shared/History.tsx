import { describeEvent } from '../../lib/escalation/history';
import type { Escalation, EscalationEvent } from '../../lib/records/model';
import { t } from '../../lib/strings';
import { useRecords } from './useRecords';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

/** A readable timeline of everything recorded, oldest first. */
export function History({ escalation }: { escalation: Escalation }) {
  const { value: events } = useRecords<EscalationEvent[]>({ kind: 'history', id: escalation.id });
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('history')}</h2>
      <ol class="history">
        {(events ?? []).map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{when.format(new Date(e.at))}</time>
            {e.by && (
              <span class="by">
                {' · '}
                <bdi>{e.by}</bdi>
              </span>
            )}
            <div>{describeEvent(e, escalation)}</div>
          </li>
        ))}
      </ol>
    </section>
  );
}
