// What each tab's frames read (lib/tabs/readings.ts), as the service worker holds it: changed one change at a
// time, in order, and kept in session storage so a restarted worker still knows which child each tab shows.
import { TAB_READINGS_ITEM } from '../browser/storage';
import type { TabReadings } from '../tabs/readings';

let readings: Promise<TabReadings> | undefined;

export const currentReadings = (): Promise<TabReadings> => (readings ??= TAB_READINGS_ITEM.get());

/** Applies one change after the ones before it; writes only when something changed. */
export function updateReadings(change: (all: TabReadings) => TabReadings): Promise<TabReadings> {
  readings = currentReadings().then((all) => {
    const next = change(all);
    if (next !== all) void TAB_READINGS_ITEM.set(next);
    return next;
  });
  return readings;
}
