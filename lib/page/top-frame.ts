// The part of the record-page script that runs only in the top frame: the launcher (the chip's frame and,
// with in-page placement, the panel's), the keyboard shortcut, and the element picker. It holds nothing
// about the child: the chip and panels ask the background what this tab's frames read.
// `destroy()` removes the launcher and every listener.
import { renderedText } from '../hosts/rendered';
import { uniqueSelector } from '../hosts/selector';
import { extensionToRecordPage } from '../messages/extension-to-record-page';
import { recordPageToExtension } from '../messages/record-page-to-extension';
import type { PageSetup } from '../messages/types';
import { isChipPlace } from '../chip/place';
import { mountCompanion } from './companion';
import type { FrameReader } from './every-frame';
import { pickElement } from './picker';
import { teardown } from './teardown';

export interface Launcher {
  destroy(): void;
}

/** Starts the launcher, where the worker last docked the panel and with the organisation's placement (from the page setup). */
export function startLauncher(
  win: Window,
  reader: Pick<FrameReader, 'adapter'>,
  {
    panelSide,
    placement: initialPlacement,
    showChip = true,
  }: Pick<PageSetup, 'panelSide' | 'placement'> & Partial<Pick<PageSetup, 'showChip'>>,
): Launcher {
  const doc = win.document;
  let placement = initialPlacement;
  const companion = mountCompanion(
    doc,
    { chip: browser.runtime.getURL('/chip.html'), panel: browser.runtime.getURL('/panel.html') },
    panelSide,
    () => launcher.destroy(),
    showChip,
  );
  let stopPicking: (() => void) | undefined;

  // Alt+Shift+E when the browser passes the key to the page (the `commands` shortcut, if set, comes first).
  const onKey = (e: KeyboardEvent) => {
    if (placement === 'in-page' && e.altKey && e.shiftKey && e.code === 'KeyE') companion.toggle();
  };
  win.addEventListener('keydown', onKey);

  const stopHandling = extensionToRecordPage.handle({
    launcherRunning: () => true,
    togglePanel: () => companion.toggle(),
    closePanel: () => companion.close(),
    panelSide: (side) => companion.setSide(side),
    chipShown: (shown) => companion.showChip(shown),
    // Only the chip's own frame (an extension page) sends this: the record page's scripts cannot.
    chipPlace: (place) => void (isChipPlace(place) && companion.setChipPlace(place)),
    placementChanged(next) {
      placement = next;
      companion.setPlacement(next);
    },
    pickId() {
      // The in-page panel steps aside while the worker clicks; the side panel is beside the page already.
      const reopen = companion.isOpen;
      companion.close();
      stopPicking?.();
      const done = () => {
        stopPicking = undefined;
        if (reopen) companion.toggle();
      };
      stopPicking = pickElement(
        doc,
        (el) => {
          const pick = {
            selector: uniqueSelector(el),
            // As drawn (inline elements joined, invisible characters removed): read by the same rule as the page.
            text: renderedText(el).replace(/\n/g, ' ').slice(0, 200),
            adapterId: reader.adapter.id,
            url: win.location.href,
          };
          void recordPageToExtension
            .send('idPicked', pick)
            .catch(() => undefined)
            .then(done);
        },
        done,
      );
    },
  });

  const launcher: Launcher = {
    destroy() {
      teardown(
        () => stopPicking?.(),
        stopHandling,
        () => win.removeEventListener('keydown', onKey),
        companion.destroy,
      );
    },
  };
  return launcher;
}
