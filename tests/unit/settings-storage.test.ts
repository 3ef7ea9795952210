// The settings as pages read them (lib/browser/settings.ts), through WXT's fake browser: the background resolves
// them and keeps the result; a page uses it only when it was made from what is stored now.
import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KeptSettings } from '../../lib/browser/storage';

const GLEN_MORAY = JSON.parse(readFileSync(new URL('../fixtures/protocols/glen-moray.json', import.meta.url), 'utf8'));

/** A context as it starts (fresh modules, the same storage), counting how often it checks the settings itself. */
async function context() {
  vi.resetModules();
  const resolve = await vi.importActual<typeof import('../../lib/settings/resolve')>('../../lib/settings/resolve');
  const checked = vi.fn(resolve.resolveSettings);
  vi.doMock('../../lib/settings/resolve', () => ({ ...resolve, resolveSettings: checked }));
  const settings = await import('../../lib/browser/settings');
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

beforeEach(() => {
  fakeBrowser.reset();
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
