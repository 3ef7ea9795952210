// The in-page part, built to tell the page nothing it does not already know. In a closed shadow root (page
// scripts get no `shadowRoot` to read) sit two extension frames, which the page cannot read either:
// - the chip (chip.html): the child, the stage and time left, and the button that opens the panel. Its words
//   are drawn inside the frame, so no page script, analytics tag or injected code on the record can read them;
//   its address names no child (chip.html asks the background about its own tab);
// - with in-page placement, the panel (panel.html), which pushes the record aside rather than covering it.
// A tamper guard (lib/page/tamper-guard.ts) puts back what the page changes and closes all this if it keeps on.
// The chip never sits over what the worker needs on the record (lib/page/chip-place.ts): it goes where the worker
// put it (a corner, or collapsed to a tab on the window's edge) unless a link, button, field, editor or frame of
// the page is there, or the worker focuses or points at something under or beside it; then it steps aside.
import type { PanelPlacement, PanelSide } from '../messages/types';
import { chipRect, choosePlace, DEFAULT_PLACE, overlap, type ChipPlace, type Rect } from '../chip/place';
import { guardElement } from './tamper-guard';

const HOST_TAG = 'escalation-companion';
/** The in-page panel's width; the record page moves this far aside while it is open. */
const PANEL_WIDTH = 380;
/** Below this the panel fills the screen (and has its own Close): pushing would leave the record no room. */
const NARROW = 700;

// Inline and !important, so a page's own style sheet cannot hide or move the launcher.
const HOST_STYLE = 'all: initial !important; display: block !important; position: static !important;';

const STYLE = `
.chip { position: fixed; z-index: 2147483646; border: 0; background: transparent; color-scheme: normal; }
.chip[hidden], .frame[hidden] { display: none; }
.frame { position: fixed; top: 0; width: min(${PANEL_WIDTH}px, 100vw); height: 100vh; border: 0; z-index: 2147483645; background: #fff;
  box-shadow: 0 0 8px rgba(0,0,0,.25); }
.frame.right { right: 0; } .frame.left { left: 0; }
`;

/** What on a record page the worker may need, so the chip keeps off it. */
const NEEDED = [
  'a[href]',
  'button',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'summary',
  'iframe',
  '[contenteditable=""]',
  '[contenteditable="true"]',
  '[role="button"]',
  '[role="link"]',
  '[role="textbox"]',
  '[role="tab"]',
  '[role="menuitem"]',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');
/** A pointer this close to the chip is on its way to something under or beside it. */
const NEAR = 32;
/** The page changing (late rendering, a dialog) is looked at again after this quiet. */
const RECHECK_MS = 150;

export interface Companion {
  setSide(side: PanelSide): void;
  /** Where the worker put the chip (from the chip's own frame, which keeps it per site). */
  setChipPlace(place: ChipPlace): void;
  /** Shows or hides the chip altogether (settings or policy `showChip`). */
  showChip(shown: boolean): void;
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
  chipShown = true,
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

  // The chip: where the worker wants it, and where it is (stepped aside from what the worker needs).
  let wanted: ChipPlace = DEFAULT_PLACE;
  let chipAt: Rect | null = null;
  let focused: Element | null = null;
  let pointed: Element | null = null;
  chip.className = 'chip';

  /** The page's links, buttons, fields, editors and frames in view, and what the worker is focused on or pointing at. */
  function needed(view: { width: number; height: number }): Rect[] {
    const rects: Rect[] = [];
    const add = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < view.height && r.left < view.width) rects.push(r);
    };
    for (const el of doc.querySelectorAll(NEEDED)) {
      if ((el as Element & { checkVisibility?: () => boolean }).checkVisibility?.() !== false) add(el);
    }
    for (const el of [focused, pointed]) if (el?.isConnected) add(el);
    return rects;
  }

  function placeChip() {
    // While the panel is open it has its own Close; the chip would only cover the record.
    chip.hidden = !chipShown || !frame.hidden;
    if (chip.hidden) return void (chipAt = null);
    const root = doc.documentElement;
    const view = { width: root.clientWidth || win.innerWidth, height: root.clientHeight || win.innerHeight };
    const r = chipRect(choosePlace(wanted, view, needed(view)), view);
    chipAt = r;
    for (const [property, value] of [
      ['left', r.left],
      ['top', r.top],
      ['width', r.right - r.left],
      ['height', r.bottom - r.top],
    ] as const) {
      if (chip.style.getPropertyValue(property) !== `${value}px`) chip.style.setProperty(property, `${value}px`);
    }
  }

  let recheck: ReturnType<typeof setTimeout> | undefined;
  const placeSoon = () => {
    clearTimeout(recheck);
    recheck = setTimeout(placeChip, RECHECK_MS);
  };
  const pageChanged = new MutationObserver(placeSoon);
  pageChanged.observe(doc.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['class', 'style', 'hidden'],
  });
  const onFocus = (event: FocusEvent) => {
    // Focus in the chip's own frame shows here as its host: that is not the page's.
    focused = event.target instanceof Element && event.target !== doc.body && event.target !== host ? event.target : null;
    if (focused) placeChip();
  };
  // Stepping aside from a pointer heading for something beside the chip, once per animation frame at most.
  let pointerFrame = 0;
  const onPointer = (event: PointerEvent) => {
    if (pointerFrame || !chipAt) return;
    pointerFrame = win.requestAnimationFrame(() => {
      pointerFrame = 0;
      if (!chipAt) return;
      const { clientX: x, clientY: y } = event;
      const near = overlap({ left: x - NEAR, top: y - NEAR, right: x + NEAR, bottom: y + NEAR }, chipAt) > 0;
      const under = near && event.target instanceof Element ? event.target : null;
      // A control, or anything the page draws as clickable (its own buttons made of plain elements).
      const target = under && (under.closest(NEEDED) ?? (win.getComputedStyle(under).cursor === 'pointer' ? under : null));
      if (target && target !== pointed) {
        pointed = target;
        placeChip();
      } else if (!near) pointed = null;
    });
  };
  // Once the worker leaves it, what they had focused no longer holds the chip away (it goes back at the next look).
  const onBlur = () => void (focused = null);
  doc.addEventListener('focusin', onFocus, true);
  doc.addEventListener('focusout', onBlur, true);
  doc.addEventListener('pointermove', onPointer, { capture: true, passive: true });
  win.addEventListener('scroll', placeSoon, { capture: true, passive: true });

  const layout = () => {
    frame.className = `frame ${currentSide}`;
    placeChip();
    makeRoom(!frame.hidden);
  };
  const onResize = () => {
    makeRoom(!frame.hidden);
    placeChip();
  };
  win.addEventListener('resize', onResize);

  const companion: Companion = {
    setSide(next) {
      currentSide = next;
      layout();
    },
    setChipPlace(place) {
      wanted = place;
      placeChip();
    },
    showChip(shown) {
      chipShown = shown;
      placeChip();
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
      pageChanged.disconnect();
      clearTimeout(recheck);
      win.cancelAnimationFrame(pointerFrame);
      doc.removeEventListener('focusin', onFocus, true);
      doc.removeEventListener('focusout', onBlur, true);
      doc.removeEventListener('pointermove', onPointer, true);
      win.removeEventListener('scroll', placeSoon, true);
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
