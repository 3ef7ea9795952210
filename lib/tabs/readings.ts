// What each tab's frames have read, as the background keeps it: the only children it will say anything
// about to a tab's chip (a frame's own report is the proof the page shows that child; a name the asker
// makes up is never looked up). Plain data, so it can live in session storage across service-worker restarts.
// Which child a tab shows (childForTab) is read from them the same way by the background, the panels and the chip.
import type { ChildIdResult, NoChildReason } from '../hosts/extract';
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

/** Which frame's reason the tab shows when no frame found a child: the most telling first. */
const REASON_ORDER: NoChildReason[] = ['ambiguous', 'pattern-refused', 'empty', 'invalid', 'not-found'];

/**
 * A reading for the whole tab, from each frame's: the top frame's if it found a child, else the first frame that did.
 * With none, why (`reason`, with the ID's name in that frame, `idLabel`): a page that shows an empty or unreadable
 * ID field says so rather than "not found".
 */
export function childForTab(
  frames: ReadonlyMap<number, { hostId: string; idLabel?: string; result: ChildIdResult; mayNeedUpdating?: boolean }>,
):
  | { found: true; hostId: string; childId: string }
  | { found: false; ambiguous: boolean; mayNeedUpdating: boolean; reason: NoChildReason; idLabel: string } {
  const ordered = [...frames].sort(([a], [b]) => a - b);
  for (const [, { hostId, result }] of ordered) {
    if (result.found) return { found: true, hostId, childId: result.childId };
  }
  const reasons = ordered.flatMap(([, frame]) =>
    frame.result.found ? [] : [{ reason: frame.result.reason, idLabel: frame.idLabel ?? 'ID' }],
  );
  const telling = REASON_ORDER.map((reason) => reasons.find((r) => r.reason === reason)).find((r) => r !== undefined);
  return {
    found: false,
    ambiguous: ordered.some(([, { result }]) => !result.found && result.reason === 'ambiguous'),
    mayNeedUpdating: ordered.some(([, frame]) => frame.mayNeedUpdating === true),
    reason: telling?.reason ?? 'not-found',
    idLabel: telling?.idLabel ?? 'ID',
  };
}
