import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../lib/time/calendar';
import { timeLeft } from '../../lib/time/timer';

const at = (iso: string) => new Date(iso);

describe('time left on a clock', () => {
  it('counts working days to a day-counted due date', () => {
    expect(timeLeft('2026-12-23', at('2026-12-17T10:00:00Z'))).toEqual({
      urgency: 'ok',
      text: '4 working days left',
      dueText: 'due Wed 23 Dec 2026',
    });
  });
  it('is amber within one working day, over a weekend too', () => {
    expect(timeLeft('2026-11-30', at('2026-11-27T10:00:00Z'))).toMatchObject({
      urgency: 'due-soon',
      text: 'due by the end of the next working day',
    });
    expect(timeLeft('2026-11-27', at('2026-11-27T23:30:00Z'))).toMatchObject({ urgency: 'due-soon', text: 'due today' });
  });
  it('is red and counts working days overdue, skipping bank holidays', () => {
    expect(timeLeft('2026-12-23', at('2026-12-29T10:00:00Z'))).toMatchObject({ urgency: 'overdue', text: 'overdue by 2 working days' });
    expect(timeLeft('2026-11-27', at('2026-11-28T10:00:00Z'))).toMatchObject({ urgency: 'overdue', text: 'overdue' });
  });
  it('uses London dates: 00:30 BST is already the next day', () => {
    expect(timeLeft('2026-07-01', at('2026-07-01T23:30:00Z'))).toMatchObject({ urgency: 'overdue' });
  });
  it('counts hours for hour rules', () => {
    expect(timeLeft('2026-11-25T10:00:00.000Z', at('2026-11-23T10:00:00Z'))).toMatchObject({ urgency: 'ok', text: '48 hours left' });
    expect(timeLeft('2026-11-25T10:00:00.000Z', at('2026-11-24T15:00:00Z'))).toMatchObject({ urgency: 'due-soon', text: '19 hours left' });
    expect(timeLeft('2026-11-25T10:00:00.000Z', at('2026-11-25T13:10:00Z'))).toMatchObject({
      urgency: 'overdue',
      text: 'overdue by 4 hours',
    });
  });
  it('honours configured closure days', () => {
    const council = createCalendar({ '2026-12-22': 'Closure day' });
    expect(timeLeft('2026-12-23', at('2026-12-18T10:00:00Z'), council).text).toBe('2 working days left');
  });
});
