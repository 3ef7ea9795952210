import { signal } from '@preact/signals';
import { loadSettings, onSettingsChanged } from '../../lib/browser/settings';
import { builtInResolution, type ResolvedSettings } from '../../lib/settings';

/** The resolved settings (organisation > you > built-in), kept current. */
export const settings = signal<ResolvedSettings>(builtInResolution());

export function followSettings(): void {
  const load = () => void loadSettings().then((s) => (settings.value = s));
  load();
  onSettingsChanged(load);
}
