// Every escalation in one table: filter, sort, search by child ID. Only the
// rows in view are drawn, so ten thousand scroll as smoothly as ten.
import { escalationCount, t } from '../../lib/strings';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TargetedEvent } from 'preact';
import { calendarsByNation, type Calendar } from '../../lib/time/calendar';
import { protocolCalendar } from '../../lib/protocols';
import {
  filterFromParams,
  filterToParams,
  firstScreenFromIndex,
  indexedNarrowing,
  matchesFilter,
  sortEscalations,
  visibleWindow,
  type DashboardFilter,
  type SortKey,
} from '../../lib/views/dashboard';
import { protocolShortName, stageShortName, STATUS_LABELS } from '../../lib/escalation/describe';
import type { DashboardRows, RecordsQuery } from '../../lib/messages/records';
import { DUE_BUCKET_LABELS, dueWindows, type DueWindows } from '../../lib/views/overview';
import { listProtocols } from '../../lib/protocols';
import { DISAGREEMENT_KINDS } from '../../lib/protocols/kinds';
import type { Escalation } from '../../lib/records/model';
import { awaitingAcknowledgement } from '../../lib/records/acknowledgement';
import { timeLeft } from '../../lib/time/timer';
import { address, replaceAddress } from './address';
import { markFrame } from '../shared/marks';
import { Field, Options } from '../shared/Field';
import { now } from '../shared/now';
import { settings } from '../shared/settings-signal';
import { askEarly, useRecords } from '../shared/useRecords';
import { subjectOf } from '../../lib/records/about';

/** Every row is this tall, so which rows are in view is a division. */
const ROW_HEIGHT = 44;
/** Enough rows for the tallest screen, read first from the index. */
const EARLY_ROWS = 60;

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'child', label: t('childId') },
  { key: 'reference', label: t('reference') },
  { key: 'protocol', label: t('protocol') },
  { key: 'stage', label: t('stage') },
  { key: 'kind', label: t('about') },
  { key: 'counterpart', label: t('counterpartColumn') },
  { key: 'status', label: t('status') },
  { key: 'due', label: t('due') },
  { key: 'raised', label: t('concernRaised') },
];

const raisedFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });

function Row({ e, index, calendar }: { e: Escalation; index: number; calendar: Calendar }) {
  const left = e.status === 'open' && e.nextDue ? timeLeft(e.nextDue, now.value, calendar) : null;
  const others = e.counterparts.length - 1;
  return (
    <tr aria-rowindex={index + 2} data-escalation={e.id} style={{ height: `${ROW_HEIGHT}px` }}>
      <td>
        {e.theme && <span class="marker">{t('themeMarker')}</span>}{' '}
        <a href={`#view=escalation&id=${encodeURIComponent(e.id)}`}>{subjectOf(e)}</a>
      </td>
      <td>{e.reference}</td>
      <td>{protocolShortName(e.protocolId)}</td>
      <td>{stageShortName(e.protocolId, e.currentStage)}</td>
      <td>{DISAGREEMENT_KINDS[e.kind]}</td>
      <td>
        <bdi>{e.counterparts[0]?.agency}</bdi>
        {others > 0 && ` +${others}`}
      </td>
      <td>
        {STATUS_LABELS[e.status]}
        {awaitingAcknowledgement(e) && <span class="not-acknowledged"> · {t('notYetAcknowledged')}</span>}
      </td>
      <td class={left ? `due ${left.urgency}` : ''}>{left ? left.text : e.status === 'open' ? t('noTimeLimitRunning') : '—'}</td>
      <td>{raisedFormat.format(new Date(e.concernRaisedAt))}</td>
    </tr>
  );
}

