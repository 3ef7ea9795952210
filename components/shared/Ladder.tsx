import { formatDue } from '../../lib/time/format';
import type { LadderClock, LadderStage } from '../../lib/escalation/ladder';
import type { Protocol } from '../../lib/protocols';
import type { Condition, Counterpart, Duty, ProtocolNote } from '../../lib/protocols/schema';
import { DISAGREEMENT_KINDS } from '../../lib/protocols/kinds';
import { rolesFor, routesFor } from '../../lib/escalation/applies';
import type { FactValue } from '../../lib/schedule/schedule';
import { t, type StringKey } from '../../lib/strings';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { CounterpartLookup } from './CounterpartLookup';

/** Whether each rule's sentence from the document is printed beside it (the protocol preview) or shown on hover (the panel). */
export const QuotesShown = createContext(false);

/** The escalation's recorded answers (none in a preview), which decide the roles each agency sees. */
const Facts = createContext<Readonly<Record<string, FactValue>>>({});

/** The document's own words for a rule, where they are printed. */
function Quoted({ text }: { text?: string }) {
  return useContext(QuotesShown) && text ? <q class="quote">{text}</q> : null;
}

const STATUS_TEXT: Record<LadderStage['status'], StringKey> = {
  done: 'stageDone',
  current: 'stageCurrent',
  ahead: 'stageAhead',
  'passed-over': 'stagePassedOver',
  'resolved-here': 'stageResolvedHere',
};

const day = (d: string) =>
  formatDue(d)
    .replace(/^\w+ /, '')
    .replace(/ \d{4}$/, '');

function reasonText(r: LadderClock['notCounted'][number]['reason']): string {
  return r.kind === 'weekend' ? 'weekend' : r.kind === 'bank-holiday' ? `bank holiday (${r.name})` : r.name;
}

/** A clock with its time left; the non-working days it skips are explained on hover or focus. */
export function Clock({ clock, live, protocol }: { clock: LadderClock; live: boolean; protocol?: Protocol }) {
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
      {clock.agreedBetweenYou && <span class="agreed-note"> ({t('protocolSetsNoTimescale')})</span>}
      {clock.condition && protocol && (
        <span class="condition">
          {' '}
          ({conditionWords(protocol, clock.condition)}
          {clock.condition.known ? '' : `; ${t('notYetAnswered')}`})
        </span>
      )}
      {live && <strong class="left"> {clock.left.text}</strong>}
      <Quoted text={clock.quote} />
      {tip && (
        <span role="tooltip" id={tipId} class="tip">
          {t('notCounted')}: {tip}
        </span>
      )}
    </li>
  );
}

/** A second-edition condition in words: the protocol's question and the answer it needs. */
export function conditionWords(protocol: Protocol, condition: Condition): string {
  const fact = protocol.facts?.find((f) => f.id === condition.fact);
  if (!fact) return condition.fact;
  const answer =
    typeof condition.is === 'boolean'
      ? t(condition.is ? 'answerYes' : 'answerNo')
      : (fact.choices?.find((c) => c.id === condition.is)?.label ?? String(condition.is));
  return t('ifAnswer', { question: fact.question, answer });
}

function DutyCondition({ onlyIf, protocol }: { onlyIf?: Duty['onlyIf']; protocol?: Protocol }) {
  if (typeof onlyIf === 'object') return protocol ? <> ({conditionWords(protocol, onlyIf)})</> : null;
  if (onlyIf === 'local-authority-childrens-services') return <> ({t('ifLocalAuthority')})</>;
  // Enfield's Level 4 is a seniority level on its table of corresponding roles, not Step 4.
  if (onlyIf === 'level-4-or-above') return <> ({t('ifLevel4')})</>;
  if (onlyIf === 'unresolved') return <> ({t('ifUnresolved')})</>;
  return null;
}

/** Guidance in the document's words (on hover), with who that is in each setting where it says. */
function Note({ note, protocol }: { note: ProtocolNote; protocol?: Protocol }) {
  return (
    <div class="note" title={note.quote}>
      <p>{note.text}</p>
      <Quoted text={note.quote} />
      {note.byAgency && <AgencyRoles roles={note.byAgency} protocol={protocol} />}
    </div>
  );
}

