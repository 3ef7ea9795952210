// Reading the settings in an extension context: managed storage (policy), the
// user's own (extension storage), built-in; see lib/settings.ts for the order.
import { resolveSettings, type ResolvedSettings, type SettingKey, type Settings } from '../settings';
import { protocolsReady } from './protocols';
import { TEST_MANAGED_ITEM, USER_SETTINGS_ITEM } from './storage';

/** How long to wait for the browser's policy store before going on without it. */
const MANAGED_READ_LIMIT_MS = 2_000;

async function managedSettings(): Promise<unknown> {
  let managed: Record<string, unknown> = {};
  try {
    // Never let a slow policy store hold up the panel or a change being saved.
    const limit = new Promise<Record<string, unknown>>((resolve) => setTimeout(() => resolve({}), MANAGED_READ_LIMIT_MS));
    managed = await Promise.race([browser.storage.managed.get(null) as Promise<Record<string, unknown>>, limit]);
  } catch {
    // No policy for this extension (or no managed storage in this browser).
  }
  if (import.meta.env.MODE !== 'production') {
    const injected = await TEST_MANAGED_ITEM.get();
    if (injected) managed = { ...managed, ...injected };
  }
  return Object.keys(managed).length ? managed : undefined;
}

export async function loadSettings(): Promise<ResolvedSettings> {
  // The stored protocols first: a setting may name an imported one.
  await protocolsReady();
  return resolveSettings(await managedSettings(), await USER_SETTINGS_ITEM.get());
}

export async function saveUserSetting<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
  await USER_SETTINGS_ITEM.set({ ...(await USER_SETTINGS_ITEM.get()), [key]: value });
}

/** Calls back whenever the policy or the user's settings change. */
export function onSettingsChanged(callback: () => void): void {
  browser.storage.onChanged.addListener((_, area) => {
    if (area === 'managed') callback();
  });
  USER_SETTINGS_ITEM.watch(callback);
  TEST_MANAGED_ITEM.watch(callback);
}
