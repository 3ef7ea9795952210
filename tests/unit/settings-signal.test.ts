// The settings a page shows (components/shared/settings.ts): readings that finish out of order never put an older
// one back (a choice the worker has just saved would flip back on screen).
import { beforeEach, expect, it, vi } from 'vitest';
import type { ResolvedSettings } from '../../lib/settings';

beforeEach(() => vi.resetModules());

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
    loadSettings: () => new Promise<ResolvedSettings>((resolve) => answers.push(resolve)),
    onSettingsChanged: (callback: () => void) => (changed = callback),
  }));
  const { followSettings, settings } = await import('../../components/shared/settings');
  const first = followSettings();
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
