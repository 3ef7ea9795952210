import { describe, expect, it } from 'vitest';
import { filterFromParams, filterToParams, matchesFilter, sortEscalations, visibleWindow } from '../../lib/views/dashboard';
import { toCsv } from '../../lib/views/csv';
import { anonymisedListCsv, figuresCsv, median, partnershipFigures, quarterOf, recentQuarters } from '../../lib/views/figures';
import { dueBucket, dueWindows } from '../../lib/views/overview';
import { generateEscalations } from '../fixtures/generator';

const now = new Date('2026-11-25T10:00:00Z');
const { escalations } = generateEscalations({ count: 800, now, seed: 3 });
const w = dueWindows(now);
const filter = (params: Record<string, string>) => filterFromParams(new URLSearchParams(params));

describe('dashboard filters', () => {
  it('read from the address, with defaults for anything missing or unreadable', () => {
    expect(filter({})).toMatchObject({ status: 'open', sort: 'due', order: 'asc' });
    expect(filter({ status: 'nonsense', due: 'yesterday', kind: 'thresholds', from: '2026-13-40' })).toMatchObject({
      status: 'open',
      due: undefined,
      kind: 'thresholds',
      from: undefined,
    });
    expect(filter({ to: '2026-02-30', stage: 'stage-x', protocol: 'p'.repeat(65), sort: 'age', order: 'up', due: '' })).toEqual({
      status: 'open',
      sort: 'due',
      order: 'asc',
    });
    expect(filter({ status: 'all', stage: 'stage-2', to: '2028-02-29', sort: 'raised', order: 'desc', child: '12' })).toMatchObject({
      status: 'all',
      stage: 'stage-2',
      to: '2028-02-29',
      sort: 'raised',
      order: 'desc',
      child: '12',
    });
    expect(filterToParams(filter({ due: 'overdue', child: '' })).toString()).toBe('due=overdue');
  });
  it('combine: every row shown matches every criterion, and no matching row is left out', () => {
    const protocol = escalations.find((e) => dueBucket(e, w) === 'overdue')!.protocolId;
    const f = filter({ status: 'open', protocol, due: 'overdue' });
    const shown = escalations.filter((e) => matchesFilter(e, f, w));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((e) => e.status === 'open' && e.protocolId === protocol && dueBucket(e, w) === 'overdue')).toBe(true);
    expect(escalations.filter((e) => e.protocolId === protocol && dueBucket(e, w) === 'overdue').length).toBe(shown.length);
  });
  it('search by child ID, agency, counterpart, kind, stage and the date the concern was raised', () => {
    const child = escalations[10]!.child!.childId;
    expect(
      escalations.filter((e) => matchesFilter(e, filter({ status: 'all', child }), w)).every((e) => e.child!.childId.includes(child)),
    ).toBe(true);
    const police = escalations.filter((e) => matchesFilter(e, filter({ status: 'all', agency: 'police' }), w));
    expect(police.length).toBeGreaterThan(0);
    expect(police.every((e) => [e.raisedBy, ...e.counterparts].some((p) => p.agency === 'Police'))).toBe(true);
    const sam = escalations.filter((e) => matchesFilter(e, filter({ status: 'all', counterpart: 'sam reid' }), w));
    expect(sam.length).toBeGreaterThan(0);
    expect(sam.every((e) => e.counterparts.some((c) => c.name === 'Sam Reid'))).toBe(true);
    const october = escalations.filter((e) =>
      matchesFilter(e, filter({ status: 'all', from: '2026-10-01', to: '2026-10-31', kind: 'drift-or-delay', stage: 'stage-1' }), w),
    );
    expect(october.length).toBeGreaterThan(0);
    expect(
      october.every(
        (e) =>
          e.concernRaisedAt >= '2026-09-30T23:00' &&
          e.concernRaisedAt < '2026-11-01' &&
          e.kind === 'drift-or-delay' &&
          e.currentStage === 'stage-1',
      ),
    ).toBe(true);
  });
  it('sort by due date puts overdue first and escalations with no clock last; descending reverses', () => {
    const open = escalations.filter((e) => e.status === 'open');
    const byDue = sortEscalations(open, 'due', 'asc');
    const dues = byDue.map((e) => e.nextDueAt ?? '~');
    expect(dues).toEqual([...dues].sort());
    expect(byDue.at(-1)!.nextDueAt).toBeUndefined();
    const byChild = sortEscalations(open, 'child', 'desc').map((e) => e.child!.childId);
    expect(byChild).toEqual([...byChild].sort().reverse());
  });
  it('draws only the rows in view', () => {
    expect(visibleWindow(0, 400, 40, 10_000)).toEqual({ start: 0, end: 18 });
    expect(visibleWindow(40 * 5000, 400, 40, 10_000)).toEqual({ start: 4992, end: 5018 });
    expect(visibleWindow(40 * 9999, 400, 40, 10_000)).toEqual({ start: 9991, end: 10_000 });
    expect(visibleWindow(0, 400, 40, 3)).toEqual({ start: 0, end: 3 });
  });
});

