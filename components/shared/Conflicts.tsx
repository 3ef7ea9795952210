// Changes made on two devices that do not agree (lib/records/derive.ts): each shown with both sides, so the
// worker sees what the other device recorded and settles it, instead of one side silently winning.
import { describeEvent } from '../../lib/escalation/history';
import type { ConflictKind, Escalation, EscalationEvent } from '../../lib/records/model';
import { t, type StringKey } from '../../lib/strings';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

const WHAT: Record<ConflictKind, StringKey> = {
  'two-resolutions': 'conflictTwoResolutions',
  'two-timeframes': 'conflictTwoTimeframes',
  'stage-against-resolution': 'conflictStageAgainstResolution',
  'not-applied': 'conflictNotApplied',
};

function Side({ event, escalation }: { event?: EscalationEvent; escalation: Escalation }) {
  if (!event) return <li>{t('conflictOneSide')}</li>;
  return (
    <li data-event={event.id}>
      <time dateTime={event.at}>{when.format(new Date(event.at))}</time>
      {event.by && (
        <>
          {' · '}
          <bdi>{event.by}</bdi>
        </>
      )}
      : {describeEvent(event, escalation)}
    </li>
  );
}

export function Conflicts({ escalation }: { escalation: Escalation }) {
  if (!escalation.conflicts?.length) return null;
  return (
    <section class="conflicts notice" role="alert" aria-labelledby="conflicts-title">
      <h3 id="conflicts-title">{t('conflictsTitle')}</h3>
      <p>{t('conflictsIntro')}</p>
      {escalation.conflicts.map((c) => (
        <div key={c.later.id} data-conflict={c.kind}>
          <p>{t(WHAT[c.kind])}</p>
          <ol>
            <Side event={c.earlier} escalation={escalation} />
            <Side event={c.later} escalation={escalation} />
          </ol>
          {c.notApplied && <p>{t('conflictNotAppliedBecause', { reason: c.notApplied })}</p>}
        </div>
      ))}
    </section>
  );
}
