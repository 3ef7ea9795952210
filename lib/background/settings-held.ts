// The settings as the service worker holds them: in memory, so saving a change or opening a panel never waits
// on the policy store, and applied where the record pages and the toolbar read them.
import { LAUNCHER_ITEM, MANAGED_ADAPTERS_ITEM } from '../browser/storage';
import { database } from '../browser/database';
import { resolveAndKeepSettings } from '../browser/settings-storage';
import { useToolbarFor } from '../browser/side-panel';
import { recomputeDues } from '../db/escalations';
import type { PanelPlacement } from '../messages/types';
import { BUILT_IN_SETTINGS, type ResolvedSettings } from '../settings';
import { refreshOverview } from './badge-and-reminders';
import { tellRecordPages } from './record-pages';

let settingsCache: Promise<ResolvedSettings> | undefined;
/**
 * Where the panel opens, known without waiting: opening the side panel must happen in the same turn as the
 * worker's key press or click (browsers refuse it after an await). Read from storage at start.
 */
let placement: PanelPlacement = BUILT_IN_SETTINGS.panelPlacement;

export const placementNow = (): PanelPlacement => placement;

/** At every start, so the placement is known before the worker next presses the shortcut. */
export function readPlacement(): Promise<void> {
  return LAUNCHER_ITEM.get().then((launcher) => void (placement = launcher.placement));
}

/**
 * Reads the settings afresh; the one place the cache is set. When the policy store answers too late for this
 * reading (which then used the policy it last gave), they are resolved again with its answer and applied.
 */
function readSettings(): Promise<ResolvedSettings> {
  const loaded = resolveAndKeepSettings((answered) => {
    settingsCache = Promise.resolve(answered);
    void applyResolved(answered).then(() => refreshOverview());
  });
  settingsCache = loaded;
  return loaded;
}

export const settingsNow = (): Promise<ResolvedSettings> => settingsCache ?? readSettings();

/** Reads the settings afresh and applies them (the organisation's protocols, the built-ins, adapters, placement). */
export async function applySettings(): Promise<void> {
  await applyResolved(await readSettings());
}

/** Keeps the organisation's validated adapters where the record-page script reads them, and the toolbar in step with the placement. */
async function applyResolved({ values, source }: ResolvedSettings) {
  void database()
    .then((db) => recomputeDues(db, values.closureDays))
    .catch(() => undefined); // stored dues follow the closure days
  // Writing only real changes: each write restarts detection on every open record page.
  await MANAGED_ADAPTERS_ITEM.setIfChanged(source.adapters === 'organisation' ? values.adapters : []);
  placement = values.panelPlacement;
  await LAUNCHER_ITEM.setIfChanged({
    placement: values.panelPlacement,
    chipShowsStatus: values.chipShowsStatus,
    showChip: values.showChip,
  });
  await useToolbarFor(values.panelPlacement);
  await tellRecordPages('placementChanged', values.panelPlacement);
  await tellRecordPages('chipShown', values.showChip);
}
