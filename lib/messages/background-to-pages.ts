// What the background tells the extension's own pages (runtime messages; the chip frames, panels and
// side panel listen). Sent by entrypoints/background.ts.

export interface BackgroundToPages {
  /** Records changed (any page, or the bridge): what a chip says may have changed. No reply. */
  recordsUpdated(): void;
}
