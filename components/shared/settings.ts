import { signal } from '@preact/signals';
import { keptSettings, loadSettings, onSettingsChanged } from '../../lib/browser/settings';
import { builtInResolution, type ResolvedSettings } from '../../lib/settings';

/** The resolved settings (organisation > you > built-in), kept current. */
export const settings = signal<ResolvedSettings>(builtInResolution());

let firstRead: Promise<void> | undefined;

/**
 * Reads the settings and keeps them current (once per page, however often it is called). Resolves once they are
 * first read: a page draws deadlines only then, since the organisation's closure days move them. First read: the
 * settings the background kept, if made from what is stored now (no wait on the policy store), else the full
 * reading; the full reading follows either way, and replaces them if it differs. `kept`: those settings as the
 * background already gave them (a panel's opening answer), instead of reading them here.
 */
export function followSettings(kept?: Promise<ResolvedSettings | undefined>): Promise<void> {
  if (!firstRead) {
    // Readings can finish out of order (one may load the resolver, a later one not): an older one never
    // replaces a newer one (a choice the worker just saved would flip back).
    let started = 0;
    let shown = 0;
    const show = (reading: number, s: ResolvedSettings) => {
      if (reading < shown) return;
      shown = reading;
      if (JSON.stringify(s) !== JSON.stringify(settings.value)) settings.value = s;
    };
    const load = () => {
      const reading = ++started;
      return loadSettings().then((s) => show(reading, s));
    };
    const first = ++started;
    // Settings that cannot be read at all leave the built-in ones (the options page says why).
    const full = load().catch(() => undefined);
    firstRead = (kept ?? keptSettings()).then(
      (s) => (s ? show(first, s) : full),
      () => full,
    );
    onSettingsChanged(() => void load().catch(() => undefined));
  }
  return firstRead;
}
