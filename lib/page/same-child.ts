// A case note, and a colleague's reference line, belong to one child. The record page acts on them only while
// its own reading of the page, made at that moment, is that child: a single-page app may have moved to another
// child since the panel drew (or while the message was on its way), and the panel cannot know.
import type { ChildIdResult } from '../hosts/extract';
import type { ChildRef } from '../messages/types';

/** Whether a page read with adapter `adapterId` as `reading` shows `child`: the same adapter, and exactly that ID. */
export function showsChild(child: ChildRef, adapterId: string, reading: ChildIdResult): boolean {
  return reading.found && adapterId === child.hostId && reading.childId === child.childId;
}
