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
  type DashboardFirstScreen,
  type SortKey,
} from '../../lib/views/dashboard';
import { protocolShortName, stageShortName, STATUS_LABELS } from '../../lib/escalation/describe';
import { readFirstScreen, type FirstScreen } from '../../lib/db/first-screen';
import { DUE_BUCKET_LABELS, dueWindows } from '../../lib/views/overview';
import { listProtocols } from '../../lib/protocols';
import { DISAGREEMENT_KINDS } from '../../lib/protocols/kinds';
import type { Escalation } from '../../lib/records/model';
import { timeLeft } from '../../lib/time/timer';
import { address, replaceAddress } from './address';
import { markFrame } from '../shared/marks';
import { Field, Options } from '../shared/Field';
import { now } from '../shared/now';
import { settings } from '../shared/settings-signal';
import { useLive } from '../shared/useLive';

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
        <a href={`#view=escalation&id=${encodeURIComponent(e.id)}`}>{e.child.childId}</a>
      </td>
      <td>{e.reference}</td>
      <td>{protocolShortName(e.protocolId)}</td>
      <td>{stageShortName(e.protocolId, e.currentStage)}</td>
      <td>{DISAGREEMENT_KINDS[e.kind]}</td>
      <td>
        <bdi>{e.counterparts[0]?.agency}</bdi>
        {others > 0 && ` +${others}`}
      </td>
      <td>{STATUS_LABELS[e.status]}</td>
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
  const choose = <K extends 'status' | 'protocol' | 'stage' | 'due' | 'kind'>(
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

/** The first screenful read as the page starts, by its plan: used once, when the list is drawn. */
let asked: { plan: string; answer: FirstScreen } | undefined;

function firstScreenAnswer(plan: DashboardFirstScreen): FirstScreen {
  const key = JSON.stringify(plan);
  const early = asked?.plan === key ? asked.answer : undefined;
  asked = undefined;
  return early ?? readFirstScreen(plan);
}

/** Reads the first screenful of the list the page's address shows, before anything is drawn (the page's entry). */
export function askFirstScreen(): void {
  if (address.value.get('view')) return; // another view: not the list
  const plan = firstScreenFromIndex(filterFromParams(address.value), dueWindows(now.value), EARLY_ROWS);
  if (plan) asked = { plan: JSON.stringify(plan), answer: readFirstScreen(plan) };
}

export function EscalationList({ params }: { params: URLSearchParams }) {
  const filter = filterFromParams(params);
  const set = (change: Partial<DashboardFilter>) => replaceAddress(filterToParams({ ...filter, ...change }));
  const windows = dueWindows(now.value);
  // An index picks out the rows first (overdue, a status, a protocol); the rest is filtered here.
  const narrowing = indexedNarrowing(filter, windows);
  const key = params.toString();
  // When the filter allows, the first screenful is drawn straight from the index (lib/db/first-screen.ts, read as
  // the page starts, without Dexie), and every row is read here only once it is on screen: the first paint needs
  // no database library, and reading thousands of rows at the same time (each copied on this page's thread) would
  // hold up the first screen's answer.
  const plan = firstScreenFromIndex(filter, windows, EARLY_ROWS);
  const [firstScreenDrawn, setFirstScreenDrawn] = useState<string | null>(null);
  const readEveryRow = !plan || firstScreenDrawn === key;
  const rows = useLive(
    () => (readEveryRow ? import('./every-row').then((m) => m.everyRow(narrowing)) : null),
    [JSON.stringify(narrowing), readEveryRow],
  );
  const full = useMemo(
    () =>
      rows.value
        ? sortEscalations(
            rows.value.filter((e) => matchesFilter(e, filter, windows)),
            filter.sort,
            filter.order,
          )
        : null,
    [rows.value, key, windows.now],
  );
  const [early, setEarly] = useState<{ key: string; rows: Escalation[] } | null>(null);
  // The count for a filter, read with its first screenful: total undefined when it could not be read that way.
  const [counted, setCounted] = useState<{ key: string; total?: number } | null>(null);
  // Taken up as soon as the list is committed, not after the browser paints it: the answer may be in already.
  useLayoutEffect(() => {
    if (!plan) return;
    // An answer for a filter no longer shown is dropped (it would otherwise replace the one shown).
    let shownNow = true;
    // No answer (the records could not be read there): every row is read here instead, and its error shown if it has one.
    const readHere = () => void (shownNow && setFirstScreenDrawn(key));
    const answer = firstScreenAnswer(plan);
    void answer.rows.then((rows) => (rows ? void (shownNow && setEarly({ key, rows })) : readHere()), readHere);
    // Not counted there: the total comes when every row is read.
    const count = (total?: number) => void (shownNow && setCounted({ key, total }));
    void answer.total.then(count, () => count());
    return () => void (shownNow = false);
  }, [key]);
  const fromIndex = !full && early?.key === key ? early : null;
  const countAnswered = counted?.key === key;
  // Once the first screenful is painted (the frame after it is drawn) and counted, every row is read: reading
  // thousands of rows here first would hold up the count's answer.
  useEffect(() => {
    if (!fromIndex || !countAnswered || firstScreenDrawn === key) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setFirstScreenDrawn(key))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [fromIndex, countAnswered, key]);
  const shown = full ?? fromIndex?.rows ?? null;
  // How many match: counted a moment after the first screenful is read, or known once every row is read.
  const total = full ? full.length : countAnswered ? counted.total : undefined;
  const calendars = useMemo(() => calendarsByNation(settings.value.values.closureDays), [settings.value]);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, [shown !== null]);
  // A new filter starts at the top of the list.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
    setScrollTop(0);
  }, [params.toString()]);
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
