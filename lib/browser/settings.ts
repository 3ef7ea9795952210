// Reading the settings in an extension context: managed storage (policy), the
// user's own (extension storage), built-in; see lib/settings.ts for the order.
import { resolveSettings, type ResolvedSettings, type SettingKey, type Settings } from '../settings';

const USER_SETTINGS = 'userSettings';
/** Test and development builds only: lets the browser tests stand in for an enterprise policy. */
export const TEST_MANAGED = '__testManagedSettings';

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
    const injected = (await browser.storage.local.get(TEST_MANAGED))[TEST_MANAGED];
    if (injected && typeof injected === 'object') managed = { ...managed, ...injected };
  }
  return Object.keys(managed).length ? managed : undefined;
}

export async function loadSettings(): Promise<ResolvedSettings> {
  const user = (await browser.storage.local.get(USER_SETTINGS))[USER_SETTINGS];
  return resolveSettings(await managedSettings(), user);
}

export async function saveUserSetting<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
  const user = ((await browser.storage.local.get(USER_SETTINGS))[USER_SETTINGS] ?? {}) as Record<string, unknown>;
  await browser.storage.local.set({ [USER_SETTINGS]: { ...user, [key]: value } });
}

/** Calls back whenever the policy or the user's settings change. */
export function onSettingsChanged(callback: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || USER_SETTINGS in changes || TEST_MANAGED in changes) callback();
  });
}
