// The background's answers, as tables of plain functions (one per message) that unit tests call
// directly. Who may send each message is in lib/messages/; what the browser must provide is `deps`.
import type { EscalationDb } from '../db';
import { childStatus } from './child-status';
import { escalationsForChild, openEscalationsFollowing } from '../db/escalations';
import type { Handlers, Sender } from '../browser/messaging';
import type { PagesToBackground } from '../messages/pages-to-background';
import type { RecordPageToExtension } from '../messages/record-page-to-extension';
import type { ExtensionToRecordPage } from '../messages/extension-to-record-page';
import type { PageSetup, TabReading } from '../messages/types';
import type { PageLoad } from '../hosts/health';
import type { LauncherSettings } from '../browser/storage';
import type { ResolvedSettings } from '../settings';
import { childForTab } from '../tabs/readings';
import { frameRead, readingOf, tabNavigated, type TabReadings } from '../tabs/readings';
import { serveChangeLanded, serveCommand } from './records-server';

export interface BackgroundDeps {
  database(): Promise<EscalationDb>;
  /** What a record page's script starts with (it cannot read extension storage itself). */
  pageSetup(): Promise<PageSetup>;
  /** Counts one page load in the adapters' health; true when the adapter may need updating for that page. */
  recordPageLoad(load: PageLoad): Promise<boolean>;
  /** The organisation's closure days, cached so a change never waits on the policy store. */
  closureDays(): Promise<Record<string, string>>;
  /** After records changed: redraw the badge and reminders, and tell the chips. */
  recordsChanged(): void;
  /** Where the panel opens and what the chip shows (kept resolved in storage, never waiting on the policy store). */
  launcherSettings(): Promise<LauncherSettings>;
  /**
   * The settings as the background holds them in memory (read again whenever the policy, the worker's settings or
   * the imported protocols change); undefined when they cannot be read.
   */
  settingsHeld(): Promise<ResolvedSettings | undefined>;
  /** What each tab's frames have read (kept across service-worker restarts). */
  readings(): Promise<TabReadings>;
  /** Changes them, one change at a time. */
  updateReadings(change: (all: TabReadings) => TabReadings): Promise<unknown>;
  /** Tell a record page's frames something (extension → record page). */
  tellRecordPage<K extends keyof ExtensionToRecordPage & string>(
    target: { tabId: number; frameId?: number },
    type: K,
    ...data: Parameters<ExtensionToRecordPage[K]>
  ): void;
  /** This extension's id, to tell its own pages from anything else. */
  extensionId: string;
  now(): Date;
}

/** Only the extension's own pages (not record-page scripts) may read or change records. */
export function fromExtensionPage(sender: Sender, extensionId: string): boolean {
  if (sender.id !== extensionId || !sender.url) return false;
  const scheme = new URL(sender.url).protocol;
  return scheme === 'chrome-extension:' || scheme === 'moz-extension:';
}

const NOT_ALLOWED = { error: { name: 'NotAllowedError', message: 'Only the extension’s own pages may change records.' } };

export function pageHandlers(deps: BackgroundDeps): Handlers<PagesToBackground> {
  /** What the frames of a tab have read (null: not in a tab). */
  const readingFor = async (tabId: number | null) => readingOf(await deps.readings(), tabId);
  /** The escalations of the child a tab's frames show; undefined when none is shown or the records cannot be read. */
  const escalationsShown = async (reading: TabReading) => {
    const child = childForTab(new Map(reading.frames));
    if (!child.found) return undefined;
    return deps
      .database()
      .then((db) => escalationsForChild(db, child.hostId, child.childId))
      .catch(() => undefined);
  };
  return {
    async recordsCommand(command, sender) {
      if (!fromExtensionPage(sender, deps.extensionId)) return NOT_ALLOWED;
      const reply = await serveCommand(command, deps.database, deps.closureDays);
      if ('value' in reply) deps.recordsChanged();
      return reply;
    },
    changeLanded(changeId, sender) {
      if (!fromExtensionPage(sender, deps.extensionId)) return NOT_ALLOWED;
      return serveChangeLanded(changeId, deps.database);
    },
    recordsChanged(_, sender) {
      if (fromExtensionPage(sender, deps.extensionId)) deps.recordsChanged();
    },
    async tabReading(tab, sender) {
      // Extension pages only: what a tab shows is not for other tabs' scripts.
      if (!fromExtensionPage(sender, deps.extensionId)) return { tabId: null, frames: [] };
      return readingFor(tab?.tabId ?? sender.tab?.id ?? null);
    },
    async panelOpening(tab, sender) {
      if (!fromExtensionPage(sender, deps.extensionId)) return { tabId: null, frames: [] };
      const settings = deps.settingsHeld().catch(() => undefined);
      const reading = await readingFor(tab?.tabId ?? sender.tab?.id ?? null);
      // Records that cannot be read leave the escalations out: the panel's own live query says why.
      return { ...reading, escalations: await escalationsShown(reading), settings: await settings };
    },
    async openEscalationsFollowing(protocol, sender) {
      if (!fromExtensionPage(sender, deps.extensionId)) return undefined;
      return openEscalationsFollowing(await deps.database(), protocol).catch(() => undefined);
    },
    async chipState(_, sender) {
      const { placement, chipShowsStatus } = await deps.launcherSettings();
      if (!fromExtensionPage(sender, deps.extensionId)) return { tabId: null, frames: [], placement };
      const reading = await readingFor(sender.tab?.id ?? null);
      const escalations = chipShowsStatus ? await escalationsShown(reading) : undefined;
      if (!escalations) return { ...reading, placement };
      try {
        return { ...reading, placement, status: childStatus(escalations, deps.now(), await deps.closureDays()) };
      } catch {
        return { ...reading, placement };
      }
    },
  };
}

export function recordPageHandlers(deps: BackgroundDeps): Partial<Handlers<RecordPageToExtension>> {
  return {
    async pageSetup(_, sender) {
      // A new page in the tab's top frame: the old page's readings no longer say what the tab shows.
      const tabId = sender.tab?.id;
      if (tabId !== undefined && sender.frameId === 0) {
        await deps.updateReadings((all) => tabNavigated(all, tabId));
        // A frame of the new page may have reported before its top frame started: ask them all again.
        deps.tellRecordPage({ tabId }, 'reportChild');
      }
      return deps.pageSetup();
    },
    async pageLoaded({ adapterId, found, notesFound }, sender) {
      if (!sender.url) return { mayNeedUpdating: false };
      const mayNeedUpdating = await deps.recordPageLoad({ adapterId, url: sender.url, found, notesFound, at: deps.now().toISOString() });
      return { mayNeedUpdating };
    },
    childDetected(reading, sender) {
      // The proof of what this tab shows: the only child the tab's chip may be told about.
      const tabId = sender.tab?.id;
      if (tabId !== undefined) void deps.updateReadings((all) => frameRead(all, tabId, sender.frameId ?? 0, reading));
    },
  };
}
