// The working-day calendar each escalation is counted on: its protocol's nation's bank holidays and the
// organisation's closure days. One calendar per nation, made when first asked for (a list of many escalations).
import { calendarsByNation, type Calendar } from '../time/calendar';
import { protocolCalendar } from './index';

export type CalendarOf = (escalation: { protocolId: string; protocolVersion?: string }) => Calendar;

/** Each escalation's calendar: its protocol's nation (England and Wales if the version is not here), with the closure days. */
export function escalationCalendars(closureDays: Readonly<Record<string, string>> = {}): CalendarOf {
  const byNation = calendarsByNation(closureDays);
  return (escalation) => byNation(protocolCalendar(escalation));
}
