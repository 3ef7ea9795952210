// The panel's view of which child the worker is looking at: each frame of the
// panel's own tab reports its reading; the tab's child is derived from them.
import { computed, signal } from '@preact/signals';
import type { ChildIdResult } from '../hosts/extract';
import { childForTab, readPanelHandover } from '../page/detector';
import type { InsertResult, Message, PanelSide, ReferencesResult } from '../page/messages';

/** Where the launcher's handover sits among the frames: before any real frame, and dropped at the page's first report. */
const HANDOVER_FRAME = -1;
// Read before the first render, so the panel asks for the child's escalations straight away.
const handover = typeof location === 'undefined' ? null : readPanelHandover(location.hash);

export const tabId = signal<number | null>(null);
/** The panel's tab, once the background has said which it is: messages to the page wait for it. */
let knowTab: (id: number | null) => void = () => {};
const tabKnown = new Promise<number | null>((resolve) => (knowTab = resolve));
const frames = signal(
  new Map<number, { hostId: string; result: ChildIdResult }>(
    handover ? [[HANDOVER_FRAME, { hostId: handover.hostId, result: { found: true, childId: handover.childId, source: 'selector' } }]] : [],
  ),
);
export const idLabel = signal(handover?.idLabel ?? 'ID');
/** Set once any frame of the tab has reported (until then we do not say "no child"). */
export const heardFromPage = signal(handover !== null);
export const tabChild = computed(() => childForTab(frames.value));
/** What the worker clicked with the element picker, waiting for them to confirm. */
export const picked = signal<Extract<Message, { type: 'id-picked' }> | null>(null);

export async function followTabChild(): Promise<void> {
  const id = (await browser.runtime.sendMessage({ type: 'which-tab' })) as number | null;
  tabId.value = id;
  knowTab(id);
  if (id === null) return;
  browser.runtime.onMessage.addListener((message: Message, sender) => {
    if (sender.tab?.id !== id) return;
    if (message.type === 'id-picked') picked.value = message;
    if (message.type !== 'child-detected') return;
    const next = new Map(frames.value);
    next.delete(HANDOVER_FRAME);
    next.set(sender.frameId ?? 0, { hostId: message.hostId, result: message.result });
    frames.value = next;
    idLabel.value = message.idLabel;
    heardFromPage.value = true;
  });
  await browser.tabs.sendMessage(id, { type: 'report-child' } satisfies Message).catch(() => undefined);
}

/** Tells the record page's launcher something (top frame only). */
export function tellPage(message: Message): void {
  void tabKnown.then((id) => (id === null ? undefined : browser.tabs.sendMessage(id, message, { frameId: 0 }).catch(() => undefined)));
}

export async function movePanel(side: PanelSide): Promise<void> {
  await browser.storage.local.set({ panelSide: side });
  tellPage({ type: 'panel-side', side });
}

/** A question to the record page's frames: only frames that can answer do, so an unanswered one must not hang the panel. */
function askPage<T>(message: Message, ms = 2_000): Promise<T | null> {
  const answer = tabKnown.then((id) =>
    id === null
      ? null
      : browser.tabs.sendMessage(id, message).then(
          (r) => (r ?? null) as T | null,
          () => null,
        ),
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
