// The records client of the pages that open the database themselves (lib/browser/records-here.ts): the dashboard's
// first screenful is its first answer, then how many match, and every row is read only once those are drawn.
import { describe, expect, it, vi } from 'vitest';
import { recordsHere } from '../../lib/browser/records-here';
import type { FirstScreen } from '../../lib/db/first-screen';
import type { DashboardRows, Records, RecordsQuery } from '../../lib/messages/records';
import type { Escalation } from '../../lib/records/model';

const row = (id: string) => ({ id }) as Escalation;
const FIRST = [row('due-first'), row('due-second')];
const EVERY = [row('due-first'), row('due-second'), row('due-third')];
const QUERY: RecordsQuery<'dashboard-rows'> = {
  kind: 'dashboard-rows',
  narrowing: { index: 'status', equals: 'open' },
  firstScreen: { rows: { index: 'nextDueAt' }, count: { index: 'status', equals: 'open' }, limit: 60 },
};

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** The page's database, as far as these tests need it: every row, whenever asked. */
function database() {
  const asked: RecordsQuery[] = [];
  const direct: Records = {
    subscribe(query, onValue) {
      asked.push(query);
      (onValue as (v: DashboardRows) => void)({ every: true, rows: EVERY });
      return () => {};
    },
    command: () => Promise.reject(new Error('not in these tests')),
  };
  return { asked, load: vi.fn(async () => direct) };
}

function setUp(first: { rows: Promise<Escalation[] | undefined>; total: Promise<number | undefined> } | undefined) {
  const db = database();
  const reads: RecordsQuery[] = [];
  const painted: (() => void)[] = [];
  const records = recordsHere(
    db.load,
    (query) => (reads.push(query), first as FirstScreen | undefined),
    (then) => void painted.push(then),
  );
  const answers: DashboardRows[] = [];
  const onValue = (value: DashboardRows) => answers.push(value);
  return { db, reads, painted, records, answers, onValue };
}

describe('the dashboard list read in the page', () => {
  it('answers first with the first screenful, then with its count, and reads every row only once those are drawn', async () => {
    const rows = deferred<Escalation[] | undefined>();
    const total = deferred<number | undefined>();
    const { db, painted, records, answers, onValue } = setUp({ rows: rows.promise, total: total.promise });
    records.subscribe(QUERY, onValue);
    rows.resolve(FIRST);
    await vi.waitFor(() => expect(answers).toEqual([{ every: false, rows: FIRST }]));
    total.resolve(1234);
    await vi.waitFor(() => expect(answers.at(-1)).toEqual({ every: false, rows: FIRST, total: 1234 }));
    // Not one row more is read until the browser has painted the first screenful and its count.
    expect(db.load).not.toHaveBeenCalled();
    expect(painted).toHaveLength(1);
    painted[0]!();
    await vi.waitFor(() => expect(answers.at(-1)).toEqual({ every: true, rows: EVERY }));
    expect(db.asked).toEqual([QUERY]);
  });

  it('reads every row at once when the first screenful cannot be read that way (no database yet, an older schema)', async () => {
    const { db, painted, records, answers, onValue } = setUp({ rows: Promise.resolve(undefined), total: Promise.resolve(undefined) });
    records.subscribe(QUERY, onValue);
    await vi.waitFor(() => expect(answers).toEqual([{ every: true, rows: EVERY }]));
    expect(painted).toHaveLength(0);
    expect(db.load).toHaveBeenCalledTimes(1);
  });

  it('a query with no fast first read goes to the database at once', async () => {
    const { db, records } = setUp(undefined);
    const all: Escalation[][] = [];
    records.subscribe({ kind: 'all' }, (value) => all.push(value as never));
    await vi.waitFor(() => expect(db.asked).toEqual([{ kind: 'all' }]));
  });

  it('the first screenful asked as the page starts is read once, and taken up by the list when it is drawn', async () => {
    const { reads, records, answers, onValue } = setUp({ rows: Promise.resolve(FIRST), total: Promise.resolve(2) });
    records.prefetch!(QUERY);
    records.subscribe(QUERY, onValue);
    await vi.waitFor(() => expect(answers.at(-1)).toEqual({ every: false, rows: FIRST, total: 2 }));
    expect(reads).toHaveLength(1);
  });

  it('a list no longer shown hears nothing more, and reads nothing more', async () => {
    const rows = deferred<Escalation[] | undefined>();
    const { db, painted, records, answers, onValue } = setUp({ rows: rows.promise, total: Promise.resolve(3) });
    const stop = records.subscribe(QUERY, onValue);
    stop();
    rows.resolve(FIRST);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answers).toEqual([]);
    expect(painted).toHaveLength(0);
    expect(db.load).not.toHaveBeenCalled();
  });
});
