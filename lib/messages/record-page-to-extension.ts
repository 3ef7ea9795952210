// What a record page's frames tell the extension. Runtime messages: the background hears them, and
// so does the panel framed in that tab (it listens only to its own tab). Sent by lib/page/.
import { defineProtocol } from '../browser/messaging';
import type { ChildReading, ChildStatus, PageSetup, PickedId } from './types';

export interface RecordPageToExtension {
  /** Every frame, as it starts: the adapters to read the page with, and the panel's side. */
  pageSetup(): PageSetup;
  /**
   * A frame's reading of the child's ID, on load and whenever it changes. Every frame sends it.
   * The background passes a sub-frame's reading to the top frame's launcher; the panel of that tab
   * shows the child. No reply.
   */
  childDetected(reading: ChildReading): void;
  /**
   * Every frame the adapter matches, once per page load: whether the child's ID and the notes field were found
   * (the page's address comes from the browser, not the page). The background keeps the adapter's health
   * (lib/hosts/health.ts) and answers whether it may need updating.
   */
  pageLoaded(load: { adapterId: string; found: boolean; notesFound: boolean }): { mayNeedUpdating: boolean };
  /** The top frame has just started: the background asks every frame of the tab to report again. No reply. */
  askFramesToReport(): void;
  /** The top frame's launcher asks what its chip may say about the child; undefined if unknown. */
  childStatus(child: { hostId: string; childId: string }): ChildStatus | undefined;
  /** The worker clicked an element with the picker (top frame). The panel of that tab asks them to confirm. No reply. */
  idPicked(pick: PickedId): void;
}

export const recordPageToExtension = defineProtocol<RecordPageToExtension>('record-page-to-extension');