describe('partnership figures', () => {
  const q = quarterOf('2026-11-25');
  it('quarters', () => {
    expect(q).toEqual({ from: '2026-10-01', to: '2026-12-31', label: 'Oct to Dec 2026' });
    expect(recentQuarters('2026-02-10', 2).map((p) => p.label)).toEqual(['Jan to Mar 2026', 'Oct to Dec 2025']);
  });
  it('median', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('count escalations that reached each stage in the quarter, and on what themes', () => {
    const f = partnershipFigures(escalations, { period: q, now });
    const stage2 = f.reachedStage.find((r) => r.stage === 2)!;
    const expected = escalations.filter((e) =>
      e.stages.some((s) => s.stageId === 'stage-2' && s.enteredAt >= '2026-09-30T23:00:00Z' && s.enteredAt < '2027-01-01T00:00:00Z'),
    );
    expect(stage2.count).toBe(expected.length);
    expect(stage2.byKind.reduce((n, k) => n + k.count, 0)).toBe(stage2.count);
    expect(f.byProtocol.reduce((n, p) => n + p.count, 0)).toBe(f.total);
    expect(f.openOverdue).toBe(escalations.filter((e) => dueBucket(e, w) === 'overdue').length);
    expect(f.medianWorkingDaysToResolution).toBeGreaterThan(0);
  });
  it('count "stage 2 and above" once per escalation, however many of those stages it entered', () => {
    const f = partnershipFigures(escalations, { period: q, now });
    const inQuarter = (at: string) => at >= '2026-09-30T23:00:00Z' && at < '2027-01-01T00:00:00Z';
    const stage = (id: string) => (id === 'initial' ? 0 : Number(id.slice(6)));
    for (const n of [1, 2, 3]) {
      const expected = escalations.filter((e) => e.stages.some((s) => stage(s.stageId) >= n && inQuarter(s.enteredAt))).length;
      expect(f.reachedAtLeast.find((r) => r.stage === n)?.count ?? 0, `stage ${n}`).toBe(expected);
    }
    const two = f.reachedAtLeast.find((r) => r.stage === 2)!.count;
    expect(two).toBeGreaterThanOrEqual(f.reachedStage.find((r) => r.stage === 2)!.count);
    expect(figuresCsv(f)).toContain(`Reached this stage or higher in the period,Stage 2,,${two}`);
  });

  it('scoped to one protocol', () => {
    const f = partnershipFigures(escalations, { period: q, now, protocolId: 'herefordshire' });
    expect(f.byProtocol.map((p) => p.protocolId)).toEqual(['herefordshire']);
  });
  it('CSV exports carry no child ID, name, date of birth, address, reference or free text', () => {
    const marked = escalations.map((e, i) => ({
      ...e,
      child: { ...e.child!, childId: `CHILD${i}X`, name: `Childname${i}`, dateOfBirth: '2019-03-04', address: `${i} Secret Street` },
      summary: `SUMMARY-TEXT-${i}`,
      raisedBy: { ...e.raisedBy, agency: `St Agnes Primary AGENCY-TEXT-${i}` },
      counterparts: e.counterparts.map((c) => ({ ...c, agency: `Riverside GP surgery AGENCY-TEXT-${i}` })),
    }));
    const f = partnershipFigures(marked, { period: q, now });
    for (const csv of [figuresCsv(f), anonymisedListCsv(marked, { period: q, now })]) {
      expect(csv).not.toMatch(
        /CHILD\d+X|Childname|2019-03-04|Secret Street|SUMMARY-TEXT|AGENCY-TEXT|St Agnes|Riverside|ESC-|Jo Patel|Sam Reid/,
      );
      expect(csv.split('\r\n').length).toBeGreaterThan(5);
    }
    expect(anonymisedListCsv(marked, { period: q, now }).split('\r\n')[0]).toBe(
      'Protocol,About (a child or a theme),Kind of disagreement,Raised by (kind of agency),Counterparts (kinds of agency),Concern raised,Highest stage reached,Status,Resolved at stage,Working days to resolution,Overdue now',
    );
    // Agencies appear only as kinds from the fixed list.
    const row = anonymisedListCsv(marked, { period: q, now }).split('\r\n')[1]!;
    expect(row).toContain(',Education,Health,');
  });
  it('CSV quotes commas and quotes, and disarms formulas', () => {
    expect(toCsv([['a,b', 'say "hi"', '=HYPERLINK("x")', -3, null]])).toBe('"a,b","say ""hi""","\'=HYPERLINK(""x"")",-3,\r\n');
  });
});
