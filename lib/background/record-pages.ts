// The content script runs only on case-record sites the user (or IT) has
// granted, never on every page: it is registered at runtime for exactly the
// origins the extension holds a host permission for.
import { extensionToRecordPage } from '../messages/extension-to-record-page';

const SCRIPT_ID = 'record-page';

export async function registerRecordPageScript(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (origins.length === 0) return [];
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches: origins,
      js: ['content-scripts/content.js'],
      runAt: 'document_idle',
      allFrames: true,
      persistAcrossSessions: true,
    },
  ]);
  return origins;
}

/**
 * After an install, update or reload: the record pages already open get the new script at once
 * (the browser injects registered scripts only into pages loaded later). Each old instance, if
 * any, is invalidated by the new one and removes its launcher, so each page keeps exactly one.
 */
export async function injectIntoOpenRecordPages(origins: string[]): Promise<void> {
  if (origins.length === 0) return;
  const tabs = await browser.tabs.query({ url: origins });
  await Promise.all(
    tabs.map(async ({ id: tabId }) => {
      if (tabId === undefined) return;
      // A page loaded since this version registered its script already runs it: leave that one be.
      const running = await extensionToRecordPage.sendToTab({ tabId, frameId: 0 }, 'launcherRunning').catch(() => false);
      if (running) return;
      await browser.scripting
        .executeScript({ target: { tabId, allFrames: true }, files: ['/content-scripts/content.js'] })
        .catch(() => undefined);
    }),
  );
}
