// Wires browser events to the extension; what each message does is lib/browser/background-handlers.ts.
import { loadAdapters, onAdaptersChanged } from '../lib/browser/adapters';
import { ADAPTER_HEALTH_ITEM, MANAGED_ADAPTERS_ITEM, PANEL_SIDE_ITEM, restrictStorageToExtension } from '../lib/browser/storage';
import { mayNeedUpdating, recordPageLoad } from '../lib/hosts/health';
import { pageHandlers, recordPageHandlers, fromExtensionPage, type BackgroundDeps } from '../lib/browser/background-handlers';
import { database } from '../lib/browser/database';
import { OVERVIEW_ALARM, openFromNotification, refreshOverview } from '../lib/browser/overview';
import { injectIntoOpenRecordPages, registerRecordPageScript } from '../lib/browser/record-pages';
import { PORT_NAME } from '../lib/browser/records-bridge';
import { serveRecords } from '../lib/browser/records-server';
import { loadSettings, onSettingsChanged } from '../lib/browser/settings';
import { extensionToRecordPage } from '../lib/messages/extension-to-record-page';
import { pagesToBackground } from '../lib/messages/pages-to-background';
import { recordPageToExtension } from '../lib/messages/record-page-to-extension';

/** The organisation's closure days, kept in memory so saving a change never waits on the policy store. */
let closureDaysCache: Promise<Record<string, string>> | undefined;

/** Reads the settings afresh; the one place the closure-days cache is set. */
function readSettings() {
  const loaded = loadSettings();
  closureDaysCache = loaded.then((s) => s.values.closureDays);
  return loaded;
}

/** Keeps the organisation's validated adapters where the record-page script reads them. */
async function applySettings() {
  const { values, source } = await readSettings();
  // Writing only real changes: each write restarts detection on every open record page.
  await MANAGED_ADAPTERS_ITEM.setIfChanged(source.adapters === 'organisation' ? values.adapters : []);
}

/** Every open tab's record-page script reads with the new adapters at once (they cannot watch storage). */
async function tellRecordPagesAdaptersChanged() {
  const adapters = await loadAdapters();
  for (const tab of await browser.tabs.query({})) {
    if (tab.id !== undefined) extensionToRecordPage.sendToTab({ tabId: tab.id }, 'adaptersChanged', adapters).catch(() => undefined);
  }
}

export default defineBackground(() => {
  // First, on every start: record pages' scripts must not reach what decides deadlines and who the worker is.
  void restrictStorageToExtension();
  browser.runtime.onInstalled.addListener(
    ({ reason }) =>
      void registerRecordPageScript().then(async (origins) => {
        await applySettings();
        // After an update (or a reload), record pages already open still hold the old script: replace it.
        if (reason === 'update') await injectIntoOpenRecordPages(origins);
      }),
  );
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

  onAdaptersChanged(() => void tellRecordPagesAdaptersChanged());

  const deps: BackgroundDeps = {
    database,
    pageSetup: async () => ({ adapters: await loadAdapters(), panelSide: await PANEL_SIDE_ITEM.get() }),
    async recordPageLoad(load) {
      const health = recordPageLoad(await ADAPTER_HEALTH_ITEM.get(), load);
      await ADAPTER_HEALTH_ITEM.set(health);
      return mayNeedUpdating(health, load.adapterId, load.url);
    },
    closureDays: () => closureDaysCache ?? readSettings().then((s) => s.values.closureDays),
    refreshOverview: () => void refreshOverview(),
    tellRecordPage: (target, type, ...data) => void extensionToRecordPage.sendToTab(target, type, ...data).catch(() => undefined),
    extensionId: browser.runtime.id,
    now: () => new Date(),
  };
  pagesToBackground.handle(pageHandlers(deps));
  recordPageToExtension.handle(recordPageHandlers(deps));

  // The in-page panel's live queries come over a port (first-party storage, see records-bridge.ts).
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === PORT_NAME && port.sender && fromExtensionPage(port.sender, browser.runtime.id)) serveRecords(port, database);
    else port.disconnect();
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-panel' && tab?.id !== undefined) deps.tellRecordPage({ tabId: tab.id, frameId: 0 }, 'togglePanel');
  });
});
