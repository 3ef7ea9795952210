import { describe, expect, it } from 'vitest';
import { createEscalation, dashboardRows, dueCounts, dueSoonest, firstDueAfter, recordEvent } from '../../lib/db/escalations';
import { readFirstScreen } from '../../lib/db/first-screen';
import { badgeFor, dueBucket, dueWindows, nextBadgeChange } from '../../lib/views/overview';
import { filterFromParams, firstScreenFromIndex, indexedNarrowing, matchesFilter, sortEscalations } from '../../lib/views/dashboard';
import { generateEscalations } from '../fixtures/generator';
import { freshDb, MON, newEscalation } from './fixtures/escalations';

describe('due windows (London days and weeks)', () => {
  it('splits today from the rest of the week, ending on Sunday', () => {
    expect(dueWindows(new Date('2026-11-25T10:00:00Z'))).toEqual({
      now: '2026-11-25T10:00:00.000Z',
      endOfToday: '2026-11-26T00:00:00.000Z',
      endOfWeek: '2026-11-30T00:00:00.000Z',
    });
  });
  it('uses London time in summer: 23:30 UTC on a Sunday is already Monday, a new week', () => {
    const w = dueWindows(new Date('2026-06-28T23:30:00Z'));
    expect(w.endOfToday).toBe('2026-06-29T23:00:00.000Z');
    expect(w.endOfWeek).toBe('2026-07-05T23:00:00.000Z');
  });
  it('puts each escalation in one bucket', () => {
    const w = dueWindows(new Date('2026-11-25T10:00:00Z'));
    const open = (nextDueAt?: string) => ({ status: 'open' as const, nextDueAt });
    expect(dueBucket(open('2026-11-25T00:00:00.000Z'), w)).toBe('overdue');
    expect(dueBucket(open('2026-11-26T00:00:00.000Z'), w)).toBe('due-today');
    expect(dueBucket(open('2026-11-27T00:00:00.000Z'), w)).toBe('due-this-week');
    expect(dueBucket(open('2026-12-01T00:00:00.000Z'), w)).toBe('later');
    expect(dueBucket(open(undefined), w)).toBe('no-clock');
    expect(dueBucket({ status: 'resolved', nextDueAt: undefined }, w)).toBe('closed');
  });
});

describe('the toolbar badge', () => {
  it('shows the overdue count in red, else the due-today count in amber, else nothing', () => {
    expect(badgeFor({ overdue: 3, dueToday: 2, dueThisWeek: 9 })).toMatchObject({
      text: '3',
      colour: '#d4351c',
      title: expect.stringContaining('3 escalations overdue, 2 due today'),
    });
    expect(badgeFor({ overdue: 0, dueToday: 2, dueThisWeek: 0 })).toMatchObject({ text: '2', colour: '#ffdd00', textColour: '#0b0c0c' });
    expect(badgeFor({ overdue: 0, dueToday: 0, dueThisWeek: 4 }).text).toBe('');
    expect(badgeFor({ overdue: 12345, dueToday: 0, dueThisWeek: 0 }).text).toBe('999+');
  });
  it('is redrawn when the next stage falls due, or at London midnight if that is sooner', () => {
    const w = dueWindows(new Date('2026-11-25T10:00:00Z'));
    expect(nextBadgeChange(w, '2026-11-25T15:00:00.000Z')).toBe(Date.parse('2026-11-25T15:00:00Z'));
    expect(nextBadgeChange(w, '2026-12-01T00:00:00.000Z')).toBe(Date.parse('2026-11-26T00:00:00Z'));
    expect(nextBadgeChange(w, undefined)).toBe(Date.parse('2026-11-26T00:00:00Z'));
  });
});

