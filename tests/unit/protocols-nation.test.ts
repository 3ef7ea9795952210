// Issue 36: reminders' quiet hours, the figures' working-day medians and the chip's time left follow each
// escalation's protocol's nation and the organisation's closure days (they used England and Wales's calendar
// and ignored closure days).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childStatus } from '../../lib/background/child-status';
import { partnershipFigures } from '../../lib/views/figures';
import { setProtocols } from '../../lib/protocols';
import { readProtocolFile } from '../../lib/protocols/read';
import { deriveEscalation } from '../../lib/records/derive';
import { EscalationEventSchema, type Escalation } from '../../lib/records/model';
import { planReminders, remindersFor } from '../../lib/views/reminders';
import { escalationCalendars } from '../../lib/protocols/calendars';
import { newEscalation } from './fixtures/escalations';

// Glen Moray's protocol, written from the guide, counts Scotland's working days (St Andrew's Day, Monday 30 Nov 2026).
beforeAll(() =>
  setProtocols('imported', [readProtocolFile(readFileSync(new URL('../fixtures/protocols/glen-moray.json', import.meta.url), 'utf8'))]),
);
afterAll(() => setProtocols('imported', []));

/** An escalation created on Friday 20 Nov 2026, its current stage due at the end of `due`; resolved at `resolvedAt` if given. */
function escalation(protocolId: string, due: string, resolvedAt?: string): Escalation {
  const events = [
    EscalationEventSchema.parse({
      type: 'created',
      reference: 'ESC-BBBBBB',
      escalation: { ...newEscalation(protocolId, { concernRaisedAt: '2026-11-20T10:00:00Z' }), protocolVersion: '1' },
      id: `${protocolId}-created`,
      escalationId: `${protocolId}-escalation`,
      seq: 1,
      at: '2026-11-20T10:00:00Z',
    }),
    ...(resolvedAt
      ? [
          EscalationEventSchema.parse({
            type: 'resolved',
            methodology: 'Agreed at a meeting',
            stageId: 'initial',
            id: `${protocolId}-resolved`,
            escalationId: `${protocolId}-escalation`,
            seq: 2,
            at: resolvedAt,
          }),
        ]
      : []),
  ];
  return { ...deriveEscalation(events), ...(resolvedAt ? {} : { nextDue: due }) };
}

describe('reminders follow the protocol’s nation and the closure days', () => {
  it('a Scottish escalation’s “due tomorrow” falls on Friday 27 Nov, the working day before Tuesday 1 Dec there', () => {
    const [soon] = remindersFor(escalation('glen-moray', '2026-12-01'), { quiet: false });
    expect(new Date(soon!.at).toISOString()).toBe('2026-11-27T09:00:00.000Z');
  });

  it('quiet hours: on St Andrew’s Day a Scottish reminder waits for Tuesday morning; an English one is shown', () => {
    const scottish = escalation('glen-moray', '2026-11-27');
    const english = { ...escalation('pan-cheshire', '2026-11-27'), id: 'english-escalation' };
    const plan = planReminders([scottish, english], new Set(), Date.parse('2026-11-30T10:00:00Z'), { quiet: true });
    expect(plan.send.map((r) => r.escalationId)).toEqual(['english-escalation']);
    expect(new Date(plan.nextAt!).toISOString()).toBe('2026-12-01T09:00:00.000Z');
  });

  it('quiet hours: a closure day holds every reminder until the next working morning', () => {
    const english = escalation('pan-cheshire', '2026-11-27');
    const held = planReminders([english], new Set(), Date.parse('2026-11-30T10:00:00Z'), {
      quiet: true,
      calendarOf: escalationCalendars({ '2026-11-30': 'Council closure day' }),
    });
    expect(held.send).toEqual([]);
    expect(new Date(held.nextAt!).toISOString()).toBe('2026-12-01T09:00:00.000Z');
  });
});

describe('the figures’ working days to resolution', () => {
  const period = { from: '2026-10-01', to: '2026-12-31' };
  const now = new Date('2026-12-07T12:00:00Z');
  it('count each escalation on its protocol’s nation’s calendar: Friday 20 Nov to Tuesday 1 Dec is 7 in England, 6 in Scotland', () => {
    const english = partnershipFigures([escalation('pan-cheshire', '', '2026-12-01T12:00:00Z')], { period, now });
    const scottish = partnershipFigures([escalation('glen-moray', '', '2026-12-01T12:00:00Z')], { period, now });
    expect([english.medianWorkingDaysToResolution, scottish.medianWorkingDaysToResolution]).toEqual([7, 6]);
  });
  it('and leave out the organisation’s closure days', () => {
    const f = partnershipFigures([escalation('pan-cheshire', '', '2026-12-01T12:00:00Z')], {
      period,
      now,
      closureDays: { '2026-11-24': 'Council closure day' },
    });
    expect(f.medianWorkingDaysToResolution).toBe(6);
  });
});

describe('the chip’s time left', () => {
  it('leaves out the organisation’s closure days', () => {
    const open = escalation('pan-cheshire', '2026-11-26');
    expect(childStatus([open], new Date('2026-11-23T12:00:00Z')).text).toMatch(/3 working days left/);
    expect(childStatus([open], new Date('2026-11-23T12:00:00Z'), { '2026-11-24': 'Council closure day' }).text).toMatch(
      /2 working days left/,
    );
  });
});
