// The background's answers, as tables of plain functions (one per message) that unit tests call
// directly. Who may send each message is in lib/messages/; what the browser must provide is `deps`.
import type { EscalationDb } from '../db';
import { childStatus } from '../child-status';
import { escalationsForChild } from '../escalations';
import type { Handlers, Sender } from './messaging';
import type { PagesToBackground } from '../messages/pages-to-background';
import type { RecordPageToExtension } from '../messages/record-page-to-extension';
import type { ExtensionToRecordPage } from '../messages/extension-to-record-page';
import type { PageSetup } from '../messages/types';
import type { PageLoad } from '../hosts/health';
import { serveChangeLanded, serveCommand } from './records-server';

export interface BackgroundDeps {
  database(): Promise<EscalationDb>;
  /** What a record page's script starts with (it cannot read extension storage itself). */
  pageSetup(): Promise<PageSetup>;
  /** Counts one page load in the adapters' health; true when the adapter may need updating for that page. */
  recordPageLoad(load: PageLoad): Promise<boolean>;
  /** The organisation's closure days, cached so a change never waits on the policy store. */
  closureDays(): Promise<Record<string, string>>;
  /** Redraw the badge and reminders after records changed. */
  refreshOverview(): void;
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
  return {
    async recordsCommand(command, sender) {
      if (!fromExtensionPage(sender, deps.extensionId)) return NOT_ALLOWED;
      const reply = await serveCommand(command, deps.database, deps.closureDays);
      if ('value' in reply) deps.refreshOverview();
      return reply;
    },
    changeLanded(changeId, sender) {
      if (!fromExtensionPage(sender, deps.extensionId)) return NOT_ALLOWED;
      return serveChangeLanded(changeId, deps.database);
    },
    recordsChanged(_, sender) {
      if (fromExtensionPage(sender, deps.extensionId)) deps.refreshOverview();
    },
    whichTab: (_, sender) => sender.tab?.id ?? null,
  };
}

export function recordPageHandlers(deps: BackgroundDeps): Partial<Handlers<RecordPageToExtension>> {
  return {
    pageSetup: () => deps.pageSetup(),
    async pageLoaded({ adapterId, found, notesFound }, sender) {
      if (!sender.url) return { mayNeedUpdating: false };
      const mayNeedUpdating = await deps.recordPageLoad({ adapterId, url: sender.url, found, notesFound, at: deps.now().toISOString() });
      return { mayNeedUpdating };
    },
    childDetected(reading, sender) {
      // A record shown inside an iframe: tell the top frame, which owns the launcher.
      const tabId = sender.tab?.id;
      if (tabId !== undefined && sender.frameId)
        deps.tellRecordPage({ tabId, frameId: 0 }, 'frameChild', { ...reading, frameId: sender.frameId });
    },
    askFramesToReport(_, sender) {
      if (sender.tab?.id !== undefined) deps.tellRecordPage({ tabId: sender.tab.id }, 'reportChild');
    },
    async childStatus({ hostId, childId }) {
      try {
        return childStatus(await escalationsForChild(await deps.database(), hostId, childId), deps.now());
      } catch {
        return undefined;
      }
    },
  };
}
