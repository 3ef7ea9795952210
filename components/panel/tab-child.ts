// The panel's view of which child the worker is looking at: each frame of the
// panel's own tab reports its reading; the tab's child is derived from them.
import { computed, signal } from '@preact/signals';
import { NOT_MINE } from '../../lib/browser/messaging';
import type { ChildIdResult } from '../../lib/hosts/extract';
import { extensionToRecordPage, type ExtensionToRecordPage } from '../../lib/messages/extension-to-record-page';
import { pagesToBackground } from '../../lib/messages/pages-to-background';
import { recordPageToExtension } from '../../lib/messages/record-page-to-extension';
import type { DiagnosticReport } from '../../lib/hosts/diagnose';
import type { InsertResult, PanelSide, PickedId, ReferencesResult } from '../../lib/messages/types';
import { PANEL_SIDE_ITEM } from '../../lib/browser/storage';
import { childForTab, readPanelHandover } from '../../lib/page/detector';

/** Where the launcher's handover sits among the frames: before any real frame, and dropped at the page's first report. */
const HANDOVER_FRAME = -1;

export const tabId = signal<number | null>(null);
/** The panel's tab, once the background has said which it is: messages to the page wait for it. */
let knowTab: (id: number | null) => void = () => {};
const tabKnown = new Promise<number | null>((resolve) => (knowTab = resolve));
const frames = signal(new Map<number, { hostId: string; result: ChildIdResult; mayNeedUpdating?: boolean }>());
export const idLabel = signal('ID');
/** Set once any frame of the tab has reported (until then we do not say "no child"). */
export const heardFromPage = signal(false);
export const tabChild = computed(() => childForTab(frames.value));
/** What the worker clicked with the element picker, waiting for them to confirm. */
export const picked = signal<PickedId | null>(null);

/**
 * Takes the child the launcher handed over in the panel's address (call before the first render, so
 * the panel asks for that child's escalations at once); the page's own report replaces it.
 */
export function takeHandover(hash: string): void {
  const handover = readPanelHandover(hash);
  if (!handover) return;
  frames.value = new Map([
    [HANDOVER_FRAME, { hostId: handover.hostId, result: { found: true, childId: handover.childId, source: 'selector' } }],
  ]);
  idLabel.value = handover.idLabel;
  heardFromPage.value = true;
}

export async function followTabChild(): Promise<void> {
  const id = await pagesToBackground.send('whichTab').catch(() => null);
  tabId.value = id;
  knowTab(id);
  if (id === null) return;
  // Only this tab's frames: every other tab has its own panel.
  recordPageToExtension.handle({
    childDetected(reading, sender) {
      if (sender.tab?.id !== id) return NOT_MINE;
      const next = new Map(frames.value);
      next.delete(HANDOVER_FRAME);
      next.set(sender.frameId ?? 0, { hostId: reading.hostId, result: reading.result, mayNeedUpdating: reading.mayNeedUpdating });
      frames.value = next;
      idLabel.value = reading.idLabel;
      heardFromPage.value = true;
    },
    idPicked(pick, sender) {
      if (sender.tab?.id !== id) return NOT_MINE;
      picked.value = pick;
    },
  });
  await extensionToRecordPage.sendToTab({ tabId: id }, 'reportChild').catch(() => undefined);
}

/** Tells the record page's launcher something (top frame only). */
export function tellPage<K extends 'closePanel' | 'panelSide' | 'statusChanged' | 'pickId'>(
  type: K,
  ...data: Parameters<ExtensionToRecordPage[K]>
): void {
  void tabKnown.then((id) =>
    id === null ? undefined : extensionToRecordPage.sendToTab({ tabId: id, frameId: 0 }, type, ...data).catch(() => undefined),
  );
}

export async function movePanel(side: PanelSide): Promise<void> {
  await PANEL_SIDE_ITEM.set(side);
  tellPage('panelSide', side);
}

/**
 * A question to the record page's frames: only frames that can answer do (null when none can), and one that
 * never answers must not hang the panel ('no answer' after `waitMs`: it may still have acted).
 */
function askPage<K extends 'insertNote' | 'findReferences' | 'diagnose'>(
  waitMs: number,
  type: K,
  ...data: Parameters<ExtensionToRecordPage[K]>
): Promise<ReturnType<ExtensionToRecordPage[K]> | null | 'no answer'> {
  const answer = tabKnown.then((id) =>
    id === null
      ? null
      : extensionToRecordPage.sendToTab({ tabId: id }, type, ...data).then(
          (reply) => reply ?? null,
          () => null,
        ),
  );
  return Promise.race([answer, new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), waitMs))]);
}

/**
 * Asks the record page to insert a note and read it back: null when no frame shows a notes field; 'no answer'
 * when the page did not say in time (the insert waits up to about a second for the editor to settle).
 */
export function insertIntoPage(text: string, html: string): Promise<InsertResult | null | 'no answer'> {
  return askPage(5_000, 'insertNote', { text, html });
}

/** Escalation references in the record's visible notes. */
export async function referencesOnPage(): Promise<ReferencesResult['references']> {
  const answer = await askPage(2_000, 'findReferences');
  return answer && answer !== 'no answer' ? answer.references : [];
}

/** The record page's report for IT (no child's ID, names or note text); null when no frame answered. */
export async function diagnosticsFromPage(): Promise<DiagnosticReport | null> {
  const answer = await askPage(2_000, 'diagnose');
  return answer && answer !== 'no answer' ? answer : null;
}