function Filters({ filter, set }: { filter: DashboardFilter; set: (change: Partial<DashboardFilter>) => void }) {
  const value = (key: 'child' | 'agency' | 'counterpart' | 'from' | 'to') => ({
    id: `filter-${key}`,
    value: filter[key] ?? '',
    onInput: (e: TargetedEvent<HTMLInputElement>) => set({ [key]: e.currentTarget.value || undefined }),
  });
  const text = (key: 'child' | 'agency' | 'counterpart', label: string) => (
    <Field id={`filter-${key}`} label={label}>
      <input type="search" {...value(key)} />
    </Field>
  );
  const day = (key: 'from' | 'to', label: string) => (
    <Field id={`filter-${key}`} label={label}>
      <input type="date" {...value(key)} />
    </Field>
  );
  const choose = <K extends 'status' | 'protocol' | 'stage' | 'due' | 'kind' | 'acknowledged' | 'about'>(
    key: K,
    label: string,
    options: [string, string][],
    any?: string,
  ) => (
    <Field id={`filter-${key}`} label={label}>
      <select
        id={`filter-${key}`}
        value={(filter[key] as string | undefined) ?? ''}
        onChange={(e) => set({ [key]: e.currentTarget.value || undefined })}
      >
        <Options first={any} list={options} />
      </select>
    </Field>
  );
  const protocol = filter.protocol ? listProtocols().find((p) => p.id === filter.protocol) : undefined;
  const stages: [string, string][] = protocol
    ? protocol.stages.map((s) => [s.id, stageShortName(protocol.id, s.id)])
    : ['initial', 'stage-1', 'stage-2', 'stage-3', 'stage-4', 'stage-5'].map((id) => [
        id,
        id === 'initial' ? t('initialDiscussion') : t('stageStepLevel', { n: id.slice(6) }),
      ]);
  return (
    <form role="search" aria-label={t('filterEscalations')} class="filters" onSubmit={(e) => e.preventDefault()}>
      {text('child', t('childId'))}
      {choose('status', t('status'), [
        ['open', STATUS_LABELS.open],
        ['resolved', STATUS_LABELS.resolved],
        ['withdrawn', STATUS_LABELS.withdrawn],
        ['all', t('anyStatus')],
      ])}
      {choose(
        'due',
        t('due'),
        Object.entries(DUE_BUCKET_LABELS).filter(([k]) => k !== 'closed'),
        t('anyTime'),
      )}
      {choose(
        'protocol',
        t('protocol'),
        listProtocols().map((p) => [p.id, p.partnership]),
        t('anyProtocol'),
      )}
      {choose('stage', t('stage'), stages, t('anyStage'))}
      {choose('kind', t('about'), Object.entries(DISAGREEMENT_KINDS), t('anyKind'))}
      {choose('acknowledged', t('acknowledgedFilter'), [['not-yet', t('notYetAcknowledged')]], t('acknowledgedOrNot'))}
      {choose(
        'about',
        t('aboutFilter'),
        [
          ['child', t('aboutChild')],
          ['theme', t('aboutTheme')],
        ],
        t('aboutAny'),
      )}
      {text('agency', t('agency'))}
      {text('counterpart', t('counterpartColumn'))}
      {day('from', t('concernRaisedFrom'))}
      {day('to', t('concernRaisedTo'))}
      <button type="button" onClick={() => replaceAddress(new URLSearchParams())}>
        {t('clearFilters')}
      </button>
    </form>
  );
}

/** What the list asks of the records: the rows an index picks out, and its first screenful first when it can. */
function listQuery(filter: DashboardFilter, windows: DueWindows): RecordsQuery<'dashboard-rows'> {
  const firstScreen = firstScreenFromIndex(filter, windows, EARLY_ROWS);
  return { kind: 'dashboard-rows', narrowing: indexedNarrowing(filter, windows), ...(firstScreen ? { firstScreen } : {}) };
}

/** Asks for the list the page's address shows, before anything is drawn (the page's entry). */
export function askFirstScreen(): void {
  if (address.value.get('view')) return; // another view: not the list
  askEarly(listQuery(filterFromParams(address.value), dueWindows(now.value)));
}

