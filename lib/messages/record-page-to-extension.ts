// What a record page's frames tell the extension. Runtime messages: the background hears them, and
// so does the panel framed in that tab (it listens only to its own tab). Sent by lib/page/.
import type { ChildReading, PageSetup, PickedId } from './types';

export interface RecordPageToExtension {
  /**
   * Every frame, as it starts: the adapters to read the page with, and where the panel opens. From the top
   * frame it also means a new page: the background forgets what the tab's frames read before.
   */
  pageSetup(): PageSetup;
  /**
   * A frame's reading of the child's ID, on load and whenever it changes. Every frame sends it.
   * The background keeps it as what this tab shows (the only child it will say anything about for the
   * tab); the chip, panel and side panel following the tab show the child. No reply.
   */
  childDetected(reading: ChildReading): void;
  /**
   * Every frame the adapter matches, once per page load: whether the child's ID and the notes field were found
   * (the page's address comes from the browser, not the page). The background keeps the adapter's health
   * (lib/hosts/health.ts) and answers whether it may need updating.
   */
  pageLoaded(load: { adapterId: string; found: boolean; notesFound: boolean }): { mayNeedUpdating: boolean };
  /** The worker clicked an element with the picker (top frame). The panel of that tab asks them to confirm. No reply. */
  idPicked(pick: PickedId): void;
}
