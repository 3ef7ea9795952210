// The extension's own store (lib/browser/extension-store.ts) for the extension's pages framed in a record page (the
// chip, the in-page panel) where the browser refuses them IndexedDB (Chromium: a third-party context, "The user
// denied permission to access the database"). They read and write it through the background, which answers
// extension pages only, and hear its changes from the background.

export interface FramedPagesStore {
  /** Framed extension page → background: the value kept under `key` (undefined when none, or refused). */
  storeRead(key: string): unknown;
  /** Framed extension page → background: keep `value` under `key`; whether it was kept. */
  storeWrite(change: { key: string; value: unknown }): boolean;
  /** Background → extension pages: the value under `key` changed (read it again). No reply. */
  storeChanged(key: string): void;
}
