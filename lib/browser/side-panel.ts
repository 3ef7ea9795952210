// The browser's own side panel: Chrome and Edge's `sidePanel`, Firefox's `sidebarAction`. Both open only in
// the same turn as the worker's own action (a click, the keyboard shortcut, the toolbar button): call these
// before any await. WXT's browser types are Chrome's, so Firefox's sidebar is described here.
import type { PanelPlacement } from '../messages/types';

interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}
interface FirefoxSidebar {
  open(): Promise<void>;
  toggle(): Promise<void>;
}
interface Toolbar {
  setPopup(details: { popup: string }): Promise<void>;
  onClicked: { addListener(callback: () => void): void };
}

const api = () =>
  browser as unknown as { sidePanel?: ChromeSidePanel; sidebarAction?: FirefoxSidebar; action?: Toolbar; browserAction?: Toolbar };

/** Whether this browser has a side panel the extension can open. */
export const hasSidePanel = (): boolean => Boolean(api().sidePanel ?? api().sidebarAction);

/**
 * Opens the side panel beside `tab`. The call is made at once (keep it in the worker's turn); resolves to
 * false when the browser has none or refused (then the caller says what to press, or opens the in-page panel).
 */
export function openSidePanel(tab: { id?: number; windowId?: number }): Promise<boolean> {
  const { sidePanel, sidebarAction } = api();
  try {
    const opening = sidePanel
      ? sidePanel.open(tab.id !== undefined ? { tabId: tab.id } : { windowId: tab.windowId })
      : sidebarAction?.open();
    if (!opening) return Promise.resolve(false);
    return opening.then(
      () => true,
      () => false,
    );
  } catch {
    return Promise.resolve(false);
  }
}

/** The toolbar button opens the side panel (side-panel placement) or the due-list popup (in-page). */
export async function useToolbarFor(placement: PanelPlacement): Promise<void> {
  const { sidePanel, sidebarAction, action, browserAction } = api();
  const toolbar = action ?? browserAction;
  const sidePanelHere = placement === 'side-panel' && Boolean(sidePanel ?? sidebarAction);
  try {
    await toolbar?.setPopup({ popup: sidePanelHere ? '' : 'popup.html' });
    await sidePanel?.setPanelBehavior({ openPanelOnActionClick: sidePanelHere });
  } catch {
    // An older browser: the popup stays, and it links to everything.
  }
}

/** Firefox: the toolbar button (with no popup) toggles the sidebar. Chrome does this itself (setPanelBehavior). */
export function onToolbarClick(): void {
  const { sidebarAction, action, browserAction } = api();
  if (sidebarAction) (action ?? browserAction)?.onClicked.addListener(() => void sidebarAction.toggle().catch(() => undefined));
}