export function EscalationList({ params }: { params: URLSearchParams }) {
  // The filter is the address's text: one object for one text, so what is worked out from it is kept while it stands.
  const key = params.toString();
  const filter = useMemo(() => filterFromParams(new URLSearchParams(key)), [key]);
  const set = (change: Partial<DashboardFilter>) => replaceAddress(filterToParams({ ...filter, ...change }));
  const today = now.value;
  const windows = useMemo(() => dueWindows(today), [today]);
  // An index picks out the rows first (overdue, a status, a protocol); the rest is filtered here. When the filter
  // allows, the first answer is the first screenful straight from the index, then how many match, and every row
  // only once those are drawn (lib/browser/records-here.ts): the first paint needs no database library.
  const rows = useRecords(listQuery(filter, windows));
  // The same filter asked again as the clock moves on (a due filter's window): what it showed stays until the new answer.
  const last = useRef<{ key: string; answer: DashboardRows } | null>(null);
  if (rows.value) last.current = { key, answer: rows.value };
  const answer = rows.value ?? (last.current?.key === key ? last.current.answer : undefined);
  const every = answer?.every ? answer.rows : null;
  const full = useMemo(
    () =>
      every
        ? sortEscalations(
            every.filter((e) => matchesFilter(e, filter, windows)),
            filter.sort,
            filter.order,
          )
        : null,
    [every, filter, windows],
  );
  const fromIndex = answer && !answer.every ? answer : null;
  const shown = full ?? fromIndex?.rows ?? null;
  // How many match: counted a moment after the first screenful is read, or known once every row is read.
  const total = full ? full.length : fromIndex?.total;
  const closureDays = settings.value.values.closureDays;
  const calendars = useMemo(() => calendarsByNation(closureDays), [closureDays]);
  const scroller = useRef<HTMLDivElement>(null);
  const hasRows = shown !== null; // the scroller is drawn once there are rows
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasRows]);
  // A new filter starts at the top of the list.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
    setScrollTop(0);
  }, [key]);
  useEffect(() => void (document.title = t('pageTitleDashboard')), []);
  // When rows first show (perhaps the first screenful from the index), and when every row is in, for `npm run bench`.
  useLayoutEffect(() => void (shown && markFrame('dashboard-rows')), [shown]);
  useLayoutEffect(() => void (full && markFrame('dashboard-all-rows')), [full]);
  useLayoutEffect(() => void (shown && total !== undefined && markFrame('dashboard-total')), [shown, total]);

  const sortBy = (key: SortKey) => set({ sort: key, order: filter.sort === key && filter.order === 'asc' ? 'desc' : 'asc' });
  // Until it is counted, the list is as long as the rows it has.
  const rowCount = total ?? shown?.length ?? 0;
  const { start, end } = visibleWindow(scrollTop, viewport, ROW_HEIGHT, rowCount);
  // Before every row is read, rows past the first screenful are not there yet.
  const drawnEnd = Math.max(start, Math.min(end, shown?.length ?? 0));
  return (
    <>
      {/* Issue 36: a disagreement about practice across several children needs no child on any page. */}
      <p class="start-theme">
        <a href="#view=start-theme">{t('startTheme')}</a>
      </p>
      <Filters filter={filter} set={set} />
      {rows.error && (
        <p role="alert" class="error">
          {rows.error.message}
        </p>
      )}
      <p role="status" class="result-count">
        {shown === null ? t('loading') : total === undefined ? t('countingEscalations') : escalationCount(total)}
      </p>
      {shown && (
        <div class="scroller" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
          <table
            class="records dashboard-table"
            // -1: how many rows there are is not known yet (ARIA's word for it), until the count comes.
            aria-rowcount={total === undefined ? -1 : total + 1}
            aria-busy={full ? undefined : 'true'}
          >
            <caption class="visually-hidden">{t('listCaption')}</caption>
            <thead>
              <tr aria-rowindex={1}>
                {COLUMNS.map((c) => (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={filter.sort === c.key ? (filter.order === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    <button type="button" class="sort" onClick={() => sortBy(c.key)}>
                      {c.label}
                      <span aria-hidden="true">{filter.sort === c.key ? (filter.order === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {start > 0 && (
                <tr role="presentation" class="spacer" style={{ height: `${start * ROW_HEIGHT}px` }}>
                  <td colSpan={COLUMNS.length} />
                </tr>
              )}
              {shown.slice(start, end).map((e, i) => (
                <Row key={e.id} e={e} index={start + i} calendar={calendars(protocolCalendar(e))} />
              ))}
              {drawnEnd < rowCount && (
                <tr role="presentation" class="spacer" style={{ height: `${(rowCount - drawnEnd) * ROW_HEIGHT}px` }}>
                  <td colSpan={COLUMNS.length} />
                </tr>
              )}
            </tbody>
          </table>
          {total === 0 && <p class="empty">{t('noMatches')}</p>}
        </div>
      )}
    </>
  );
}
