// Reading the settings in an extension context: managed storage (policy), the
// user's own (extension storage), built-in; see lib/settings/resolve.ts for the order.
// Checking them takes the schema library; the background does it whenever they change and keeps the result
// (KEPT_SETTINGS_ITEM) with what it was made from, so a page made from the same inputs uses it as it is.
import type { PolicyUsed, ResolvedSettings, SettingKey, Settings } from '../settings';
import { keepDefinitions, protocolsReady } from './protocols';
import {
  KEPT_SETTINGS_ITEM,
  LAST_POLICY_ITEM,
  PROTOCOL_LIBRARY_ITEM,
  TEST_MANAGED_ITEM,
  TEST_POLICY_DELAY_ITEM,
  USER_SETTINGS_ITEM,
  type LastPolicy,
} from './storage';

/** How long to wait for the browser's policy store before going on with the policy it last gave. */
const MANAGED_READ_LIMIT_MS = 2_000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The policy store's answer: the organisation's policy, or null when there is none. */
async function askPolicyStore(): Promise<Record<string, unknown> | null> {
  let managed: Record<string, unknown> = {};
  if (import.meta.env.MODE !== 'production') {
    const delay = await TEST_POLICY_DELAY_ITEM.get();
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
  }
  try {
    const read: unknown = await browser.storage.managed.get(null);
    if (isRecord(read)) managed = read;
  } catch {
    // No policy for this extension (or no managed storage in this browser).
  }
  if (import.meta.env.MODE !== 'production') {
    const injected = await TEST_MANAGED_ITEM.get();
    if (injected) managed = { ...managed, ...injected };
  }
  return Object.keys(managed).length ? managed : null;
}

interface PolicyReading extends PolicyUsed {
  managed: Record<string, unknown> | null;
  /** Settles when the policy store answers (at once when it already has). */
  answered: Promise<LastPolicy>;
}

/**
 * The policy: the store's answer when it gives one within the limit, else the policy it last gave (marked not
 * current, with when). Never "no policy" only because the store is slow: when it has never answered on this device,
 * this waits for it however long it takes. `keep`: remember the answer (the background does).
 */
async function readPolicy(keep: boolean): Promise<PolicyReading> {
  const answered = askPolicyStore().then(async (managed) => {
    const reading = { policy: managed, readAt: new Date().toISOString() };
    if (keep) await LAST_POLICY_ITEM.setIfChanged(reading);
    return reading;
  });
  const limit = new Promise<null>((resolve) => setTimeout(() => resolve(null), MANAGED_READ_LIMIT_MS));
  const now = await Promise.race([answered, limit]);
  if (now) return { managed: now.policy, current: true, readAt: null, answered };
  const last = await LAST_POLICY_ITEM.get();
  if (last) return { managed: last.policy, current: false, readAt: last.readAt, answered };
  // Never answered on this device: nothing to go on but its answer.
  const first = await answered;
  return { managed: first.policy, current: true, readAt: null, answered };
}

/**
 * What the settings are resolved from: the policy, the worker's own, and the protocols imported (a setting may
 * name one). `answer`: the policy store's answer, when it has just given one (not asked again).
 */
async function settingsInputs(keep = false, answer?: LastPolicy) {
  const policy: Promise<PolicyReading> = answer
    ? Promise.resolve({ managed: answer.policy, current: true, readAt: null, answered: Promise.resolve(answer) })
    : readPolicy(keep);
  const [reading, user, library] = await Promise.all([policy, USER_SETTINGS_ITEM.get(), PROTOCOL_LIBRARY_ITEM.get()]);
  const mine = mineOf(user, library);
  return { ...reading, user, mine, from: JSON.stringify([reading.managed, mine]) };
}

/** What the settings are made from apart from the policy: the worker's own, and the imported protocols. */
const mineOf = (user: unknown, library: { imported: readonly string[] }) => JSON.stringify([user ?? null, library.imported]);

async function resolveFrom(inputs: {
  managed: unknown;
  user: unknown;
  current: boolean;
  readAt: string | null;
}): Promise<ResolvedSettings> {
  const { resolveSettings } = await import('../settings/resolve');
  return resolveSettings(inputs.managed ?? undefined, inputs.user, { current: inputs.current, readAt: inputs.readAt });
}

/**
 * Background only: the settings resolved here, the organisation's protocols kept in the library (where pages
 * read them), then the result kept for the pages: a page that uses it finds every protocol it names. When the
 * policy store was too slow and the policy it last gave was used, they are resolved again with its answer when it
 * comes, and `onAnswer` is given that resolution.
 */
export async function resolveAndKeepSettings(onAnswer?: (settings: ResolvedSettings) => void): Promise<ResolvedSettings> {
  // The stored protocols first: a setting may name an imported one.
  await protocolsReady();
  const inputs = await settingsInputs(true);
  if (!inputs.current)
    void inputs.answered
      .then((answer) => resolveAndKeep(answer))
      .then((settings) => onAnswer?.(settings))
      .catch(() => undefined);
  return resolveAndKeep(inputs);
}

async function resolveAndKeep(from: LastPolicy | Awaited<ReturnType<typeof settingsInputs>>): Promise<ResolvedSettings> {
  const inputs = 'from' in from ? from : await settingsInputs(true, from);
  const settings = await resolveFrom(inputs);
  await keepDefinitions(settings.values.protocols);
  // Written only when it differs: the background reads the settings again after every restart.
  await KEPT_SETTINGS_ITEM.setIfChanged({ from: inputs.from, mine: inputs.mine, settings });
  return settings;
}

/**
 * The settings, for a page: those the background kept when they were resolved from what is stored now, or, when
 * the policy store did not answer this page in time, from the worker's settings and imported protocols as stored
 * now (the background's reading may have its answer; this page's has the policy the store last gave). Otherwise
 * (the background has not caught up with a change yet, or has not run since the browser started) resolved here.
 */
export async function loadSettings(): Promise<ResolvedSettings> {
  // Read side by side; the stored protocols are in the catalogue before anything is resolved or returned, since a
  // setting may name an imported protocol.
  const [inputs, kept] = await Promise.all([settingsInputs(), KEPT_SETTINGS_ITEM.get(), protocolsReady()]);
  const usable = kept && (kept.from === inputs.from || (!inputs.current && kept.mine === inputs.mine && kept.settings.policy.current));
  return usable ? kept.settings : resolveFrom(inputs);
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

/**
 * Calls back whenever the policy or the user's settings change; with `kept`, also when the background resolved
 * them again (a page: the policy store answered the background late, so its resolution now has the answer).
 */
export function onSettingsChanged(callback: () => void, { kept = false } = {}): void {
  browser.storage.onChanged.addListener((_, area) => {
    if (area === 'managed') callback();
  });
  USER_SETTINGS_ITEM.watch(callback);
  TEST_MANAGED_ITEM.watch(callback);
  if (kept) KEPT_SETTINGS_ITEM.watch(callback);
}
