// Deadlines of first-edition protocols (the five built-ins as released at version 1, and the guide-written
// Glen Moray fixture) for a fixed set of histories: what tests/unit/first-edition.test.ts compares with the
// deadlines recorded in tests/unit/fixtures/first-edition-deadlines.json, computed by the code before the
// second edition existed. A running escalation must keep every one of them.
import { readFileSync } from 'node:fs';
import { getProtocol, setProtocols, type Protocol } from '../../lib/protocols';
import { readProtocolFile } from '../../lib/protocols/read';
import { scheduleEscalation } from '../../lib/schedule/schedule';

export const FIRST_EDITION_IDS = ['pan-cheshire', 'halton', 'enfield', 'pan-sussex', 'herefordshire', 'glen-moray'];

/** Concerns raised across weekends, bank holidays (the three nations' differ), clock changes and late afternoons. */
const CONCERNS = [
  '2026-12-24T16:30:00Z',
  '2026-12-31T10:00:00Z',
  '2027-01-01T09:00:00Z',
  '2026-03-27T16:45:00Z',
  '2026-10-23T23:30:00Z',
  '2026-08-28T12:00:00Z',
  '2026-07-10T08:00:00Z',
  '2026-11-27T17:59:00Z',
  '2027-03-16T11:00:00Z',
  '2026-05-01T15:00:00Z',
];

export function loadGlenMoray(): void {
  const text = readFileSync(new URL('../fixtures/protocols/glen-moray.json', import.meta.url), 'utf8');
  setProtocols('imported', [readProtocolFile(text)]);
}

/** Every stage entered a working week after the one below it, each with 3 agreed days. */
function history(protocol: Protocol, concernAt: string) {
  return protocol.stages.map((stage, i) => ({
    stageId: stage.id,
    enteredAt: new Date(Date.parse(concernAt) + i * 7 * 86_400_000 + 3_600_000).toISOString(),
    agreedDays: 3,
  }));
}

/** id → concern → stage → clock → due, for the version-1 definition. */
export function firstEditionDeadlines(): Record<string, Record<string, Record<string, Record<string, string>>>> {
  const out: Record<string, Record<string, Record<string, Record<string, string>>>> = {};
  for (const id of FIRST_EDITION_IDS) {
    const protocol = getProtocol(id, '1');
    out[id] = {};
    for (const concernAt of CONCERNS) {
      const schedule = scheduleEscalation({
        protocolId: id,
        protocolVersion: '1',
        concernRaisedAt: concernAt,
        stages: history(protocol, concernAt),
        closureDays: { '2027-01-04': 'Council closure day' },
      });
      out[id][concernAt] = Object.fromEntries(
        schedule.stages.map((s) => [s.stageId, Object.fromEntries(s.clocks.map((c) => [c.id, c.due]))]),
      );
    }
  }
  return out;
}
