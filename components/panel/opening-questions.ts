// The panel's first questions, asked by its entry before the rest of its code is evaluated: which child the tab
// shows, that child's escalations and the settings, in one answer from the background (panelOpening), and the
// stored protocols. Kept to the messaging and storage code alone, so they go out as soon as the page starts;
// the panel takes the answers up when its code has run (tab-child.ts, shared/settings.ts, lib/browser/protocols.ts)
// and follows the tab, the records and the settings live from there.
import { PROTOCOL_LIBRARY_ITEM, type ProtocolLibrary } from '../../lib/browser/storage';
import { pagesToBackground } from '../../lib/messages/pages-to-background';
import type { PanelOpening } from '../../lib/messages/types';

/** Which tab a side panel follows: the one its address names, else the active tab of its window (`?window=` or its own). */
export interface Bound {
  tabId?: number;
  windowId?: number;
}

export interface TabOpening {
  /** The side panel's window (the tab it follows changes with the active tab there); undefined for the in-page panel, or bound to a tab. */
  windowId?: number;
  /** The background's answer; null when there was none (the page then asks again, question by question). */
  answer: PanelOpening | null;
}

export interface Opening {
  tab: Promise<TabOpening>;
  /** The stored protocols, read as the page started. */
  storedProtocols: Promise<ProtocolLibrary>;
}

/** The background's answer for a tab (the sender's own when none is named); null when there is none. */
const ask = (tabId?: number) => pagesToBackground.send('panelOpening', tabId === undefined ? undefined : { tabId }).catch(() => null);

/** The in-page panel: its own tab (the background knows it from the sender). */
export function openInPage(): Opening {
  return { tab: ask().then((answer) => ({ answer })), storedProtocols: PROTOCOL_LIBRARY_ITEM.get() };
}

/** The side panel: the tab its address names, else the active tab of its window. */
export function openSidePanel(bound: Bound): Opening {
  return { tab: askForSidePanel(bound), storedProtocols: PROTOCOL_LIBRARY_ITEM.get() };
}

async function askForSidePanel(bound: Bound): Promise<TabOpening> {
  if (bound.tabId !== undefined) return { answer: await ask(bound.tabId) };
  try {
    // The page's own window is the "current" one: one question gives its active tab and the window's id.
    const [active] = await browser.tabs.query(
      bound.windowId === undefined ? { active: true, currentWindow: true } : { active: true, windowId: bound.windowId },
    );
    const windowId = bound.windowId ?? active?.windowId ?? (await browser.windows.getCurrent()).id;
    if (active?.id === undefined) return { windowId, answer: { tabId: null, frames: [] } };
    return { windowId, answer: await ask(active.id) };
  } catch {
    return { answer: null };
  }
}
