// Reading the settings in an extension context: managed storage (policy), the
// user's own (extension storage), built-in; see lib/settings/resolve.ts for the order.
// Checking them takes the schema library; the background does it whenever they change and keeps the result
// (KEPT_SETTINGS_ITEM) with what it was made from, so a page made from the same inputs uses it as it is.
import type { ResolvedSettings, SettingKey, Settings } from '../settings';
import { keepDefinitions, protocolsReady } from './protocols';
import { KEPT_SETTINGS_ITEM, PROTOCOL_LIBRARY_ITEM, TEST_MANAGED_ITEM, USER_SETTINGS_ITEM } from './storage';

/** How long to wait for the browser's policy store before going on without it. */
const MANAGED_READ_LIMIT_MS = 2_000;

/** The policy, and whether the policy store answered in time (`undefined`: no policy). */
async function managedSettings(): Promise<{ managed: unknown; answered: boolean }> {
  let managed: Record<string, unknown> = {};
  let answered = true;
  try {
    // Never let a slow policy store hold up the panel or a change being saved.
    const limit = new Promise<null>((resolve) => setTimeout(() => resolve(null), MANAGED_READ_LIMIT_MS));
    const read = await Promise.race([browser.storage.managed.get(null) as Promise<Record<string, unknown>>, limit]);
    answered = read !== null;
    managed = read ?? {};
  } catch {
    // No policy for this extension (or no managed storage in this browser).
  }
  if (import.meta.env.MODE !== 'production') {
    const injected = await TEST_MANAGED_ITEM.get();
    if (injected) managed = { ...managed, ...injected };
  }
  return { managed: Object.keys(managed).length ? managed : undefined, answered };
}

/** What the settings are resolved from: the policy, the worker's own, and the protocols imported (a setting may name one). */
async function settingsInputs() {
  const [policy, user, library] = await Promise.all([managedSettings(), USER_SETTINGS_ITEM.get(), PROTOCOL_LIBRARY_ITEM.get()]);
  const { managed, answered } = policy;
  const mine = mineOf(user, library);
  return { managed, user, policyAnswered: answered, mine, from: JSON.stringify([managed ?? null, mine]) };
}

/** What the settings are made from apart from the policy: the worker's own, and the imported protocols. */
const mineOf = (user: unknown, library: { imported: readonly string[] }) => JSON.stringify([user ?? null, library.imported]);

async function resolveFrom(inputs: { managed: unknown; user: unknown }): Promise<ResolvedSettings> {
  const { resolveSettings } = await import('../settings/resolve');
  return resolveSettings(inputs.managed, inputs.user);
}

/**
 * Background only: the settings resolved here, the organisation's protocols kept in the library (where pages
 * read them), then the result kept for the pages: a page that uses it finds every protocol it names.
 */
export async function resolveAndKeepSettings(): Promise<ResolvedSettings> {
  // The stored protocols first: a setting may name an imported one.
  await protocolsReady();
  const inputs = await settingsInputs();
  const settings = await resolveFrom(inputs);
  await keepDefinitions(settings.values.protocols);
  // Written only when it differs: the background reads the settings again after every restart.
  await KEPT_SETTINGS_ITEM.setIfChanged({ from: inputs.from, mine: inputs.mine, settings });
  return settings;
}

/**
 * The settings, for a page: those the background kept when they were resolved from what is stored now, or, when
 * the policy store did not answer this page in time, from the worker's settings and imported protocols as stored
 * now (the background's reading has the policy; this page's would not). Otherwise (the background has not caught
 * up with a change yet, or has not run since the browser started) resolved here.
 */
export async function loadSettings(): Promise<ResolvedSettings> {
  // Read side by side; the stored protocols are in the catalogue before anything is resolved or returned, since a
  // setting may name an imported protocol.
  const [inputs, kept] = await Promise.all([settingsInputs(), KEPT_SETTINGS_ITEM.get(), protocolsReady()]);
  const current = kept && (kept.from === inputs.from || (!inputs.policyAnswered && kept.mine === inputs.mine));
  return current ? kept.settings : resolveFrom(inputs);
}

/**
 * The settings the background kept, when they were made from the worker's settings and imported protocols as
 * stored now; undefined otherwise. A page draws with them at once, without waiting on the policy store (it has
 * taken over 2 s to answer a side panel opened in a new window), then reads the settings in full (loadSettings):
 * the background reads the policy again whenever it changes, so the two differ only while it catches up.
 */
export async function keptSettings(): Promise<ResolvedSettings | undefined> {
  const [user, library, kept] = await Promise.all([
    USER_SETTINGS_ITEM.get(),
    PROTOCOL_LIBRARY_ITEM.get(),
    KEPT_SETTINGS_ITEM.get(),
    protocolsReady(),
  ]);
  return kept?.mine === mineOf(user, library) ? kept.settings : undefined;
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
