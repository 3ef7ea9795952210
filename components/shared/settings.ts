import { signal } from '@preact/signals';
import { loadSettings, onSettingsChanged } from '../../lib/browser/settings';
import { builtInResolution, type ResolvedSettings } from '../../lib/settings';

/** The resolved settings (organisation > you > built-in), kept current. */
export const settings = signal<ResolvedSettings>(builtInResolution());

let firstRead: Promise<void> | undefined;

/**
 * Reads the settings and keeps them current (once per page, however often it is called). Resolves once they are
 * first read: a page draws deadlines only then, since the organisation's closure days move them.
 */
export function followSettings(): Promise<void> {
  if (!firstRead) {
    // Readings can finish out of order (one may load the resolver, a later one not): an older one never
    // replaces a newer one (a choice the worker just saved would flip back).
    let started = 0;
    let shown = 0;
    const load = () => {
      const reading = ++started;
      return loadSettings().then((s) => {
        if (reading < shown) return;
        shown = reading;
        settings.value = s;
      });
    };
    // Settings that cannot be read at all leave the built-in ones (the options page says why).
    firstRead = load().catch(() => undefined);
    onSettingsChanged(() => void load().catch(() => undefined));
  }
  return firstRead;
}
