// What each tab's frames have read, as the background keeps it: the only children it will say anything
// about to a tab's chip (a frame's own report is the proof the page shows that child; a name the asker
// makes up is never looked up). Plain data, so it can live in session storage across service-worker restarts.
import type { ChildReading, TabReading } from '../messages/types';

/** tab id → frame id → that frame's latest reading. */
export type TabReadings = Record<string, Record<string, ChildReading>>;

/** A frame reported: its reading replaces the one before. */
export function frameRead(all: TabReadings, tabId: number, frameId: number, reading: ChildReading): TabReadings {
  return { ...all, [tabId]: { ...all[tabId], [frameId]: reading } };
}

/** The tab's top frame started a new page: what the old page's frames read no longer holds. */
export function tabNavigated(all: TabReadings, tabId: number): TabReadings {
  if (!(tabId in all)) return all;
  const { [tabId]: _gone, ...rest } = all;
  return rest;
}

export const tabClosed = tabNavigated;

/** One tab's readings, in the form the panels take. */
export function readingOf(all: TabReadings, tabId: number | null): TabReading {
  const frames = tabId === null ? {} : (all[tabId] ?? {});
  return { tabId, frames: Object.entries(frames).map(([frameId, reading]) => [Number(frameId), reading]) };
}
