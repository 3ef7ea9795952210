// What the extension's own pages (panel, dashboard, popup, options, records) ask the background.
// The background refuses all of these from anything but an extension page (lib/background/handlers.ts).
import type { CommandReply, LandedReply, RecordsCommand } from '../records/commands';
import type { ChipState, PanelOpening, TabReading } from './types';

export interface PagesToBackground {
  /** Panel → background: make one change to the records; the new state, or why it was refused. */
  recordsCommand(command: RecordsCommand): CommandReply;
  /** Panel → background: did this change land? Asked when the answer to recordsCommand was lost. */
  changeLanded(changeId: string): LandedReply;
  /** Records page → background: it imported or deleted records itself; redraw the badge and reminders. No reply. */
  recordsChanged(): void;
  /**
   * Panel, chip or side panel → background: what the frames of a tab have read (the side panel names the tab it
   * follows; a frame inside a record page asks about its own tab). tabId null: not in a tab.
   */
  tabReading(tab?: { tabId: number }): TabReading;
  /**
   * Panel or side panel → background, as it starts: the tab's reading (as tabReading), with that child's
   * escalations and the kept settings, in one answer, so the panel's first screen waits on one question.
   */
  panelOpening(tab?: { tabId: number }): PanelOpening;
  /**
   * Chip → background: what the chip in this tab shows and does. The status is about the child the tab's own
   * frames reported (lib/tabs/readings.ts), never a child the asker names; absent when there is none to say or
   * the organisation turned it off (chipShowsStatus).
   */
  chipState(): ChipState;
  /** Options page → background: how many open escalations follow a version of a protocol (before it is removed); undefined if the records cannot be read. */
  openEscalationsFollowing(protocol: { id: string; version: string }): number | undefined;
}
