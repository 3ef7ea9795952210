// What the messages carry (lib/messages/*): plain data, no browser APIs.
import type { ChildIdResult } from '../hosts/extract';

import type { HostAdapter } from '../hosts/schema';
import type { Escalation } from '../records/model';
import type { ResolvedSettings } from '../settings';

export type PanelSide = 'right' | 'left';

export type Corner = 'bottom-right' | 'bottom-left' | 'top-left' | 'top-right';
/** Where the worker put the record page's chip: a corner, or collapsed to the window's edge (lib/page/chip-place.ts). */
export interface ChipPlace {
  corner: Corner;
  collapsed: boolean;
}

/**
 * What a record page's script needs from extension storage, which it cannot read itself (storage is for
 * the extension's own pages only, lib/browser/storage.ts): the site adapters, and where the panel docks.
 */
export interface PageSetup {
  adapters: HostAdapter[];
  panelSide: PanelSide;
  placement: PanelPlacement;
  /** Whether the page shows the chip (the worker's or the organisation's `showChip`). */
  showChip: boolean;
}

/** Where the panel opens: the browser's own side panel (default), or in the record page beside it. */
export type PanelPlacement = 'side-panel' | 'in-page';

/** What the record page's chip shows and does (it is an extension frame: the page cannot read it). */
export interface ChipState extends TabReading {
  placement: PanelPlacement;
  status?: ChildStatus;
}

/** What each frame of a tab has read, by frame id (0 is the top frame). */
export interface TabReading {
  tabId: number | null;
  frames: [frameId: number, reading: ChildReading][];
}

/**
 * What a panel needs for its first screen, read by the background in one answer as the panel starts: what the
 * tab's frames have read, the escalations of the child they show, and the settings the background holds.
 */
export interface PanelOpening extends TabReading {
  /** The escalations of the child the tab shows; absent when no child is shown or the records cannot be read. */
  escalations?: Escalation[];
  /** The settings as the background holds them (it reads them again whenever they change); the page reads them in full next. */
  settings?: ResolvedSettings;
}

/** One frame's reading of the child's ID, with the adapter that read it. */
export interface ChildReading {
  hostId: string;
  idLabel: string;
  result: ChildIdResult;
  /** The adapter used to find the child on pages like this one and has missed it on several loads in a row (lib/hosts/health.ts). */
  mayNeedUpdating?: boolean;
}

export interface ChildStatus {
  open: number;
  /** e.g. "Stage 2 · 3 working days left"; only what the chip may show. */
  text: string | null;
  overdue: boolean;
}

/** What the worker clicked with the element picker. */
export interface PickedId {
  selector: string | null;
  text: string;
  adapterId: string;
  url: string;
}

/** The child a note or a question is for: the escalation's adapter and child ID. */
export interface ChildRef {
  hostId: string;
  childId: string;
}

/**
 * A note put into the record's notes field: where, and whether it was read back there once the editor settled;
 * or nothing written, because the page's own reading at that moment was not the note's child.
 */
export type InsertResult = { where: 'caret' | 'end'; landed: boolean; field: string } | { refused: 'other-child' };
export type ReferencesResult = { references: { reference: string; line: string }[] };
