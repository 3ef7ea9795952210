// The dashboard's filters and sort orders, and which rows of a long list are on
// screen. Pure: the page reads the filter from its address, narrows by an index
// (lib/db/escalations.ts `dashboardRows`), then applies the rest here.
import { dueBucket, type DueWindows } from './overview';
import { DISAGREEMENT_KINDS } from '../protocols/kinds';
import type { Escalation } from '../records/model';
import { awaitingAcknowledgement } from '../records/acknowledgement';
import { isDay, londonDay } from '../time/calendar';
import { protocolName } from '../escalation/describe';
import { aboutOf, subjectOf, type About } from '../records/about';

const STATUSES = ['open', 'resolved', 'withdrawn', 'all'] as const;
const DUE_CHOICES = ['overdue', 'due-today', 'due-this-week', 'later', 'no-clock'] as const;
const SORT_KEYS = ['due', 'child', 'reference', 'protocol', 'stage', 'kind', 'counterpart', 'status', 'raised', 'updated'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface DashboardFilter {
  status: (typeof STATUSES)[number];
  protocol?: string;
  stage?: string;
  due?: (typeof DUE_CHOICES)[number];
  agency?: string;
  counterpart?: string;
  kind?: keyof typeof DISAGREEMENT_KINDS;
  /** The concern was raised on or after this London day. */
  from?: string;
  /** … and on or before this one. */
  to?: string;
  child?: string;
  /** 'not-yet': open, and its current stage not yet acknowledged by the person escalated to. */
  acknowledged?: 'not-yet';
  /** Issue 36: about one child, or a theme across several children. */
  about?: About;
  sort: SortKey;
  order: 'asc' | 'desc';
}

const DEFAULT_FILTER: DashboardFilter = { status: 'open', sort: 'due', order: 'asc' };

/**
 * A filter from the page's address (`#status=open&due=overdue`): anything unreadable falls back to its default.
 * Read by hand, not by a schema: it runs before the dashboard's first paint, which must not wait for the schema library.
 */
export function filterFromParams(params: URLSearchParams): DashboardFilter {
  const value = (key: string) => params.get(key) || undefined;
  const oneOf = <T extends string>(key: string, choices: readonly T[]) => choices.find((c) => c === value(key));
  const text = (key: string, max: number) => ((value(key)?.length ?? 0) <= max ? value(key) : undefined);
  const day = (key: string) => (isDay(value(key)) ? value(key) : undefined);
  const stage = value('stage');
  return {
    status: oneOf('status', STATUSES) ?? DEFAULT_FILTER.status,
    protocol: text('protocol', 64),
    stage: stage && /^(initial|stage-\d)$/.test(stage) ? stage : undefined,
    due: oneOf('due', DUE_CHOICES),
    agency: text('agency', 200),
    counterpart: text('counterpart', 200),
    kind: oneOf('kind', Object.keys(DISAGREEMENT_KINDS) as (keyof typeof DISAGREEMENT_KINDS)[]),
    from: day('from'),
    to: day('to'),
    child: text('child', 64),
    acknowledged: oneOf('acknowledged', ['not-yet'] as const),
    about: oneOf('about', ['child', 'theme'] as const),
    sort: oneOf('sort', SORT_KEYS) ?? DEFAULT_FILTER.sort,
    order: oneOf('order', ['asc', 'desc'] as const) ?? DEFAULT_FILTER.order,
  };
}

/** The address for a filter, leaving defaults out so links stay short. */
export function filterToParams(filter: DashboardFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== DEFAULT_FILTER[key as keyof DashboardFilter]) params.set(key, String(value));
  }
  return params;
}

/** Which index narrows the rows first: the most selective criterion an index can answer. */
export type IndexedNarrowing =
  | { index: 'nextDueAt'; below?: string; above?: string; aboveInclusive?: boolean; belowInclusive?: boolean }
  | { index: 'status'; equals: Escalation['status'] }
  | { index: 'protocolId'; equals: string }
  | { index: 'none' };

export function indexedNarrowing(filter: DashboardFilter, windows: DueWindows): IndexedNarrowing {
  // Only open escalations with a clock are in the nextDueAt index.
  switch (filter.due) {
    case 'overdue':
      return { index: 'nextDueAt', below: windows.now };
    case 'due-today':
      return { index: 'nextDueAt', above: windows.now, aboveInclusive: true, below: windows.endOfToday, belowInclusive: true };
    case 'due-this-week':
      return { index: 'nextDueAt', above: windows.endOfToday, below: windows.endOfWeek, belowInclusive: true };
    case 'later':
      return { index: 'nextDueAt', above: windows.endOfWeek };
  }
  if (filter.status !== 'all') return { index: 'status', equals: filter.status };
  if (filter.protocol) return { index: 'protocolId', equals: filter.protocol };
  return { index: 'none' };
}

/**
 * The key range on an index that a narrowing reads (null: the whole store). Dexie (lib/db/escalations.ts) and the
 * dashboard's first read straight from IndexedDB (lib/db/first-screen.ts) both take it from here.
 */
export interface NarrowingRange {
  index: Exclude<IndexedNarrowing['index'], 'none'>;
  lower: string;
  upper: string;
  lowerOpen: boolean;
  upperOpen: boolean;
}