describe('overview queries on the nextDueAt index', () => {
  it('count the same as the buckets worked out row by row, over a year of generated data', async () => {
    const db = await freshDb();
    const now = new Date('2026-11-25T10:00:00Z');
    const { escalations, events } = generateEscalations({ count: 600, now, seed: 7 });
    await db.escalations.bulkAdd(escalations);
    await db.events.bulkAdd(events);
    const w = dueWindows(now);
    const expected = { overdue: 0, dueToday: 0, dueThisWeek: 0 };
    for (const e of escalations) {
      const b = dueBucket(e, w);
      if (b === 'overdue') expected.overdue++;
      if (b === 'due-today') expected.dueToday++;
      if (b === 'due-this-week') expected.dueThisWeek++;
    }
    expect(expected.overdue).toBeGreaterThan(0);
    expect(expected.dueThisWeek + expected.dueToday).toBeGreaterThan(0);
    expect(await dueCounts(db, now)).toEqual(expected);
    // The dashboard's indexed narrowing picks out exactly the same rows.
    for (const due of ['overdue', 'due-today', 'due-this-week', 'later'] as const) {
      const rows = await dashboardRows(db, indexedNarrowing(filterFromParams(new URLSearchParams({ due })), w));
      expect(rows.map((r) => r.id).sort()).toEqual(
        escalations
          .filter((e) => dueBucket(e, w) === due)
          .map((e) => e.id)
          .sort(),
      );
    }
    const soonest = await dueSoonest(db, 5);
    expect(soonest.map((e) => e.nextDueAt)).toEqual(
      escalations
        .map((e) => e.nextDueAt)
        .filter(Boolean)
        .sort()
        .slice(0, 5),
    );
    expect(await firstDueAfter(db, now)).toBe(
      escalations
        .map((e) => e.nextDueAt)
        .filter((d): d is string => !!d && d > w.now)
        .sort()[0],
    );
  });

  it('give the dashboard the exact top of its list and its length, before every row is read', async () => {
    const db = await freshDb();
    const now = new Date('2026-11-25T10:00:00Z');
    const { escalations } = generateEscalations({ count: 500, now, seed: 8 });
    await db.escalations.bulkAdd(escalations);
    const w = dueWindows(now);
    const cases: Record<string, string>[] = [
      {},
      { status: 'all' },
      { due: 'overdue' },
      { status: 'all', due: 'due-this-week' },
      { due: 'later' },
    ];
    for (const params of cases) {
      const filter = filterFromParams(new URLSearchParams(params));
      const plan = firstScreenFromIndex(filter, w, 40)!;
      expect(plan, JSON.stringify(params)).not.toBeNull();
      const full = sortEscalations(
        (await dashboardRows(db, indexedNarrowing(filter, w))).filter((e) => matchesFilter(e, filter, w)),
        filter.sort,
        filter.order,
      );
      const screen = readFirstScreen(plan, db.name);
      const rows = (await screen.rows)!;
      expect(
        rows.map((e) => e.id),
        JSON.stringify(params),
      ).toEqual(
        full
          .slice(0, 40)
          .filter((e) => e.nextDueAt)
          .map((e) => e.id),
      );
      expect(await screen.total, JSON.stringify(params)).toBe(full.length);
    }
    // Anything the index cannot answer waits for the full read.
    for (const params of <Record<string, string>[]>[
      { child: '2000' },
      { status: 'resolved' },
      { sort: 'child' },
      { due: 'no-clock' },
      { protocol: 'halton' },
    ]) {
      expect(firstScreenFromIndex(filterFromParams(new URLSearchParams(params)), w, 40), JSON.stringify(params)).toBeNull();
    }
  });

  it('drop an escalation from the counts once it is resolved', async () => {
    const db = await freshDb();
    const e = await createEscalation(db, newEscalation('pan-cheshire'), { at: MON });
    const after = new Date('2026-11-26T10:00:00Z');
    expect((await dueCounts(db, after)).overdue).toBe(1);
    await recordEvent(
      db,
      e.id,
      { type: 'resolved', methodology: 'Agreed at a meeting', stageId: 'initial' },
      { at: '2026-11-26T10:00:00Z' },
    );
    expect(await dueCounts(db, after)).toEqual({ overdue: 0, dueToday: 0, dueThisWeek: 0 });
  });
});
