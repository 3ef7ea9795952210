import { signal } from '@preact/signals';
import { keptSettings, loadSettings, onSettingsChanged } from '../../lib/browser/settings-storage';
import { builtInResolution, type ResolvedSettings } from '../../lib/settings';
import { sameContent } from '../../lib/same-content';

/** The resolved settings (organisation > you > built-in), kept current. */
export const settings = signal<ResolvedSettings>(builtInResolution());

let firstRead: Promise<void> | undefined;

/**
 * Reads the settings and keeps them current (once per page, however often it is called). Resolves once they are
 * first read: a page draws deadlines only then, since the organisation's closure days move them. First read: the
 * settings the background kept, if made from what is stored now (no wait on the policy store), else the full
 * reading; the full reading follows either way, and replaces them if it differs. `given`: the settings as the
 * background holds them (a panel's opening answer), used instead of the kept ones.
 */
export function followSettings(given?: Promise<ResolvedSettings | undefined>): Promise<void> {
  if (!firstRead) {
    // Readings can finish out of order (one may load the resolver, a later one not): an older one never
    // replaces a newer one (a choice the worker just saved would flip back).
    let started = 0;
    let shown = 0;
    const show = (reading: number, s: ResolvedSettings) => {
      if (reading < shown) return;
      shown = reading;
      // Compared by content: the background's copy and storage's come with their keys in different orders, and
      // a needless change redraws every escalation shown (before its first paint, once).
      if (!sameContent(s, settings.value)) settings.value = s;
    };
    const load = () => {
      const reading = ++started;
      return loadSettings().then((s) => show(reading, s));
    };
    const first = ++started;
    // Settings that cannot be read at all leave the built-in ones (the options page says why).
    const full = load().catch(() => undefined);
    firstRead = (given ?? keptSettings()).then(
      (s) => (s ? show(first, s) : full),
      () => full,
    );
    // Also when the background resolved them again: the policy store answered it after this page's reading.
    onSettingsChanged(() => void load().catch(() => undefined), { kept: true });
  }
  return firstRead;
}