export function narrowingRange(narrowing: IndexedNarrowing): NarrowingRange | null {
  switch (narrowing.index) {
    case 'nextDueAt': {
      // No lower bound: from the empty string, which sorts before every date.
      const { above = '', below = '\uffff', aboveInclusive = false, belowInclusive = false } = narrowing;
      return { index: 'nextDueAt', lower: above, upper: below, lowerOpen: !(aboveInclusive || above === ''), upperOpen: !belowInclusive };
    }
    case 'status':
    case 'protocolId':
      return { index: narrowing.index, lower: narrowing.equals, upper: narrowing.equals, lowerOpen: false, upperOpen: false };
    case 'none':
      return null;
  }
}

const contains = (haystack: string | undefined, needle: string) => (haystack ?? '').toLowerCase().includes(needle.toLowerCase());

/** Whether an escalation passes every criterion of the filter. */
export function matchesFilter(e: Escalation, filter: DashboardFilter, windows: DueWindows): boolean {
  if (filter.status !== 'all' && e.status !== filter.status) return false;
  if (filter.protocol && e.protocolId !== filter.protocol) return false;
  if (filter.stage && e.currentStage !== filter.stage) return false;
  if (filter.kind && e.kind !== filter.kind) return false;
  if (filter.due && dueBucket(e, windows) !== filter.due) return false;
  if (filter.child && !contains(subjectOf(e), filter.child.trim())) return false;
  if (filter.acknowledged === 'not-yet' && !awaitingAcknowledgement(e)) return false;
  if (filter.about && aboutOf(e) !== filter.about) return false;
  if (filter.agency && !contains(e.raisedBy.agency, filter.agency) && !e.counterparts.some((c) => contains(c.agency, filter.agency!)))
    return false;
  if (filter.counterpart && !e.counterparts.some((c) => contains(`${c.name} ${c.role} ${c.agency}`, filter.counterpart!))) return false;
  if (filter.from || filter.to) {
    const raised = londonDay(e.concernRaisedAt);
    if (filter.from && raised < filter.from) return false;
    if (filter.to && raised > filter.to) return false;
  }
  return true;
}

export const stageOrder = (stageId: string) => (stageId === 'initial' ? 0 : Number(stageId.replace('stage-', '')) || 0);

const SORT_VALUES: Record<SortKey, (e: Escalation) => string | number> = {
  // No clock sorts after every due date.
  due: (e) => e.nextDueAt ?? '~',
  child: subjectOf,
  reference: (e) => e.reference,
  protocol: (e) => protocolName(e.protocolId),
  stage: (e) => stageOrder(e.currentStage),
  kind: (e) => e.kind,
  counterpart: (e) => e.counterparts[0]?.agency ?? '',
  status: (e) => e.status,
  raised: (e) => e.concernRaisedAt,
  updated: (e) => e.updatedAt,
};

// Names and IDs sort as people read them (2 before 10); dates and codes sort as text.
const collator = new Intl.Collator('en-GB', { numeric: true });
const BY_COLLATION = new Set<SortKey>(['child', 'reference', 'protocol', 'counterpart']);
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sorted copy; ties keep the most urgent first, then go by id, which is also how
 * the nextDueAt index orders equal dues, so a first screenful read straight from
 * the index (firstScreenFromIndex) is exactly the top of the full list.
 */
export function sortEscalations(rows: readonly Escalation[], sort: SortKey, order: 'asc' | 'desc'): Escalation[] {
  const value = SORT_VALUES[sort];
  const sign = order === 'asc' ? 1 : -1;
  const keyed = rows.map((e) => ({ e, v: value(e) }));
  keyed.sort((a, b) => {
    const byValue =
      typeof a.v === 'number'
        ? (a.v as number) - (b.v as number)
        : (BY_COLLATION.has(sort) ? collator.compare : compareText)(a.v as string, b.v as string);
    return sign * byValue || compareText(a.e.nextDueAt ?? '~', b.e.nextDueAt ?? '~') || compareText(a.e.id, b.e.id);
  });
  return keyed.map((k) => k.e);
}

/**
 * When the list is in due order with nothing but status and "due" chosen, its
 * first rows are the first rows of the nextDueAt index, and its length is an
 * index count: both take milliseconds, so the first screenful can be drawn
 * before every row has been read. Null when the full read is needed first.
 */
export function firstScreenFromIndex(filter: DashboardFilter, windows: DueWindows, limit: number): DashboardFirstScreen | null {
  const inMemory =
    filter.protocol ||
    filter.stage ||
    filter.kind ||
    filter.child ||
    filter.agency ||
    filter.counterpart ||
    filter.from ||
    filter.to ||
    filter.acknowledged ||
    filter.about;
  if (inMemory || filter.sort !== 'due' || filter.order !== 'asc') return null;
  // Only open escalations are in the nextDueAt index.
  if ((filter.status !== 'open' && filter.status !== 'all') || filter.due === 'no-clock') return null;
  const narrowing = indexedNarrowing(filter, windows);
  if (narrowing.index === 'nextDueAt') return { rows: narrowing, count: narrowing, limit };
  return { rows: { index: 'nextDueAt' }, count: narrowing, limit };
}

/** How to read the dashboard's first screenful: its first `limit` rows from the nextDueAt index, and the count. */
export interface DashboardFirstScreen {
  rows: Extract<IndexedNarrowing, { index: 'nextDueAt' }>;
  count: IndexedNarrowing;
  limit: number;
}

/** The rows to draw for a scroll position: those in view plus a few either side. */
export function visibleWindow(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 8,
): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + Math.ceil(viewportHeight / rowHeight) + overscan);
  return { start, end: Math.max(start, end) };
}
