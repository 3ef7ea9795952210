// The dashboard's filters and sort orders, and which rows of a long list are on
// screen. Pure: the page reads the filter from its address, narrows by an index
// (lib/escalations.ts `dashboardRows`), then applies the rest here.
import { z } from 'zod';
import { dueBucket, type DueWindows } from './overview';
import { DisagreementKindSchema, type Escalation } from './records/model';
import { londonDay } from './calendar';
import { protocolName } from './describe';

const Day = z.iso.date();
const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
const Optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional()).catch(undefined);

export const DashboardFilterSchema = z.object({
  status: z.enum(['open', 'resolved', 'withdrawn', 'all']).catch('open'),
  protocol: Optional(z.string().max(64)),
  stage: Optional(z.string().regex(/^(initial|stage-\d)$/)),
  due: Optional(z.enum(['overdue', 'due-today', 'due-this-week', 'later', 'no-clock'])),
  agency: Optional(z.string().max(200)),
  counterpart: Optional(z.string().max(200)),
  kind: Optional(DisagreementKindSchema),
  /** The concern was raised on or after this London day. */
  from: Optional(Day),
  /** … and on or before this one. */
  to: Optional(Day),
  child: Optional(z.string().max(64)),
  sort: z.enum(['due', 'child', 'reference', 'protocol', 'stage', 'kind', 'counterpart', 'status', 'raised', 'updated']).catch('due'),
  order: z.enum(['asc', 'desc']).catch('asc'),
});
export type DashboardFilter = z.output<typeof DashboardFilterSchema>;
export type SortKey = DashboardFilter['sort'];

/** A filter from the page's address (`#status=open&due=overdue`): anything unreadable falls back to its default. */
export function filterFromParams(params: URLSearchParams): DashboardFilter {
  return DashboardFilterSchema.parse(Object.fromEntries(params));
}

/** The address for a filter, leaving defaults out so links stay short. */
export function filterToParams(filter: DashboardFilter): URLSearchParams {
  const defaults = DashboardFilterSchema.parse({});
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== defaults[key as keyof DashboardFilter]) params.set(key, String(value));
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

const contains = (haystack: string | undefined, needle: string) => (haystack ?? '').toLowerCase().includes(needle.toLowerCase());

/** Whether an escalation passes every criterion of the filter. */
export function matchesFilter(e: Escalation, filter: DashboardFilter, windows: DueWindows): boolean {
  if (filter.status !== 'all' && e.status !== filter.status) return false;
  if (filter.protocol && e.protocolId !== filter.protocol) return false;
  if (filter.stage && e.currentStage !== filter.stage) return false;
  if (filter.kind && e.kind !== filter.kind) return false;
  if (filter.due && dueBucket(e, windows) !== filter.due) return false;
  if (filter.child && !contains(e.child.childId, filter.child.trim())) return false;
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

const stageOrder = (stageId: string) => (stageId === 'initial' ? 0 : Number(stageId.replace('stage-', '')) || 0);

const SORT_VALUES: Record<SortKey, (e: Escalation) => string | number> = {
  // No clock sorts after every due date.
  due: (e) => e.nextDueAt ?? '~',
  child: (e) => e.child.childId,
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
export function firstScreenFromIndex(
  filter: DashboardFilter,
  windows: DueWindows,
): { rows: Extract<IndexedNarrowing, { index: 'nextDueAt' }>; count: IndexedNarrowing } | null {
  const inMemory =
    filter.protocol || filter.stage || filter.kind || filter.child || filter.agency || filter.counterpart || filter.from || filter.to;
  if (inMemory || filter.sort !== 'due' || filter.order !== 'asc') return null;
  // Only open escalations are in the nextDueAt index.
  if ((filter.status !== 'open' && filter.status !== 'all') || filter.due === 'no-clock') return null;
  const narrowing = indexedNarrowing(filter, windows);
  if (narrowing.index === 'nextDueAt') return { rows: narrowing, count: narrowing };
  return { rows: { index: 'nextDueAt' }, count: narrowing };
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
