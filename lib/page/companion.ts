// The in-page part: a launcher chip and, when open, the extension's panel in an
// iframe. The shadow root keeps host styles and ours apart. It is not what
// keeps escalation details private: those render only inside the
// extension-origin frame, which the host page's scripts cannot read. The chip
// shows only what the page already knows (the child's ID) and a short status.
import type { PanelSide } from '../messages/types';

const HOST_TAG = 'escalation-companion';

const STYLE = `
:host { all: initial; }
.dock { position: fixed; bottom: 12px; z-index: 2147483646; display: flex; flex-direction: column; gap: 2px;
  font: 13px/1.3 system-ui, sans-serif; background: #1d3557; color: #fff; border: 2px solid #fff; border-radius: 8px;
  padding: 6px 10px; box-shadow: 0 2px 6px rgba(0,0,0,.3); max-width: 260px; }
.dock.right { right: 12px; } .dock.left { left: 12px; }
.dock.open.right { right: min(392px, calc(100vw - 280px)); } .dock.open.left { left: min(392px, calc(100vw - 280px)); }
button { all: unset; font-weight: 700; font-size: 14px; cursor: pointer; text-decoration: underline; }
button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.status.overdue { background: #d4351c; padding: 0 4px; border-radius: 3px; }
.frame { position: fixed; top: 0; width: min(380px, 100vw); height: 100vh; border: 0; z-index: 2147483645; background: #fff;
  box-shadow: 0 0 8px rgba(0,0,0,.25); }
.frame.right { right: 0; } .frame.left { left: 0; }
.frame[hidden] { display: none; }
@media (max-width: 700px) { .dock.open { display: none; } } /* the panel fills the screen and has its own Close */
@media (prefers-reduced-motion: no-preference) { .dock { transition: left .15s, right .15s; } }
`;

export interface Companion {
  setChild(text: string): void;
  /** Removes the launcher and its panel from the page. */
  destroy(): void;
  setStatus(text: string | null, overdue: boolean): void;
  setSide(side: PanelSide): void;
  toggle(): void;
  close(): void;
  readonly isOpen: boolean;
}

export function mountCompanion(doc: Document, panelUrl: string, side: PanelSide = 'right', handover: () => string = () => ''): Companion {
  // One launcher per page: a newer script invalidates the older one, which removes its own (WXT's
  // content-script context); one still here belongs to a script that can no longer run, so it goes.
  doc.querySelectorAll(HOST_TAG).forEach((stale) => stale.remove());
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const frame = doc.createElement('iframe');
  frame.title = browser.i18n.getMessage('extensionName');
  frame.allow = 'clipboard-write *'; // so "Copy note" works from the panel (its URL is per-session)
  frame.hidden = true;
  const dock = doc.createElement('div');
  const chip = doc.createElement('button');
  chip.type = 'button';
  chip.textContent = browser.i18n.getMessage('escalations');
  chip.setAttribute('aria-expanded', 'false');
  const child = doc.createElement('span');
  child.className = 'child';
  const status = doc.createElement('span');
  status.className = 'status';
  status.hidden = true;
  dock.append(chip, child, status);
  root.append(style, frame, dock);
  doc.documentElement.append(host);

  let currentSide = side;
  const layout = () => {
    dock.className = `dock ${currentSide}${frame.hidden ? '' : ' open'}`;
    frame.className = `frame ${currentSide}`;
    chip.setAttribute('aria-expanded', String(!frame.hidden));
  };
  const companion: Companion = {
    setChild: (text) => void (child.textContent = text),
    setStatus(text, overdue) {
      status.textContent = text ?? '';
      status.hidden = !text;
      status.classList.toggle('overdue', overdue);
    },
    setSide(next) {
      currentSide = next;
      layout();
    },
    toggle() {
      // The panel loads on first open, not with every record page.
      if (!frame.src) frame.src = panelUrl + handover();
      frame.hidden = !frame.hidden;
      layout();
      // Keyboard users continue inside the panel; closing returns them to the launcher.
      if (!frame.hidden) frame.focus();
    },
    close() {
      frame.hidden = true;
      layout();
      chip.focus();
    },
    get isOpen() {
      return !frame.hidden;
    },
    destroy: () => host.remove(),
  };
  chip.addEventListener('click', () => companion.toggle());
  layout();
  return companion;
}
