// The in-page part, built to tell the page nothing it does not already know. In a closed shadow root (page
// scripts get no `shadowRoot` to read) sit two extension frames, which the page cannot read either:
// - the chip (chip.html): the child, the stage and time left, and the button that opens the panel. Its words
//   are drawn inside the frame, so no page script, analytics tag or injected code on the record can read them;
//   its address names no child (chip.html asks the background about its own tab);
// - with in-page placement, the panel (panel.html), which pushes the record aside rather than covering it.
// A tamper guard (lib/page/tamper-guard.ts) puts back what the page changes and closes all this if it keeps on.
import type { PanelPlacement, PanelSide } from '../messages/types';
import { guardElement } from './tamper-guard';

const HOST_TAG = 'escalation-companion';
/** The in-page panel's width; the record page moves this far aside while it is open. */
const PANEL_WIDTH = 380;
/** Below this the panel fills the screen (and has its own Close): pushing would leave the record no room. */
const NARROW = 700;

// Inline and !important, so a page's own style sheet cannot hide or move the launcher.
const HOST_STYLE = 'all: initial !important; display: block !important; position: static !important;';

const STYLE = `
.chip { position: fixed; bottom: 12px; z-index: 2147483646; width: 270px; height: 64px; border: 0; background: transparent;
  color-scheme: normal; }
.chip.right { right: 12px; } .chip.left { left: 12px; }
.chip[hidden], .frame[hidden] { display: none; }
.frame { position: fixed; top: 0; width: min(${PANEL_WIDTH}px, 100vw); height: 100vh; border: 0; z-index: 2147483645; background: #fff;
  box-shadow: 0 0 8px rgba(0,0,0,.25); }
.frame.right { right: 0; } .frame.left { left: 0; }
`;

export interface Companion {
  setSide(side: PanelSide): void;
  setPlacement(placement: PanelPlacement): void;
  /** Shows or hides the in-page panel. */
  toggle(): void;
  close(): void;
  readonly isOpen: boolean;
  /** Removes the launcher and its panel from the page, and gives the page its margin back. */
  destroy(): void;
}

export interface CompanionPages {
  chip: string;
  panel: string;
}

export function mountCompanion(
  doc: Document,
  pages: CompanionPages,
  side: PanelSide = 'right',
  onTampered: () => void = () => {},
): Companion {
  // One launcher per page: a newer script invalidates the older one, which removes its own (WXT's
  // content-script context); one still here belongs to a script that can no longer run, so it goes.
  doc.querySelectorAll(HOST_TAG).forEach((stale) => stale.remove());
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('style', HOST_STYLE);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const chip = doc.createElement('iframe');
  chip.title = browser.i18n.getMessage('chipTitle');
  chip.src = pages.chip;
  const frame = doc.createElement('iframe');
  frame.title = browser.i18n.getMessage('extensionName');
  frame.allow = 'clipboard-write *'; // so "Copy note" works from the panel (its URL is per-session)
  frame.hidden = true;
  root.append(style, frame, chip);
  doc.documentElement.append(host);

  let currentSide = side;
  // The record's own margin on the panel's side, put back when the panel closes.
  let pushed: { property: string; value: string; priority: string } | null = null;
  const win = doc.defaultView!;

  /** While the panel is open, the record moves aside by its width: nothing of the record is under it. */
  function makeRoom(open: boolean) {
    const html = doc.documentElement.style;
    if (pushed) {
      html.setProperty(pushed.property, pushed.value, pushed.priority);
      pushed = null;
    }
    if (!open || win.innerWidth < NARROW) return;
    const property = `margin-${currentSide}`;
    pushed = { property, value: html.getPropertyValue(property), priority: html.getPropertyPriority(property) };
    html.setProperty(property, `${PANEL_WIDTH}px`, 'important');
  }

  const layout = () => {
    frame.className = `frame ${currentSide}`;
    chip.className = `chip ${currentSide}`;
    // While the panel is open it has its own Close; the chip would only cover the record.
    chip.hidden = !frame.hidden;
    makeRoom(!frame.hidden);
  };
  const onResize = () => makeRoom(!frame.hidden);
  win.addEventListener('resize', onResize);

  const companion: Companion = {
    setSide(next) {
      currentSide = next;
      layout();
    },
    setPlacement(placement) {
      if (placement === 'side-panel' && !frame.hidden) companion.close();
    },
    toggle() {
      // The panel loads on first open, not with every record page; its address names no child.
      if (!frame.src) frame.src = pages.panel;
      frame.hidden = !frame.hidden;
      layout();
      // Keyboard users continue inside the panel.
      if (!frame.hidden) frame.focus();
    },
    close() {
      const wasOpen = !frame.hidden;
      frame.hidden = true;
      layout();
      if (wasOpen) chip.focus();
    },
    get isOpen() {
      return !frame.hidden;
    },
    destroy() {
      stopGuard();
      win.removeEventListener('resize', onResize);
      makeRoom(false);
      host.remove();
    },
  };
  const stopGuard = guardElement(host, HOST_STYLE, () => {
    companion.destroy();
    onTampered();
  });
  layout();
  return companion;
}
