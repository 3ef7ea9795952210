// Messages between the record-page script, the panel and the background.
import type { ChildIdResult } from '../hosts/extract';

export type PanelSide = 'right' | 'left';

export type Message =
  /** A frame's reading of the child's ID (content script → panel and background). */
  | { type: 'child-detected'; hostId: string; idLabel: string; result: ChildIdResult }
  /** Ask every frame to send its reading again (panel → content scripts). */
  | { type: 'report-child' }
  /** A child frame's reading, passed on to the top frame (background → content script). */
  | { type: 'frame-child'; frameId: number; hostId: string; idLabel: string; result: ChildIdResult }
  | { type: 'toggle-panel' }
  | { type: 'close-panel' }
  | { type: 'panel-side'; side: PanelSide }
  /** The child's escalations changed: refresh the status chip (panel → content script). */
  | { type: 'status-changed' }
  /** Put a case note into the host's notes field (panel → content script); answered with InsertResult. */
  | { type: 'insert-note'; text: string; html: string }
  /** Start the element picker (panel → top frame). */
  | { type: 'pick-id' }
  /** What the worker clicked (content script → panel). */
  | { type: 'id-picked'; selector: string | null; text: string; adapterId: string; url: string }
  /** Escalation reference lines in the record's visible notes (panel → content script). */
  | { type: 'find-references' }
  /** The status chip: stage and time left for the child (content script → background). */
  | { type: 'child-status'; hostId: string; childId: string };

export interface ChildStatus {
  open: number;
  /** e.g. "Stage 2 · 3 working days left"; only what the chip may show. */
  text: string | null;
  overdue: boolean;
}

export type InsertResult = { inserted: 'caret' | 'end'; field: string };
export type ReferencesResult = { references: { reference: string; line: string }[] };
