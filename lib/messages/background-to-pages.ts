// What the background tells the extension's own pages (runtime messages; the chip frames, panels and
// side panel listen). Sent by entrypoints/background.ts.
import { defineProtocol } from '../browser/messaging';

export interface BackgroundToPages {
  /** Records changed (any page, or the bridge): what a chip says may have changed. No reply. */
  recordsUpdated(): void;
}

export const backgroundToPages = defineProtocol<BackgroundToPages>('background-to-pages');
