// Wires browser events to the extension. What each message does is lib/background/handlers.ts; what the
// service worker holds (settings, placement, tab readings) and tells record pages is the rest of lib/background/.
import '../lib/browser/language'; // the badge's title, reminders and settings warnings in the worker's language
import { loadAdapters, onAdaptersChanged } from '../lib/browser/adapters';
import {
  ADAPTER_HEALTH_ITEM,
  LAUNCHER_ITEM,
  PANEL_SIDE_ITEM,
  restrictStorageToExtension,
  serveStoreToFramedPages,
  storeForTests,
} from '../lib/browser/storage';
import { mayNeedUpdating, recordPageLoad } from '../lib/hosts/health';
import { pageHandlers, recordPageHandlers, fromExtensionPage, type BackgroundDeps } from '../lib/background/handlers';
import { database } from '../lib/browser/database';
import { FRAMED_PAGES_HEAR_ONLY_THEIR_TAB, passOnToFramedPages, serveOwnTabRelay, type Sender } from '../lib/browser/messaging';
import { OVERVIEW_ALARM, openFromNotification, refreshOverview } from '../lib/background/badge-and-reminders';
import { injectIntoOpenRecordPages, registerRecordPageScript, tellRecordPages } from '../lib/background/record-pages';
import { applySettings, placementNow, readPlacement, settingsNow } from '../lib/background/settings-held';
import { currentReadings, updateReadings } from '../lib/background/tab-readings';
import { PORT_NAME } from '../lib/browser/records-bridge';
import { serveRecords } from '../lib/background/records-server';
import { onSettingsChanged } from '../lib/browser/settings-storage';
import { protocolsReady } from '../lib/browser/protocols';
import { knowEarlierBuiltIns } from '../lib/protocols/earlier-built-in';
import { backgroundToPages, extensionToRecordPage, pagesToBackground, recordPageToExtension } from '../lib/browser/channels';
import { tabClosed } from '../lib/tabs/readings';
import { onToolbarClick, openSidePanel } from '../lib/browser/side-panel';
import { startTeamSync, syncTeamSoon, type TeamSyncDeps } from '../lib/browser/team-sync';

export default defineBackground(() => {
  // Records pinned to a built-in's earlier version are derived here before any page asks: known from the start.
  knowEarlierBuiltIns();
  // First, on every start: record pages' scripts must not reach what decides deadlines and who the worker is.
  void restrictStorageToExtension();
  // The browser tests read and set the extension's store through its background (never in a production build).
  if (import.meta.env.MODE !== 'production') Object.assign(globalThis, { extensionStore: storeForTests });
  // So the placement is known before the worker next presses the shortcut (entrypoint code runs only in main).
  void readPlacement();
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

  // Record-page scripts cannot watch extension storage: they read with the new adapters when told.
  onAdaptersChanged(() => void loadAdapters().then((adapters) => tellRecordPages('adaptersChanged', adapters)));
  browser.tabs.onRemoved.addListener((tabId) => void updateReadings((all) => tabClosed(all, tabId)));

  // Records are derived with the protocol version each escalation follows: the stored ones are read first.
  const recordsDatabase = () => protocolsReady().then(database);
  const deps: BackgroundDeps = {
    database: recordsDatabase,
    pageSetup: async () => ({
      adapters: await loadAdapters(),
      panelSide: await PANEL_SIDE_ITEM.get(),
      ...(({ placement, showChip = true }) => ({ placement, showChip }))(await LAUNCHER_ITEM.get()),
    }),
    launcherSettings: () => LAUNCHER_ITEM.get(),
    // Held in memory: no storage read on a panel's way to its first paint (reading the kept copy took ~15 ms
    // there); the background's policy reading answers quickly, a page's has waited 2 s (a side panel in a new window).
    settingsHeld: () => settingsNow().catch(() => undefined),
    readings: currentReadings,
    updateReadings,
    async recordPageLoad(load) {
      const health = recordPageLoad(await ADAPTER_HEALTH_ITEM.get(), load);
      await ADAPTER_HEALTH_ITEM.set(health);
      return mayNeedUpdating(health, load.adapterId, load.url);
    },
    closureDays: async () => (await settingsNow()).values.closureDays,
    recordsChanged() {
      syncTeamSoon(teamSync); // the team store, when IT has set one up
      void refreshOverview();
      backgroundToPages.send('recordsUpdated').catch(() => undefined);
      // Firefox: the chips (framed) hear only their own tab.
      if (FRAMED_PAGES_HEAR_ONLY_THEIR_TAB)
        void currentReadings().then((all) => {
          for (const tabId of Object.keys(all))
            backgroundToPages.sendToTab({ tabId: Number(tabId) }, 'recordsUpdated').catch(() => undefined);
        });
    },
    tellRecordPage: (target, type, ...data) => void extensionToRecordPage.sendToTab(target, type, ...data).catch(() => undefined),
    extensionId: browser.runtime.id,
    now: () => new Date(),
  };
  pagesToBackground.handle(pageHandlers(deps));
  const teamSync: TeamSyncDeps = { database: recordsDatabase, closureDays: deps.closureDays, recordsChanged: () => deps.recordsChanged() };
  startTeamSync(teamSync);
  const isOwnPage = (sender: Sender) => fromExtensionPage(sender, browser.runtime.id);
  serveOwnTabRelay(isOwnPage);
  serveStoreToFramedPages(isOwnPage);
  if (FRAMED_PAGES_HEAR_ONLY_THEIR_TAB) passOnToFramedPages(recordPageToExtension.name, ['childDetected', 'idPicked'], isOwnPage);
  recordPageToExtension.handle(recordPageHandlers(deps));

  // The in-page panel's live queries come over a port (first-party storage, see records-bridge.ts).
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === PORT_NAME && port.sender && fromExtensionPage(port.sender, browser.runtime.id))
      serveRecords(port, recordsDatabase, deps.closureDays);
    else port.disconnect();
  });

  // The shortcut and the toolbar button are the worker's own action: the side panel opens in the same turn.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-panel' || !tab) return;
    const inPage = () => tab.id !== undefined && deps.tellRecordPage({ tabId: tab.id, frameId: 0 }, 'togglePanel');
    if (placementNow() === 'side-panel') void openSidePanel(tab).then((opened) => opened || inPage());
    else inPage();
  });
  onToolbarClick();
});
