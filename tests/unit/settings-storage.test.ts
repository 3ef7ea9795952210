// The settings as pages read them (lib/browser/settings-storage.ts), through WXT's fake browser: the background resolves
// them and keeps the result; a page uses it only when it was made from what is stored now.
import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetExtensionStorage } from './fixtures/extension-store';
import type { KeptSettings } from '../../lib/browser/storage';

const GLEN_MORAY = JSON.parse(readFileSync(new URL('../fixtures/protocols/glen-moray.json', import.meta.url), 'utf8'));

/** A context as it starts (fresh modules, the same storage), counting how often it checks the settings itself. */
async function context() {
  vi.resetModules();
  await import('./setup-words'); // its words, as each context's entry sets them first (lib/browser/language.ts)
  const resolve = await vi.importActual<typeof import('../../lib/settings/resolve')>('../../lib/settings/resolve');
  const checked = vi.fn(resolve.resolveSettings);
  vi.doMock('../../lib/settings/resolve', () => ({ ...resolve, resolveSettings: checked }));
  const settings = await import('../../lib/browser/settings-storage');
  const storage = await import('../../lib/browser/storage');
  const protocols = await import('../../lib/protocols');
  return { ...settings, storage, protocols, checked };
}

/** A page's reading of the settings when its policy store never answers (its 2 s limit passed on fake timers). */
async function readWithSilentPolicyStore(page: Awaited<ReturnType<typeof context>>) {
  vi.useFakeTimers({ toFake: ['setTimeout'] });
  try {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise(() => {})); // never answers
    const reading = page.loadSettings();
    await vi.advanceTimersByTimeAsync(2_000);
    return await reading;
  } finally {
    vi.useRealTimers();
    vi.restoreAllMocks();
  }
}

beforeEach(async () => {
  await resetExtensionStorage();
  vi.doUnmock('../../lib/settings/resolve');
});

describe('settings kept by the background', () => {
  it('a page uses what the background resolved from the same policy and choices, without checking them again', async () => {
    const setup = await context();
    await setup.storage.TEST_MANAGED_ITEM.set({ closureDays: { '2026-12-24': 'Council closure day' }, retentionMonths: 24 });
    await setup.storage.USER_SETTINGS_ITEM.set({ reminders: true });
    const background = await context();
    const resolved = await background.resolveAndKeepSettings();
    expect(background.checked).toHaveBeenCalledTimes(1);

    const page = await context();
    const read = await page.loadSettings();
    expect(page.checked).not.toHaveBeenCalled();
    expect(read).toEqual(resolved);
    expect(read.values.closureDays).toEqual({ '2026-12-24': 'Council closure day' });
    expect(read.source).toMatchObject({ retentionMonths: 'organisation', reminders: 'you', defaultProtocol: 'built-in' });
  });

  it('a choice saved since the background resolved them is not lost: the page checks the settings itself', async () => {
    const background = await context();
    await background.resolveAndKeepSettings();
    await background.saveUserSetting('retentionMonths', 36);

    const page = await context();
    const read = await page.loadSettings();
    expect(page.checked).toHaveBeenCalledTimes(1);
    expect(read.values.retentionMonths).toBe(36);
    expect(read.source.retentionMonths).toBe('you');
  });

  it('a policy changed since then is applied, warnings and all', async () => {
    const background = await context();
    await background.resolveAndKeepSettings();
    await background.storage.TEST_MANAGED_ITEM.set({ retentionMonths: 'forever' });

    const page = await context();
    const read = await page.loadSettings();
    expect(page.checked).toHaveBeenCalledTimes(1);
    expect(read.values.retentionMonths).toBe(12);
    expect(read.warnings).toEqual([expect.stringMatching(/^Your organisation’s setting “retentionMonths” is not valid/)]);
  });

  it('an organisation’s protocol is in the library before the settings naming it are kept, so the page finds it', async () => {
    const setup = await context();
    await setup.storage.TEST_MANAGED_ITEM.set({ protocols: [GLEN_MORAY], defaultProtocol: 'glen-moray' });
    const background = await context();
    await background.resolveAndKeepSettings();

    const page = await context();
    const read = await page.loadSettings();
    expect(page.checked).not.toHaveBeenCalled();
    expect(read.values.defaultProtocol).toBe('glen-moray');
    expect(page.protocols.getProtocol('glen-moray').title).toBe(GLEN_MORAY.title);
  });

  it('kept settings in the wrong shape are not used', async () => {
    const setup = await context();
    // Made from what is stored now (nothing), but not settings at all.
    const malformed = { from: '[null,{},[]]', settings: { values: 'nonsense' } };
    await setup.storage.KEPT_SETTINGS_ITEM.set(malformed as unknown as KeptSettings);
    const read = await setup.loadSettings();
    expect(setup.checked).toHaveBeenCalledTimes(1);
    expect(read.values.defaultProtocol).toBe('pan-cheshire');
  });

  it('when the policy store does not answer a page in time, the page uses what the background kept, policy and all', async () => {
    await fakeBrowser.storage.managed.set({ retentionMonths: 24 });
    const background = await context();
    expect((await background.resolveAndKeepSettings()).values.retentionMonths).toBe(24);

    const page = await context();
    const read = await readWithSilentPolicyStore(page);
    expect(page.checked).not.toHaveBeenCalled();
    expect(read.values.retentionMonths).toBe(24);
    expect(read.source.retentionMonths).toBe('organisation');
  });

  it('…but not when the worker has changed a setting since the background kept them', async () => {
    await fakeBrowser.storage.managed.set({ retentionMonths: 24 });
    const background = await context();
    await background.resolveAndKeepSettings();
    await background.saveUserSetting('reminders', true);

    const page = await context();
    const read = await readWithSilentPolicyStore(page);
    expect(page.checked).toHaveBeenCalledTimes(1);
    expect(read.values.reminders).toBe(true);
    // Resolved here with the policy the store last gave, never as if there were none.
    expect(read.values.retentionMonths).toBe(24);
    expect(read.source.retentionMonths).toBe('organisation');
    expect(read.policy.current).toBe(false);
  });

  it('a page has the kept settings at once, without waiting on a policy store that does not answer, unless the worker changed a setting since', async () => {
    await fakeBrowser.storage.managed.set({ retentionMonths: 24 });
    const background = await context();
    await background.resolveAndKeepSettings();
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise(() => {})); // never answers
    try {
      const page = await context();
      expect((await page.keptSettings())?.values.retentionMonths).toBe(24); // no timer advanced
      await background.saveUserSetting('reminders', true);
      expect(await page.keptSettings()).toBeUndefined();
    } finally {
      vi.restoreAllMocks();
    }
  });
});

