// Wires browser events to the extension; decisions live in lib/.
import { childStatus } from '../lib/child-status';
import { database } from '../lib/browser/database';
import { registerRecordPageScript } from '../lib/browser/record-pages';
import { PORT_NAME } from '../lib/browser/records-bridge';
import { serveCommand, serveRecords } from '../lib/browser/records-server';
import type { CommandMessage } from '../lib/browser/records-bridge';
import { escalationsForChild } from '../lib/escalations';
import type { Message } from '../lib/page/messages';
import { MANAGED_ADAPTERS } from '../lib/browser/adapters';
import { loadSettings, onSettingsChanged } from '../lib/browser/settings';
import { OVERVIEW_ALARM, openFromNotification, refreshOverview } from '../lib/browser/overview';

/** Only the extension's own pages (not record-page scripts) may read or change records. */
function fromExtensionPage(sender: { id?: string; url?: string }): boolean {
  if (sender.id !== browser.runtime.id || !sender.url) return false;
  const scheme = new URL(sender.url).protocol;
  return scheme === 'chrome-extension:' || scheme === 'moz-extension:';
}

/** The organisation's closure days, kept in memory so saving a change never waits on the policy store. */
let closureDaysCache: Promise<Record<string, string>> | undefined;

/** Keeps the organisation's validated adapters where the record-page script reads them. */
async function applySettings() {
  const loaded = loadSettings();
  closureDaysCache = loaded.then((s) => s.values.extraNonWorkingDays);
  const { values, source } = await loaded;
  const adapters = source.adapters === 'organisation' ? values.adapters : [];
  const stored = (await browser.storage.local.get(MANAGED_ADAPTERS))[MANAGED_ADAPTERS];
  // Writing only real changes: each write restarts detection on every open record page.
  if (JSON.stringify(stored) !== JSON.stringify(adapters)) await browser.storage.local.set({ [MANAGED_ADAPTERS]: adapters });
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => void registerRecordPageScript().then(applySettings));
  browser.runtime.onStartup.addListener(() => void registerRecordPageScript().then(applySettings));
  onSettingsChanged(() => void applySettings().then(() => refreshOverview()));
  // The badge is not kept across browser restarts, and alarms may not be: redraw on every start.
  void refreshOverview();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OVERVIEW_ALARM) void refreshOverview();
  });
  browser.notifications.onClicked.addListener(openFromNotification);
  browser.permissions.onAdded.addListener(() => void registerRecordPageScript());
  browser.permissions.onRemoved.addListener(() => void registerRecordPageScript());

  const closureDays = () => (closureDaysCache ??= loadSettings().then((s) => s.values.extraNonWorkingDays));

  browser.runtime.onMessage.addListener((message: Message | CommandMessage | { type: 'which-tab' } | { type: 'records-changed' }, sender, sendResponse) => {
    const tabId = sender.tab?.id;
    switch (message.type) {
      case 'records-command':
        // Changes from the panel: only extension pages may send them.
        if (!fromExtensionPage(sender)) return;
        void serveCommand(message.command, database, closureDays).then((reply) => {
          sendResponse(reply);
          if ('value' in reply) void refreshOverview();
        });
        return true;
      case 'records-changed':
        // An extension page imported or deleted records itself.
        if (fromExtensionPage(sender)) void refreshOverview();
        return;
      case 'which-tab':
        sendResponse(tabId ?? null);
        return;
      case 'child-detected':
        // A record shown inside an iframe: tell the top frame, which owns the launcher.
        if (tabId !== undefined && sender.frameId) {
          const relay: Message = { ...message, type: 'frame-child', frameId: sender.frameId };
          browser.tabs.sendMessage(tabId, relay, { frameId: 0 }).catch(() => undefined);
        }
        return;
      case 'report-child':
        // The top frame has just started: every frame of its tab reports again.
        if (tabId !== undefined) browser.tabs.sendMessage(tabId, message).catch(() => undefined);
        return;
      case 'child-status':
        database()
          .then((db) => escalationsForChild(db, message.hostId, message.childId))
          .then((list) => sendResponse(childStatus(list, new Date())))
          .catch(() => sendResponse(undefined));
        return true; // answers asynchronously
    }
  });

  // The in-page panel reads and writes records through here (first-party storage).
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === PORT_NAME && port.sender && fromExtensionPage(port.sender)) serveRecords(port, database);
    else port.disconnect();
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-panel' && tab?.id !== undefined) {
      browser.tabs.sendMessage(tab.id, { type: 'toggle-panel' } satisfies Message, { frameId: 0 }).catch(() => undefined);
    }
  });
});
