import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../lib/time/calendar';
import { deriveEscalation } from '../../lib/records/derive';
import { EscalationEventSchema, type Escalation } from '../../lib/records/model';
import {
  inWorkingHours,
  nextWorkingMoment,
  notificationId,
  notificationTarget,
  planReminders,
  remindersFor,
} from '../../lib/views/reminders';
import { newEscalation } from './fixtures/escalations';

/** An open Pan-Cheshire escalation whose current stage is due at the end of `due` (London). */
function dueOn(due: string, id = 'aaaaaaaa-1'): Escalation {
  const base = deriveEscalation([
    EscalationEventSchema.parse({
      type: 'created',
      reference: 'ESC-AAAAAA',
      escalation: newEscalation('pan-cheshire', { concernRaisedAt: '2026-06-01T10:00:00Z' }),
      id: `${id}-e`,
      escalationId: id,
      seq: 1,
      at: '2026-06-01T10:00:00Z',
    }),
  ]);
  return { ...base, nextDue: due };
}
const ms = (iso: string) => Date.parse(iso);

describe('when reminders fall', () => {
  it('the morning of the working day before, and at the end of the due day', () => {
    // Due Tuesday 24 November 2026 (GMT).
    expect(remindersFor(dueOn('2026-11-24'), { quiet: false }).map((r) => [r.kind, new Date(r.at).toISOString()])).toEqual([
      ['due-next-working-day', '2026-11-23T09:00:00.000Z'],
      ['overdue', '2026-11-25T00:00:00.000Z'],
    ]);
  });
  it('skips back over Christmas and the Boxing Day substitute bank holiday', () => {
    // Due Tuesday 29 December 2026: the working day before is Thursday 24 December.
    expect(new Date(remindersFor(dueOn('2026-12-29'), { quiet: false })[0]!.at).toISOString()).toBe('2026-12-24T09:00:00.000Z');
  });
  it('uses London wall time in summer (09:00 BST is 08:00 UTC)', () => {
    expect(new Date(remindersFor(dueOn('2026-07-01'), { quiet: false })[0]!.at).toISOString()).toBe('2026-06-30T08:00:00.000Z');
  });
  it('when quiet, the overdue reminder waits for the next working morning', () => {
    // Due Friday 27 November: it becomes overdue at midnight; quiet moves that to Monday 09:00.
    const [, overdue] = remindersFor(dueOn('2026-11-27'), { quiet: true });
    expect(new Date(overdue!.at).toISOString()).toBe('2026-11-30T09:00:00.000Z');
  });
  it('counts organisation closure days as outside working hours', () => {
    const calendar = createCalendar({ '2026-11-23': 'Council closure day' });
    expect(new Date(remindersFor(dueOn('2026-11-24'), { quiet: false, calendar })[0]!.at).toISOString()).toBe('2026-11-20T09:00:00.000Z');
  });
  it('knows working hours', () => {
    expect(inWorkingHours(ms('2026-11-23T09:00:00Z'))).toBe(true);
    expect(inWorkingHours(ms('2026-11-23T16:59:00Z'))).toBe(true);
    expect(inWorkingHours(ms('2026-11-23T17:00:00Z'))).toBe(false);
    expect(inWorkingHours(ms('2026-11-28T10:00:00Z'))).toBe(false); // Saturday
    expect(new Date(nextWorkingMoment(ms('2026-11-23T07:00:00Z'))).toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(new Date(nextWorkingMoment(ms('2026-11-27T18:00:00Z'))).toISOString()).toBe('2026-11-30T09:00:00.000Z');
  });
});

describe('planning what to send', () => {
  const e = dueOn('2026-11-24');
  it('sends nothing early, and says when to look again', () => {
    const plan = planReminders([e], new Set(), ms('2026-11-20T12:00:00Z'), { quiet: false });
    expect(plan.send).toEqual([]);
    expect(plan.nextAt).toBe(ms('2026-11-23T09:00:00Z'));
  });
  it('sends the day-before reminder once, then waits for the overdue one', () => {
    const now = ms('2026-11-23T09:00:30Z');
    const first = planReminders([e], new Set(), now, { quiet: false });
    expect(first.send.map((r) => r.kind)).toEqual(['due-next-working-day']);
    const sent = new Set(first.send.map((r) => r.key));
    const again = planReminders([e], sent, now + 60_000, { quiet: false });
    expect(again.send).toEqual([]);
    expect(again.keep).toEqual([...sent]);
    expect(again.nextAt).toBe(ms('2026-11-25T00:00:00Z'));
  });
  it('after a browser closed through the due date, sends only the overdue reminder', () => {
    const plan = planReminders([e], new Set(), ms('2026-11-26T10:00:00Z'), { quiet: false });
    expect(plan.send.map((r) => r.kind)).toEqual(['overdue']);
    expect(plan.superseded.map((r) => r.kind)).toEqual(['due-next-working-day']);
  });
  it('when quiet, a browser opened on Saturday shows nothing until Monday morning', () => {
    const plan = planReminders([e], new Set(), ms('2026-11-28T11:00:00Z'), { quiet: true });
    expect(plan.send).toEqual([]);
    expect(plan.nextAt).toBe(ms('2026-11-30T09:00:00Z'));
  });
  it('a new stage or due date brings new reminders, and old keys are forgotten', () => {
    const sent = new Set(planReminders([e], new Set(), ms('2026-11-23T10:00:00Z'), { quiet: false }).send.map((r) => r.key));
    const escalated = { ...e, currentStage: 'stage-1', nextDue: '2026-12-01' };
    const plan = planReminders([escalated], sent, ms('2026-11-23T10:00:00Z'), { quiet: false });
    expect(plan.keep).toEqual([]);
    expect(plan.nextAt).toBe(ms('2026-11-30T09:00:00Z'));
  });
  it('closed escalations get none', () => {
    expect(remindersFor({ ...e, status: 'resolved' }, { quiet: false })).toEqual([]);
  });
});

describe('clicking a reminder', () => {
  it('opens the escalation it is about, or the overdue list for a summary', () => {
    const [r] = remindersFor(dueOn('2026-11-24', 'b1c2d3e4-0000-4000-a000-000000000001'), { quiet: false });
    expect(notificationTarget(notificationId(r!))).toBe('view=escalation&id=b1c2d3e4-0000-4000-a000-000000000001');
    expect(notificationTarget(notificationId({ list: 'due=overdue' }))).toBe('due=overdue');
    expect(notificationTarget('something-else')).toBe('');
  });
});