/** The organisation's policy in the probe: 72 months, one closure day, reminders on. */
const POLICY = { retentionMonths: 72, closureDays: { '2026-12-24': 'Council closure day' }, reminders: true };
const ANSWER_AFTER_MS = 3_000;

/** A policy store that answers `policy` after 3 s, on fake timers (advanced by the test). */
function slowPolicyStore(policy: Record<string, unknown>) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
  vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(
    () => new Promise((resolve) => setTimeout(() => resolve(policy), ANSWER_AFTER_MS)) as never,
  );
}

/** Waits (without moving the fake clock) until `check` passes: storage answers on the real event loop. */
async function until(check: () => void) {
  for (let i = 0; ; i++) {
    try {
      return check();
    } catch (error) {
      if (i > 200) throw error;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

/** Lets `ms` pass on the fake clock a little at a time, storage answering on the real event loop in between. */
async function elapse(ms: number) {
  for (let passed = 0; passed < ms; passed += 50) {
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    await vi.advanceTimersByTimeAsync(50);
  }
}

describe('a policy store that answers after 3 s', () => {
  const organisations = (s: { values: { retentionMonths: number; closureDays: object; reminders: boolean } }) => ({
    retentionMonths: s.values.retentionMonths,
    closureDays: s.values.closureDays,
    reminders: s.values.reminders,
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('the background resolves with the policy it last gave, saying from when, then again with the answer', async () => {
    await fakeBrowser.storage.managed.set(POLICY);
    const before = await context();
    await before.resolveAndKeepSettings(); // an earlier start: the store answered at once
    const lastRead = (await before.storage.LAST_POLICY_ITEM.get())!.readAt;

    slowPolicyStore(POLICY);
    const background = await context(); // the service worker restarted; the store is slow now
    const answered = vi.fn();
    const reading = background.resolveAndKeepSettings(answered);
    await elapse(2_000);
    const meanwhile = await reading;
    expect(organisations(meanwhile)).toEqual(POLICY);
    expect(meanwhile.source).toMatchObject({ retentionMonths: 'organisation', closureDays: 'organisation', reminders: 'organisation' });
    expect(meanwhile.policy).toEqual({ current: false, readAt: lastRead });
    expect(answered).not.toHaveBeenCalled();

    await elapse(1_000);
    await until(() => expect(answered).toHaveBeenCalledTimes(1));
    expect(organisations(answered.mock.calls[0]![0])).toEqual(POLICY);
    expect(answered.mock.calls[0]![0].policy.current).toBe(true);
    // What pages read now is the answer.
    expect((await background.storage.KEPT_SETTINGS_ITEM.get())?.settings.policy.current).toBe(true);
  });

  it('a policy changed while the store is slow is taken up when it answers', async () => {
    await fakeBrowser.storage.managed.set({ retentionMonths: 24 });
    await (await context()).resolveAndKeepSettings();
    slowPolicyStore(POLICY);
    const background = await context();
    const answered = vi.fn();
    const reading = background.resolveAndKeepSettings(answered);
    await elapse(2_000);
    expect((await reading).values.retentionMonths).toBe(24);
    await elapse(1_000);
    await until(() => expect(answered).toHaveBeenCalledTimes(1));
    expect(organisations(answered.mock.calls[0]![0])).toEqual(POLICY);
  });

  it('never resolves as if there were no policy: when the store has never answered on this device, it waits for it', async () => {
    slowPolicyStore(POLICY);
    const background = await context();
    let resolved: Awaited<ReturnType<typeof background.resolveAndKeepSettings>> | undefined;
    void background.resolveAndKeepSettings().then((s) => (resolved = s));
    await elapse(2_500);
    expect(resolved).toBeUndefined();
    await elapse(1_000);
    await until(() => expect(resolved).toBeDefined());
    expect(organisations(resolved!)).toEqual(POLICY);
    expect(resolved!.policy.current).toBe(true);
  });

  it('a page whose own reading is slow uses the policy the store last gave, never the built-in settings', async () => {
    await fakeBrowser.storage.managed.set(POLICY);
    await (await context()).resolveAndKeepSettings();
    slowPolicyStore(POLICY);
    const page = await context();
    const reading = page.loadSettings();
    await elapse(2_000);
    expect(organisations(await reading)).toEqual(POLICY);
  });
});
