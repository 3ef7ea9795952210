import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { EscalationDb } from '../../lib/db';
import { exportBackup, importBackup } from '../../lib/db/backup';
import { createEscalation, getHistory, recordEvent } from '../../lib/db/escalations';
import { clockFromInstant, clockOf, compareEvents, inEventOrder, nextClock } from '../../lib/records/order';
import type { EventBody } from '../../lib/records/model';
import { freshDb, newEscalation } from './fixtures/escalations';

const T = Date.parse('2026-11-23T10:00:00.000Z');
const HOUR = 3_600_000;

describe('the order every device derives', () => {
  it('stamps a new event after every event held, even on a clock an hour behind', () => {
    const held = [{ hlc: nextClock([], T), at: new Date(T).toISOString() }];
    const behind = nextClock(held, T - HOUR);
    expect(behind > held[0]!.hlc).toBe(true);
    expect(behind).toBe('2026-11-23T10:00:00.000Z#0001');
    expect(nextClock(held, T + HOUR)).toBe('2026-11-23T11:00:00.000Z#0000');
  });

  it('orders an event written before stamps by its time', () => {
    expect(clockOf({ at: '2026-11-23T10:00:00+01:00' })).toBe('2026-11-23T09:00:00.000Z#0000');
    expect(clockFromInstant('2026-11-23T10:00:00Z')).toBe('2026-11-23T10:00:00.000Z#0000');
  });

  it('breaks a tie by the event id, by code unit, not by the locale', () => {
    const at = '2026-11-23T10:00:00.000Z';
    const events = [
      { id: 'b-event-1', at },
      { id: 'B-event-1', at },
      { id: 'a-event-1', at },
    ];
    expect(inEventOrder(events).map((e) => e.id)).toEqual(['B-event-1', 'a-event-1', 'b-event-1']);
  });

  it('property: a new stamp sorts after every stamp held, whatever the clock says', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 * HOUR }), { maxLength: 20 }),
        fc.integer({ min: -2 * HOUR, max: 12 * HOUR }),
        (offsets, now) => {
          const held: { hlc?: string; at: string; id: string }[] = [];
          for (const offset of offsets)
            held.push({ hlc: nextClock(held, T + offset), at: new Date(T + offset).toISOString(), id: `e-${held.length}-x` });
          const stamp = nextClock(held, T + now);
          return held.every((e) => clockOf(e) < stamp);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('property: the order is total and does not depend on the order events arrive in', () => {
    const event = fc.record({
      id: fc.stringMatching(/^[A-Za-z0-9-]{8,12}$/),
      at: fc.integer({ min: T, max: T + 10 * HOUR }).map((ms) => new Date(ms).toISOString()),
      hlc: fc.option(
        fc.integer({ min: T, max: T + 10 * HOUR }).map((ms) => nextClock([], ms)),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(fc.uniqueArray(event, { selector: (e) => e.id, maxLength: 15 }), (events) => {
        const once = inEventOrder(events);
        expect(inEventOrder([...events].reverse())).toEqual(once);
        once.slice(1).forEach((e, i) => expect(compareEvents(once[i]!, e)).toBeLessThan(0));
      }),
      { numRuns: 100 },
    );
  });
});

/** What a worker on one device may do next (refusals are the rules at work, and ignored). */
const STEP = fc.oneof(
  fc.constant<EventBody>({ type: 'discussion-held', summary: 'Talked it through' }),
  fc.constant<EventBody>({ type: 'response-received', summary: 'Email from health' }),
  fc.integer({ min: 1, max: 30 }).map<EventBody>((days) => ({ type: 'timeframe-agreed', stageId: 'stage-1', days })),
  fc.constant<EventBody>({ type: 'stage-entered', stageId: 'stage-1', reason: 'unresolved' }),
  fc.constant<EventBody>({ type: 'stage-entered', stageId: 'stage-2', reason: 'no-response' }),
  fc.constant<EventBody>({ type: 'resolved', methodology: 'Agreed a plan', stageId: 'initial' }),
  fc.constant<EventBody>({ type: 'reopened', reason: 'Not kept to' }),
  fc.constant<EventBody>({ type: 'withdrawn', reason: 'No longer needed' }),
);
/** A device's steps, each with when its own clock says it happened, and how wrong its clock is (up to an hour either way). */
const DEVICE = fc.record({
  steps: fc.array(fc.tuple(STEP, fc.integer({ min: 0, max: 5 * HOUR })), { maxLength: 6 }),
  skew: fc.constantFrom(-HOUR, 0, HOUR),
});

/** Records a device's steps with its own clock (Date.now and the time it writes), ignoring the rules' refusals. */
async function play(db: EscalationDb, id: string, device: { steps: [EventBody, number][]; skew: number }, by: string) {
  for (const [body, offset] of device.steps) {
    const clock = vi.spyOn(Date, 'now').mockReturnValue(T + offset + device.skew);
    try {
      await recordEvent(db, id, body, { at: new Date(T + offset + device.skew).toISOString(), by });
    } catch (error) {
      if ((error as Error).name !== 'TransitionError') throw error;
    } finally {
      clock.mockRestore();
    }
  }
}

describe('a clock that is wrong by an hour', () => {
  it('an event recorded after seeing another sorts after it, and its change stands', async () => {
    const a = await freshDb();
    const made = await createEscalation(a, newEscalation('herefordshire'), { at: new Date(T).toISOString() });
    await recordEvent(
      a,
      made.id,
      { type: 'stage-entered', stageId: 'stage-1', reason: 'unresolved' },
      { at: new Date(T + HOUR).toISOString() },
    );
    await recordEvent(a, made.id, { type: 'timeframe-agreed', stageId: 'stage-1', days: 3 }, { at: new Date(T + 2 * HOUR).toISOString() });
    const b = await freshDb();
    await importBackup(b, JSON.stringify(await exportBackup(a)));
    // B's clock is an hour behind: its change, made having seen A's, still comes after it.
    const behind = vi.spyOn(Date, 'now').mockReturnValue(T + HOUR);
    const changed = await recordEvent(
      b,
      made.id,
      { type: 'timeframe-agreed', stageId: 'stage-1', days: 5 },
      { at: new Date(T + HOUR).toISOString() },
    );
    behind.mockRestore();
    expect(changed.stages.at(-1)!.agreedDays).toBe(5);
    expect(changed.conflicts).toBeUndefined();
    await importBackup(a, JSON.stringify(await exportBackup(b)));
    const history = await getHistory(a, made.id);
    expect(history.map((e) => (e.type === 'timeframe-agreed' ? e.days : e.type))).toEqual(['created', 'stage-entered', 3, 5]);
    expect(await a.escalations.get(made.id)).toEqual(await b.escalations.get(made.id));
  });
});

describe('two devices merging', () => {
  it('property: any two devices’ histories, merged in either order, give the same events and the same escalation', async () => {
    await fc.assert(
      fc.asyncProperty(DEVICE, DEVICE, async (onA, onB) => {
        const a = await freshDb();
        const made = await createEscalation(a, newEscalation('herefordshire', { concernRaisedAt: new Date(T - 72 * HOUR).toISOString() }), {
          at: new Date(T - 48 * HOUR).toISOString(),
          by: 'A',
        });
        const b = await freshDb();
        await importBackup(b, JSON.stringify(await exportBackup(a)));
        await play(a, made.id, onA, 'A');
        await play(b, made.id, onB, 'B');
        const [fromA, fromB] = [JSON.stringify(await exportBackup(a)), JSON.stringify(await exportBackup(b))];
        await importBackup(a, fromB); // A takes B's
        await importBackup(b, fromA); // B takes A's
        expect(await getHistory(b, made.id)).toEqual(await getHistory(a, made.id));
        expect(await b.escalations.get(made.id)).toEqual(await a.escalations.get(made.id));
        // and importing again changes nothing
        const again = await importBackup(a, fromB);
        expect(again.skipped.map((s) => s.id)).toEqual([made.id]);
        a.close();
        b.close();
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
