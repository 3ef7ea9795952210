// The settings a page shows (components/shared/settings.ts): readings that finish out of order never put an older
// one back (a choice the worker has just saved would flip back on screen); the settings the background kept are
// drawn without waiting for the full reading, which replaces them if it differs.
import { beforeEach, expect, it, vi } from 'vitest';
import type { ResolvedSettings } from '../../lib/settings';

beforeEach(() => vi.resetModules());

async function withSettings(reminders: boolean): Promise<ResolvedSettings> {
  const { builtInResolution } = await import('../../lib/settings');
  const r = builtInResolution();
  r.values.reminders = reminders;
  return r;
}

it('the kept settings are drawn at once, while the full reading (the policy store) is still out; it then replaces them', async () => {
  let answer: (s: ResolvedSettings) => void = () => {};
  const kept = await withSettings(true);
  vi.doMock('../../lib/browser/settings', () => ({
    keptSettings: async () => kept,
    loadSettings: () => new Promise<ResolvedSettings>((resolve) => (answer = resolve)),
    onSettingsChanged: () => undefined,
  }));
  const { followSettings, settings } = await import('../../components/shared/settings-signal');
  await followSettings(); // resolves although the full reading has not answered
  expect(settings.value.values.reminders).toBe(true);
  answer(await withSettings(false)); // the policy, read at last, says otherwise
  await new Promise((resolve) => setTimeout(resolve));
  expect(settings.value.values.reminders).toBe(false);
  vi.doUnmock('../../lib/browser/settings');
});

it('a reading that started earlier but finishes later does not replace the newer one', async () => {
  const { builtInResolution } = await import('../../lib/settings');
  const withReminders = (on: boolean): ResolvedSettings => {
    const r = builtInResolution();
    r.values.reminders = on;
    return r;
  };
  const answers: ((s: ResolvedSettings) => void)[] = [];
  let changed: () => void = () => {};
  vi.doMock('../../lib/browser/settings', () => ({
    keptSettings: async () => undefined,
    loadSettings: () => new Promise<ResolvedSettings>((resolve) => answers.push(resolve)),
    onSettingsChanged: (callback: () => void) => (changed = callback),
  }));
  const { followSettings, settings } = await import('../../components/shared/settings-signal');
  const first = followSettings();
  await Promise.resolve();
  changed(); // the worker turns reminders on while the first reading is still out
  answers[1]!(withReminders(true));
  await Promise.resolve();
  expect(settings.value.values.reminders).toBe(true);
  answers[0]!(withReminders(false));
  await first;
  expect(settings.value.values.reminders).toBe(true);
  expect(followSettings()).toBe(first); // once per page
  vi.doUnmock('../../lib/browser/settings');
});

it('the background’s settings, read again in full with their keys in storage’s order, are not a change: nothing is redrawn', async () => {
  let answer: (s: ResolvedSettings) => void = () => {};
  const held = await withSettings(true);
  // Storage gives objects back with their keys in another order.
  const reordered = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(reordered)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .reverse()
              .map(([k, x]) => [k, reordered(x)]),
          )
        : v;
  vi.doMock('../../lib/browser/settings', () => ({
    keptSettings: async () => undefined,
    loadSettings: () => new Promise<ResolvedSettings>((resolve) => (answer = resolve)),
    onSettingsChanged: () => undefined,
  }));
  const { followSettings, settings } = await import('../../components/shared/settings-signal');
  await followSettings(Promise.resolve(held));
  const changes: ResolvedSettings[] = [];
  settings.subscribe((s) => changes.push(s)); // called at once with the current value
  answer(reordered(held) as ResolvedSettings);
  await new Promise((resolve) => setTimeout(resolve));
  expect(changes).toEqual([held]);
  vi.doUnmock('../../lib/browser/settings');
});
