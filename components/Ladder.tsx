import { formatDue } from '../lib/format';
import type { LadderClock, LadderStage } from '../lib/ladder';
import type { Protocol } from '../lib/protocols';
import { t } from '../lib/strings';
import { CounterpartLookup } from './CounterpartLookup';

const STATUS_TEXT: Record<LadderStage['status'], string> = {
  done: 'Done',
  current: 'Current stage',
  ahead: 'Not reached',
  'passed-over': 'Passed over',
  'resolved-here': 'Resolved here',
};

const day = (d: string) => formatDue(d).replace(/^\w+ /, '').replace(/ \d{4}$/, '');

function reasonText(r: LadderClock['notCounted'][number]['reason']): string {
  return r.kind === 'weekend' ? 'weekend' : r.kind === 'bank-holiday' ? `bank holiday (${r.name})` : r.name;
}

/** A clock with its time left; the non-working days it skips are explained on hover or focus. */
export function Clock({ clock, live }: { clock: LadderClock; live: boolean }) {
  const tipId = `tip-${clock.id}-${clock.due}`;
  const tip = clock.notCounted.map((n) => `${day(n.day)} is a ${reasonText(n.reason)}`).join('; ');
  return (
    <li class={`clock ${live ? clock.left.urgency : ''}`} data-clock={clock.id}>
      <span class="label" title={clock.quote}>
        {clock.label}
      </span>
      :{' '}
      <span class="when" tabIndex={tip ? 0 : undefined} aria-describedby={tip ? tipId : undefined}>
        {clock.left.dueText}
      </span>
      {live && (
        <strong class="left">
          {' '}
          {clock.left.text}
        </strong>
      )}
      {tip && (
        <span role="tooltip" id={tipId} class="tip">
          {t('notCounted')}: {tip}
        </span>
      )}
    </li>
  );
}

function DutyCondition({ onlyIf }: { onlyIf?: string }) {
  if (onlyIf === 'local-authority-childrens-services') return <> (local authority children’s services)</>;
  if (onlyIf === 'level-4-or-above') return <> (if Level 4 or above)</>;
  if (onlyIf === 'unresolved') return <> (if not resolved)</>;
  return null;
}

export function StageCard({
  view,
  protocol,
  onDuty,
}: {
  view: LadderStage;
  protocol: Protocol;
  onDuty?: (dutyId: string) => void;
}) {
  const { stage, status } = view;
  const live = status === 'current';
  return (
    <li class={`stage ${status}`} data-stage={stage.id} aria-current={live ? 'step' : undefined}>
      <h3>{stage.title}</h3>
      <p class="stage-status">{STATUS_TEXT[status]}</p>
      <p>
        <strong>{t('whoActs')}:</strong> {stage.who}
      </p>
      {stage.byAgency.length > 0 && (
        <details>
          <summary>Who that is in each agency</summary>
          <ul>
            {stage.byAgency.map((a) => (
              <li key={a.agency}>
                {a.agency}: {a.role}
              </li>
            ))}
          </ul>
        </details>
      )}
      {stage.notes.map((n) => (
        <p key={n.text} class="note" title={n.quote}>
          {n.text}
        </p>
      ))}
      {view.duties.length > 0 && !onDuty && (
        <div class="duties">
          <h4>{t('mustDo')}</h4>
          <ul>
            {view.duties.map(({ duty }) => (
              <li key={duty.id} title={duty.quote}>
                {duty.text}
                <DutyCondition onlyIf={duty.onlyIf} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {view.duties.length > 0 && onDuty && (
        <fieldset class="duties">
          <legend>{t('mustDo')}</legend>
          {view.duties.map(({ duty, done }) => (
            <label key={duty.id} class="check" title={duty.quote}>
              <input
                type="checkbox"
                checked={done}
                disabled={!live}
                aria-describedby={done ? `done-${stage.id}-${duty.id}` : undefined}
                // The history keeps what was done: a duty once recorded cannot be unticked.
                onClick={(e) => done && e.preventDefault()}
                onChange={() => !done && onDuty(duty.id)}
              />
              <span>
                {duty.text}
                <DutyCondition onlyIf={duty.onlyIf} />
                {done && (
                  <span id={`done-${stage.id}-${duty.id}`} class="visually-hidden">
                    {' '}
                    (recorded as done)
                  </span>
                )}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {view.clocks.length > 0 && (
        <ul class="clocks" aria-label={t('timeLimits')}>
          {view.clocks.map((c) => (
            <Clock key={c.id} clock={c} live={live} />
          ))}
        </ul>
      )}
      {protocol.seniority && stage.id !== 'initial' && live && <CounterpartLookup protocol={protocol} />}
    </li>
  );
}

/** Every stage of a protocol in order: who acts, what must be done, and its clocks. */
export function Ladder({ protocol, stages, onDuty }: { protocol: Protocol; stages: LadderStage[]; onDuty?: (stageId: string, dutyId: string) => void }) {
  return (
    <section aria-labelledby="ladder-title">
      <h2 id="ladder-title">{protocol.title}</h2>
      <p class="source">
        {protocol.partnership} · {protocol.source.version}
      </p>
      {protocol.timescalesNote && <p class="note">{protocol.timescalesNote.text}</p>}
      <ol class="ladder">
        {stages.map((view) => (
          <StageCard key={view.stage.id} view={view} protocol={protocol} onDuty={onDuty ? (dutyId) => onDuty(view.stage.id, dutyId) : undefined} />
        ))}
      </ol>
    </section>
  );
}
