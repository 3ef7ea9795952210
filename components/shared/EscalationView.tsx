import type { Escalation } from '../../lib/records/model';
import { DISAGREEMENT_KINDS } from '../../lib/protocols/kinds';
import { ladderView } from '../../lib/escalation/ladder';
import { newerVersion, versionMissing } from '../../lib/escalation/versions';
import { setsNoTimescale } from '../../lib/schedule/schedule';
import { STATUS_LABELS } from '../../lib/escalation/describe';
import { t } from '../../lib/strings';
import { plural } from '../../lib/time/format';
import { Actions, ResolutionDuties } from './Actions';
import type { InsertIntoRecord } from './CaseNotes';
import { History } from './History';
import { Conflicts } from './Conflicts';
import { SyncState } from './SyncState';
import { ImmediateRisk } from './ImmediateRisk';
import { Ladder, Clock } from './Ladder';
import { useEffect, useRef } from 'preact/hooks';
import { justStarted, now } from './now';
import { useProtocolInView } from './protocol-in-view';
import { settings } from './settings-signal';
import { protocolLanguage } from './protocol-language';
import { useChange } from './useChange';
import { records } from './useRecords';
import { protocolsChanged } from './catalogue';
import { lazyComponent } from './lazy';

// The case notes and forms (their templates and renderer) load just after the escalation is drawn: the first
// paint shows where it stands and what is due.
const CaseNotes = lazyComponent(() => import('./CaseNotes').then((m) => m.CaseNotes));

/** One escalation: where it stands, what is due, what to do next, and what happened. Away from a record page (the dashboard), notes can be copied but not inserted. */
export function EscalationView(props: { escalation: Escalation; by: string; insert?: InsertIntoRecord }) {
  void protocolsChanged.value; // the version it follows may arrive (a backup restored, a protocol imported)
  const missing = versionMissing(props.escalation);
  if (missing)
    return (
      <article class="escalation" aria-labelledby="escalation-title" data-reference={props.escalation.reference}>
        <h2 id="escalation-title">{props.escalation.reference}</h2>
        <p role="alert" class="error">
          {missing}
        </p>
      </article>
    );
  return <EscalationDetail {...props} />;
}

function EscalationDetail({ escalation, by, insert }: { escalation: Escalation; by: string; insert?: InsertIntoRecord }) {
  const view = ladderView(escalation, now.value, settings.value.values.closureDays, protocolLanguage());
  const current = view.stages.find((s) => s.status === 'current');
  void protocolsChanged.value; // a newer version installed while it is shown
  const newer = newerVersion(escalation);
  useProtocolInView(escalation.protocolId);
  const heading = useRef<HTMLHeadingElement>(null);
  const duty = useChange();
  useEffect(() => {
    if (justStarted.value) {
      justStarted.value = false;
      heading.current?.focus();
    }
  }, [escalation.id]);
  return (
    <article class="escalation" aria-labelledby="escalation-title" data-reference={escalation.reference}>
      {escalation.flags.immediateRisk && escalation.status === 'open' && <ImmediateRisk protocol={view.protocol} />}
      <h2 id="escalation-title" tabIndex={-1} ref={heading}>
        {escalation.reference} · <span class={`status ${escalation.status}`}>{STATUS_LABELS[escalation.status]}</span>
      </h2>
      <Conflicts escalation={escalation} />
      <SyncState id={escalation.id} />
      {newer && (
        <p class="notice" data-newer-version>
          {t('followsVersion', { version: newer.following, current: newer.current })}
        </p>
      )}
      <dl class="facts">
        <dt>{t('protocol')}</dt>
        <dd>{view.protocol.partnership}</dd>
        <dt>{t('about')}</dt>
        <dd>{DISAGREEMENT_KINDS[escalation.kind]}</dd>
        <dt>{t('with')}</dt>
        <dd>
          {escalation.counterparts.map((c, i) => (
            <span key={i}>
              {i > 0 && '; '}
              <bdi>{c.name}</bdi>, <bdi>{c.role}</bdi>, <bdi>{c.agency}</bdi>
            </span>
          ))}
        </dd>
        <dt>{t('runningFor')}</dt>
        <dd class="age">
          {t('calendarDaysSince', {
            calendar: plural(view.age.calendarDays, 'calendar day'),
            working: plural(view.age.workingDays, 'working day'),
          })}
        </dd>
        <dt>{t('stage')}</dt>
        <dd class="current-stage">{view.stages.find((s) => s.stage.id === escalation.currentStage)!.stage.title}</dd>
        {escalation.resolution && (
          <>
            <dt>{t('resolved')}</dt>
            <dd>{escalation.resolution.methodology}</dd>
          </>
        )}
      </dl>
      {current && current.clocks.length > 0 && (
        <section class="timers" aria-labelledby="timers-title">
          <h3 id="timers-title">{t('stageTimeLimits')}</h3>
          <ul class="clocks">
            {current.clocks.map((c) => (
              <Clock key={c.id} clock={c} live protocol={view.protocol} />
            ))}
          </ul>
        </section>
      )}
      {current && current.clocks.length === 0 && escalation.status === 'open' && (
        <p class="note">
          {setsNoTimescale(view.protocol, current.stage.id)
            ? t('noProtocolTimescale')
            : `${t('noClock')}${current.stage.clocks.some((c) => c.kind === 'agreed') ? t('untilTimeframe') : ''}.`}
        </p>
      )}
      {escalation.status === 'resolved' && <ResolutionDuties protocol={view.protocol} />}
      <Actions escalation={escalation} by={by} />
      <CaseNotes escalation={escalation} by={by} insert={insert} />
      <Ladder
        protocol={view.protocol}
        stages={view.stages}
        kind={escalation.kind}
        facts={escalation.facts ?? {}}
        onDuty={
          (stageId, dutyId) =>
            void duty
              .run((changeId) =>
                records.command({ kind: 'record', changeId, id: escalation.id, body: { type: 'duty-done', stageId, dutyId }, by }),
              )
              .catch(() => undefined) // the ladder shows the duty as not done until it is
        }
      />
      <History escalation={escalation} />
    </article>
  );
}