/** Who that is in each agency: only the worker's own row once they have said their agency, each row's condition until then. */
function AgencyRoles({ roles, protocol }: { roles: readonly Counterpart[]; protocol?: Protocol }) {
  const shown = rolesFor(roles, useContext(Facts));
  if (shown.length === 0) return null;
  return (
    <ul class="agency-roles">
      {shown.map((a) => (
        <li key={`${a.agency}-${a.role}`}>
          {a.agency}: {a.role}
          {a.condition && protocol && (
            <span class="condition">
              {' '}
              ({conditionWords(protocol, a.condition)}; {t('notYetAnswered')})
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A headed list of rules in plain English, each with the document's sentence on hover. */
export function QuotedList({
  heading,
  items,
  class: className,
  protocol,
}: {
  heading: string;
  items: { text: string; quote: string; onlyIf?: Duty['onlyIf'] }[];
  class: string;
  protocol?: Protocol;
}) {
  if (items.length === 0) return null;
  return (
    <div class={className}>
      <h4>{heading}</h4>
      <ul>
        {items.map((item) => (
          <li key={item.text} title={item.quote}>
            {item.text}
            <DutyCondition onlyIf={item.onlyIf} protocol={protocol} />
            <Quoted text={item.quote} />
          </li>
        ))}
      </ul>
    </div>
  );
}

export function StageCard({ view, protocol, onDuty }: { view: LadderStage; protocol: Protocol; onDuty?: (dutyId: string) => void }) {
  const { stage, status } = view;
  const live = status === 'current';
  const roles = rolesFor(stage.byAgency, useContext(Facts));
  return (
    <li class={`stage ${status}`} data-stage={stage.id} aria-current={live ? 'step' : undefined}>
      <h3>{stage.title}</h3>
      <p class="stage-status">{t(STATUS_TEXT[status])}</p>
      {/* Acknowledged (the person escalated to has seen it) is recorded apart from a response. */}
      {view.acknowledgedAt ? (
        <p class="acknowledged" data-acknowledged={stage.id}>
          {t('acknowledgedOn', { when: formatDue(view.acknowledgedAt) })}
        </p>
      ) : (
        live && onDuty && <p class="not-acknowledged">{t('notYetAcknowledged')}</p>
      )}
      <p>
        <strong>{t('whoActs')}:</strong> {stage.who}
      </p>
      <Quoted text={stage.whoQuote} />
      {roles.length > 0 && (
        <details>
          <summary>{t('whoInEachAgency')}</summary>
          <AgencyRoles roles={stage.byAgency} protocol={protocol} />
        </details>
      )}
      <QuotedList class="triggers" heading={t('whenThisStage')} items={stage.triggers} />
      {stage.notes.map((n) => (
        <Note key={n.text} note={n} protocol={protocol} />
      ))}
      {!onDuty && <QuotedList class="duties" heading={t('mustDo')} items={view.duties.map((d) => d.duty)} protocol={protocol} />}
      {view.duties.length > 0 && onDuty && (
        <fieldset class="duties">
          <legend>{t('mustDo')}</legend>
          {view.duties.map(({ duty, done, due }) => (
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
                <DutyCondition onlyIf={duty.onlyIf} protocol={protocol} />
                {due && (
                  <span class={`duty-due ${live && !done ? due.left.urgency : ''}`} title={due.quote} data-duty-due={duty.id}>
                    {' '}
                    ({due.label}: {due.left.dueText}
                    {live && !done ? `, ${due.left.text}` : ''})
                  </span>
                )}
                {done && (
                  <span id={`done-${stage.id}-${duty.id}`} class="visually-hidden">
                    {' '}
                    ({t('recordedAsDone')})
                  </span>
                )}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {(view.clocks.length > 0 || (view.agreedLater?.length ?? 0) > 0) && (
        <ul class="clocks" aria-label={t('timeLimits')}>
          {view.clocks.map((c) => (
            <Clock key={c.id} clock={c} live={live} protocol={protocol} />
          ))}
          {view.agreedLater?.map((c) => (
            <li key={c.id} class="clock" data-clock={c.id}>
              <span class="label">{c.label}</span>:{' '}
              {t(c.kind === 'agreed' && c.setBy === 'parties' ? 'protocolSetsNoTimescale' : 'agreedWhenStageStarts')}
              <Quoted text={c.quote} />
            </li>
          ))}
        </ul>
      )}
      {protocol.seniority && stage.id !== 'initial' && live && <CounterpartLookup protocol={protocol} />}
    </li>
  );
}

type Route = NonNullable<Protocol['routes']>[number];

/** A separate route: who decides, in the document's words, and its notes. */
function RouteCard({ route, protocol }: { route: Route; protocol: Protocol }) {
  return (
    <div class="note" title={route.quote} data-route={route.id}>
      <p>
        <strong>{route.title}:</strong> {route.who}
      </p>
      <Quoted text={route.quote} />
      {route.notes?.map((n) => (
        <Note key={n.text} note={n} protocol={protocol} />
      ))}
    </div>
  );
}

/**
 * Every stage of a protocol in order: who acts, what must be done, and its clocks. For an escalation (`kind` and
 * `facts` given), the route for its kind of disagreement comes first and the other routes are folded away.
 */
export function Ladder({
  protocol,
  stages,
  onDuty,
  kind,
  facts = {},
}: {
  protocol: Protocol;
  stages: LadderStage[];
  onDuty?: (stageId: string, dutyId: string) => void;
  kind?: keyof typeof DISAGREEMENT_KINDS;
  facts?: Readonly<Record<string, FactValue>>;
}) {
  const routes = routesFor(protocol, kind);
  return (
    <Facts.Provider value={facts}>
      <LadderSection protocol={protocol} stages={stages} onDuty={onDuty} kind={kind} routes={routes} />
    </Facts.Provider>
  );
}

function LadderSection({
  protocol,
  stages,
  onDuty,
  kind,
  routes,
}: {
  protocol: Protocol;
  stages: LadderStage[];
  onDuty?: (stageId: string, dutyId: string) => void;
  kind?: keyof typeof DISAGREEMENT_KINDS;
  routes: ReturnType<typeof routesFor>;
}) {
  return (
    <section aria-labelledby="ladder-title">
      <h2 id="ladder-title">{protocol.title}</h2>
      <p class="source">
        {protocol.partnership} · {protocol.source.version}
      </p>
      {protocol.scope && (
        <p class="scope" title={protocol.scope.quote}>
          {t('protocolScope')}: {protocol.scope.text} <Quoted text={protocol.scope.quote} />
        </p>
      )}
      {kind && routes.forThisKind.length > 0 && (
        <div class="route-for-kind" role="group" aria-labelledby="route-for-kind-title">
          <h3 id="route-for-kind-title">{t('routeForThisKind', { kind: DISAGREEMENT_KINDS[kind] })}</h3>
          {routes.forThisKind.map((r) => (
            <RouteCard key={r.id} route={r} protocol={protocol} />
          ))}
          <p class="note">{t('routeForThisKindNote')}</p>
        </div>
      )}
      {protocol.timescalesNote && (
        <p class="note" title={protocol.timescalesNote.quote}>
          {protocol.timescalesNote.text} <Quoted text={protocol.timescalesNote.quote} />
        </p>
      )}
      {protocol.notes.length > 0 && (
        <div class="protocol-notes" aria-label={t('protocolNotes')} role="group">
          {protocol.notes.map((n) => (
            <Note key={n.text} note={n} protocol={protocol} />
          ))}
        </div>
      )}
      {/* A preview shows every route as guidance; an escalation folds away the routes for other kinds. */}
      {routes.others.length > 0 && !kind && (
        <div class="routes" role="group" aria-label={t('otherRoutes')}>
          <h3>{t('otherRoutes')}</h3>
          {routes.others.map((r) => (
            <RouteCard key={r.id} route={r} protocol={protocol} />
          ))}
        </div>
      )}
      {routes.others.length > 0 && kind && (
        <details class="routes other-routes">
          <summary>{t('otherRoutesFolded')}</summary>
          {routes.others.map((r) => (
            <RouteCard key={r.id} route={r} protocol={protocol} />
          ))}
        </details>
      )}
      <ol class="ladder">
        {stages.map((view) => (
          <StageCard
            key={view.stage.id}
            view={view}
            protocol={protocol}
            onDuty={onDuty ? (dutyId) => onDuty(view.stage.id, dutyId) : undefined}
          />
        ))}
      </ol>
    </section>
  );
}
