// The panel's view of which child the worker is looking at: each frame of the
// panel's own tab reports its reading; the tab's child is derived from them.
import { computed, signal } from '@preact/signals';
import type { ChildIdResult } from '../hosts/extract';
import { childForTab } from '../page/detector';
import type { InsertResult, Message, PanelSide, ReferencesResult } from '../page/messages';

export const tabId = signal<number | null>(null);
const frames = signal(new Map<number, { hostId: string; result: ChildIdResult }>());
export const idLabel = signal('ID');
/** Set once any frame of the tab has reported (until then we do not say "no child"). */
export const heardFromPage = signal(false);
export const tabChild = computed(() => childForTab(frames.value));
/** What the worker clicked with the element picker, waiting for them to confirm. */
export const picked = signal<Extract<Message, { type: 'id-picked' }> | null>(null);

export async function followTabChild(): Promise<void> {
  const id = (await browser.runtime.sendMessage({ type: 'which-tab' })) as number | null;
  tabId.value = id;
  if (id === null) return;
  browser.runtime.onMessage.addListener((message: Message, sender) => {
    if (sender.tab?.id !== id) return;
    if (message.type === 'id-picked') picked.value = message;
    if (message.type !== 'child-detected') return;
    const next = new Map(frames.value);
    next.set(sender.frameId ?? 0, { hostId: message.hostId, result: message.result });
    frames.value = next;
    idLabel.value = message.idLabel;
    heardFromPage.value = true;
  });
  await browser.tabs.sendMessage(id, { type: 'report-child' } satisfies Message).catch(() => undefined);
}

/** Tells the record page's launcher something (top frame only). */
export function tellPage(message: Message): void {
  if (tabId.value === null) return;
  browser.tabs.sendMessage(tabId.value, message, { frameId: 0 }).catch(() => undefined);
}

export async function movePanel(side: PanelSide): Promise<void> {
  await browser.storage.local.set({ panelSide: side });
  tellPage({ type: 'panel-side', side });
}

/** A question to the record page's frames: only frames that can answer do, so an unanswered one must not hang the panel. */
function askPage<T>(message: Message, ms = 2_000): Promise<T | null> {
  if (tabId.value === null) return Promise.resolve(null);
  const answer = browser.tabs.sendMessage(tabId.value, message).then(
    (r) => (r ?? null) as T | null,
    () => null,
  );
  return Promise.race([answer, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]);
}

/** Asks the record page to insert a note; null when no frame has a notes field. */
export function insertIntoPage(text: string, html: string): Promise<InsertResult | null> {
  return askPage<InsertResult>({ type: 'insert-note', text, html });
}

/** Escalation references in the record's visible notes. */
export async function referencesOnPage(): Promise<ReferencesResult['references']> {
  return (await askPage<ReferencesResult>({ type: 'find-references' }))?.references ?? [];
}
