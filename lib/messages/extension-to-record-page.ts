// What the background and the panel ask of a record page's frames (tab messages). Served by
// lib/page/top-frame.ts (the launcher) and lib/page/every-frame.ts (the reader in every frame).
import { defineProtocol } from '../browser/messaging';
import type { DiagnosticReport, SourceTried } from '../hosts/diagnose';
import type { HostAdapter } from '../hosts/schema';
import type { ChipPlace } from '../chip/place';
import type { ChildRef, InsertResult, PanelPlacement, PanelSide, ReferencesResult } from './types';

export interface ExtensionToRecordPage {
  /** Background → every frame: the adapters changed (a pick, an import, a policy); read the page with these. No reply. */
  adaptersChanged(adapters: HostAdapter[]): void;
  /** Panel, chip or side panel → every frame: send your reading again. No reply (a tab with no record-page script refuses it). */
  reportChild(): void;
  /** Background → top frame, after an install or update: is this version's launcher running here? Only a live one answers. */
  launcherRunning(): true;
  /** Background (the keyboard command) or chip → top frame: show or hide the in-page panel. No reply. */
  togglePanel(): void;
  /** Panel → top frame: hide the panel. No reply. */
  closePanel(): void;
  /** Panel → top frame: dock the panel on this side. No reply. */
  panelSide(side: PanelSide): void;
  /** Background → top frame: the panel's placement changed (settings or policy). No reply. */
  placementChanged(placement: PanelPlacement): void;
  /** Background → top frame: the chip is turned on or off (settings or policy `showChip`). No reply. */
  chipShown(shown: boolean): void;
  /** Chip → top frame: where the worker put the chip (its corner, or collapsed to the window's edge). No reply. */
  chipPlace(place: ChipPlace): void;
  /** Panel → top frame: start the element picker. No reply. */
  pickId(): void;
  /**
   * Panel → every frame: put the note in the notes field and read it back. Only a frame with a visible notes field
   * answers, and it writes only while its own reading, made then, is `child`; otherwise it refuses.
   */
  insertNote(note: { text: string; html: string; child: ChildRef }): InsertResult;
  /**
   * Options page → the top frame of a granted record page, whether or not an adapter matches it: what each of
   * this adapter's sources reads there, and whether it passes. Nothing is saved.
   */
  tryAdapter(adapter: HostAdapter): { url: string; sources: SourceTried[] };
  /** Panel → every frame the adapter matches: a report for IT with nothing personal in it (lib/hosts/diagnose.ts). */
  diagnose(): DiagnosticReport;
  /**
   * Panel → every frame: escalation references in the record's visible notes. Only a frame with a notes history
   * answers, and it gives none unless its own reading, made then, is `child`.
   */
  findReferences(child: ChildRef): ReferencesResult;
}

export const extensionToRecordPage = defineProtocol<ExtensionToRecordPage>('extension-to-record-page');
