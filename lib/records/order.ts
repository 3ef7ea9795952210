// The one order of an escalation's events, the same on every device: by each event's hybrid logical clock, then
// by its id. A device stamps a new event later than every event it holds for that escalation, whatever its own
// clock says, so an event recorded after seeing another always sorts after it (even on a machine whose clock is
// an hour wrong); two events made apart, neither seeing the other, fall in the order of their stamps. The key is
// a function of the event alone, so every device that holds the same events puts them in the same order.

/** A clock stamp: the UTC instant to the millisecond, `#`, and a 4-digit counter. Fixed width, so text order is time order. */
export const CLOCK_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#\d{4}$/;

const COUNTER_LIMIT = 10_000;

function stamp(ms: number, counter: number): string {
  return `${new Date(ms).toISOString()}#${String(counter).padStart(4, '0')}`;
}

/** The stamp of an event written before events had one (its recorded time, counter 0). */
export function clockFromInstant(at: string): string {
  return stamp(Date.parse(at), 0);
}

/** An event's place in the order: its stamp, or for an event written before stamps, its time. */
export function clockOf(event: { hlc?: string; at: string }): string {
  return event.hlc ?? clockFromInstant(event.at);
}

/**
 * The stamp for a new event: now, unless an event already held is stamped at or after now (this device's clock
 * is behind, or another's was ahead), then just after the latest of those.
 */
export function nextClock(held: readonly { hlc?: string; at: string }[], now: number): string {
  let latest = '';
  for (const event of held) {
    const clock = clockOf(event);
    if (clock > latest) latest = clock;
  }
  const fresh = stamp(now, 0);
  if (fresh > latest) return fresh;
  const [instant, counter] = latest.split('#') as [string, string];
  const next = Number(counter) + 1;
  // The counter is full: the next millisecond, still after every stamp held.
  return next < COUNTER_LIMIT ? stamp(Date.parse(instant), next) : stamp(Date.parse(instant) + 1, 0);
}

/** Compares code units, never the locale: every device must agree. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order every device derives: stamp, then id. */
export function compareEvents(a: { hlc?: string; at: string; id: string }, b: { hlc?: string; at: string; id: string }): number {
  return byText(clockOf(a), clockOf(b)) || byText(a.id, b.id);
}

/** The events in that order (a copy). */
export function inEventOrder<E extends { hlc?: string; at: string; id: string }>(events: readonly E[]): E[] {
  return [...events].sort(compareEvents);
}
