// The part of the record-page script that runs only in the top frame: the launcher (chip and panel
// frame), the keyboard shortcut, the map of what each frame of the tab read, and the element
// picker. `destroy()` removes the launcher and every listener.
import type { ChildIdResult } from '../hosts/extract';
import { uniqueSelector } from '../hosts/selector';
import { extensionToRecordPage } from '../messages/extension-to-record-page';
import { recordPageToExtension } from '../messages/record-page-to-extension';
import type { ChildReading, PanelSide } from '../messages/types';
import { mountCompanion } from './companion';
import { childForTab, panelHandover } from './detector';
import type { FrameReader } from './every-frame';
import { pickElement } from './picker';
import { teardown } from './teardown';

export interface Launcher {
  /** This frame's own reading (frame 0), from its reader. */
  frameRead(reading: ChildReading): void;
  destroy(): void;
}

/** Starts the launcher; `side` is where the worker last docked the panel (from the background's page setup). */
export async function startLauncher(win: Window, reader: Pick<FrameReader, 'adapter'>, side: PanelSide): Promise<Launcher> {
  const doc = win.document;
  const frames = new Map<number, { hostId: string; result: ChildIdResult; mayNeedUpdating?: boolean }>();
  const companion = mountCompanion(doc, browser.runtime.getURL('/panel.html'), side, () =>
    panelHandover(childForTab(frames), reader.adapter.childId.label),
  );
  let destroyed = false;
  let stopPicking: (() => void) | undefined;

  async function showTabChild() {
    const child = childForTab(frames);
    companion.setChild(
      child.found
        ? `${reader.adapter.childId.label} ${child.childId}`
        : browser.i18n.getMessage(child.mayNeedUpdating ? 'adapterMayNeedUpdating' : 'noChildTitle'),
    );
    companion.setStatus(null, false);
    if (!child.found) return;
    const status = await recordPageToExtension.send('childStatus', { hostId: child.hostId, childId: child.childId }).catch(() => undefined);
    const still = childForTab(frames);
    // Only if the worker has not moved to another child meanwhile.
    if (!destroyed && status && still.found && still.childId === child.childId) companion.setStatus(status.text, status.overdue);
  }

  // Alt+Shift+E: the `commands` shortcut when the browser passes the key to the page.
  const onKey = (e: KeyboardEvent) => {
    if (e.altKey && e.shiftKey && e.code === 'KeyE') companion.toggle();
  };
  win.addEventListener('keydown', onKey);

  const stopHandling = extensionToRecordPage.handle({
    frameChild({ frameId, hostId, result, mayNeedUpdating }) {
      frames.set(frameId, { hostId, result, mayNeedUpdating });
      void showTabChild();
    },
    launcherRunning: () => true,
    togglePanel: () => companion.toggle(),
    closePanel: () => companion.close(),
    panelSide: (side) => companion.setSide(side),
    statusChanged: () => void showTabChild(),
    pickId() {
      companion.close();
      stopPicking?.();
      stopPicking = pickElement(
        doc,
        (el) => {
          stopPicking = undefined;
          const pick = {
            selector: uniqueSelector(el),
            text: (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200),
            adapterId: reader.adapter.id,
            url: win.location.href,
          };
          void recordPageToExtension
            .send('idPicked', pick)
            .catch(() => undefined)
            .then(() => companion.toggle());
        },
        () => {
          stopPicking = undefined;
          companion.toggle();
        },
      );
    },
  });

  // Frames may have read their child before this listener existed: ask them again.
  void recordPageToExtension.send('askFramesToReport').catch(() => undefined);

  return {
    frameRead({ hostId, result, mayNeedUpdating }) {
      frames.set(0, { hostId, result, mayNeedUpdating });
      void showTabChild();
    },
    destroy() {
      destroyed = true;
      teardown(
        () => stopPicking?.(),
        stopHandling,
        () => win.removeEventListener('keydown', onKey),
        companion.destroy,
      );
    },
  };
}
