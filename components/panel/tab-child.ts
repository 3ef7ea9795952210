// The panel's view of which child the worker is looking at. The in-page panel follows its own tab; the
// side panel follows the active tab of its window (or, for tests and links, the tab its address names).
// Each frame of the followed tab reports its reading; the background keeps the latest of each
// (lib/tab-readings.ts), so a panel that opens later, or switches tab, has them at once.
import { computed, signal } from '@preact/signals';
import { NOT_MINE } from '../../lib/browser/messaging';
import { extensionToRecordPage, type ExtensionToRecordPage } from '../../lib/messages/extension-to-record-page';
import { pagesToBackground } from '../../lib/messages/pages-to-background';
import { recordPageToExtension } from '../../lib/messages/record-page-to-extension';
import type { DiagnosticReport } from '../../lib/hosts/diagnose';
import type { ChildReading, ChildRef, InsertResult, PanelOpening, PanelSide, PickedId, ReferencesResult } from '../../lib/messages/types';
import type { Bound, TabOpening } from './opening-questions';
import { PANEL_SIDE_ITEM } from '../../lib/browser/storage';
import { childForTab } from '../../lib/page/detector';
import { markOnce } from '../shared/marks';
import { sameContent } from '../../lib/same-content';
import { records } from '../shared/useRecords';

export const tabId = signal<number | null>(null);
/** The panel's first tab, once known: messages to the page wait for it. */
let knowTab: (id: number | null) => void = () => {};
const tabKnown = new Promise<number | null>((resolve) => (knowTab = resolve));
const frames = signal(new Map<number, ChildReading>());
/** Set once the followed tab's frames have said something (until then we do not say "no child"). */
export const heardFromPage = signal(false);
/** The followed tab has no record-page script: not a case record (the side panel shows what is due instead). */
export const noRecordInTab = signal(false);
export const tabChild = computed(() => childForTab(frames.value));
/** What the site calls the child's ID ("Mosaic ID"), from the frame that read it. */
export const idLabel = computed(() => {
  const child = tabChild.value;
  if (!child.found) return 'ID';
  return [...frames.value.values()].find((r) => r.result.found && r.result.childId === child.childId)?.idLabel ?? 'ID';
});
/** What the worker clicked with the element picker, waiting for them to confirm. */
export const picked = signal<PickedId | null>(null);

/** Tabs seen before (side panel): switching back shows their child at once, before the background answers. */
const seen = new Map<number, Map<number, ChildReading>>();

/** The shown child's escalations, asked as soon as the child is known (lib/browser/records-bridge.ts shares the answer). */
let asked: { child: string; stop: () => void } | undefined;

function askForEscalations(hostId: string, childId: string) {
  const child = JSON.stringify([hostId, childId]);
  if (asked?.child === child) return;
  asked?.stop();
  asked = { child, stop: records.subscribe({ kind: 'for-child', hostId, childId }, () => {}) };
}

function show(id: number | null, reading: Map<number, ChildReading>, heard: boolean) {
  // A frame that reports again what it read (as the panel asks on opening) changes nothing: nothing is redrawn.
  if (!sameContent([...reading], [...frames.value])) frames.value = reading;
  const child = childForTab(reading);
  if (child.found) {
    markOnce('panel-child'); // when the panel first knows the tab's child
    // While the rest of the page starts: the panel draws them from the answer as soon as it can.
    askForEscalations(child.hostId, child.childId);
  }
  heardFromPage.value = heard;
  if (id !== null) seen.set(id, reading);
}

/**
 * The escalations the background read with the tab's reading as the panel opened: shown until the live query
 * for them answers (it may already have).
 */
function takeUpOpening(known: PanelOpening) {
  const child = childForTab(new Map(known.frames));
  if (!child.found || !known.escalations) return;
  askForEscalations(child.hostId, child.childId);
  records.seed?.({ kind: 'for-child', hostId: child.hostId, childId: child.childId }, known.escalations);
}

/** Follows one tab: what its frames have read (`known`: as the panel opened), then their fresh reports. */
async function follow(id: number | null, known?: PanelOpening): Promise<void> {
  tabId.value = id;
  picked.value = null;
  noRecordInTab.value = false;
  show(id, seen.get(id ?? -1) ?? new Map(), seen.has(id ?? -1));
  knowTab(id);
  if (id === null) return;
  const reading = known ?? (await pagesToBackground.send('tabReading', { tabId: id }).catch(() => null));
  if (tabId.value !== id) return;
  if (known) takeUpOpening(known);
  if (reading?.frames.length) show(id, new Map(reading.frames), true);
  // A tab with no record-page script refuses: not a case record.
  const answered = await extensionToRecordPage.sendToTab({ tabId: id }, 'reportChild').then(
    () => true,
    () => false,
  );
  if (tabId.value === id && !answered && frames.value.size === 0) noRecordInTab.value = true;
}

function listenToFollowedTab() {
  recordPageToExtension.handle({
    childDetected(reading, sender) {
      if (sender.tab?.id === undefined || sender.tab.id !== tabId.value) return NOT_MINE;
      const next = new Map(frames.value);
      next.set(sender.frameId ?? 0, reading);
      show(sender.tab.id, next, true);
      noRecordInTab.value = false;
    },
    idPicked(pick, sender) {
      if (sender.tab?.id !== tabId.value) return NOT_MINE;
      picked.value = pick;
    },
  });
}

/** The in-page panel: its own tab, for as long as it lives (`opening`: its entry's first question). */
export async function followOwnTab(opening: Promise<TabOpening>): Promise<void> {
  listenToFollowedTab();
  const reading = (await opening).answer ?? (await pagesToBackground.send('tabReading').catch(() => null));
  await follow(reading?.tabId ?? null, reading ?? undefined);
}

/**
 * The side panel: the active tab of its window, through tab switches and page loads. `bound` (from its
 * address, `?tab=` or `?window=`) fixes the tab or the window, as when it is opened as a page of its own;
 * `opening` is its entry's first question.
 */
export async function followActiveTab(bound: Bound, opening: Promise<TabOpening>): Promise<void> {
  listenToFollowedTab();
  browser.tabs.onUpdated.addListener((id, change) => {
    if (id !== tabId.value) return;
    // A new page in the followed tab: what the old one showed no longer holds; ask again once it is there.
    if (change.status === 'loading') {
      seen.delete(id);
      show(id, new Map(), false);
    }
    if (change.status === 'complete') void follow(id);
  });
  browser.tabs.onRemoved.addListener((id) => void seen.delete(id));
  const { windowId: openedIn, answer } = await opening;
  if (bound.tabId !== undefined) return follow(bound.tabId, answer ?? undefined);
  const windowId = openedIn ?? bound.windowId ?? (await browser.windows.getCurrent()).id;
  browser.tabs.onActivated.addListener((active) => {
    if (active.windowId === windowId) void follow(active.tabId);
  });
  if (answer && tabId.value === null) void follow(answer.tabId, answer);
  // Asked again now that switches are heard: the worker may have switched tab while the panel's code loaded.
  const [active] = await browser.tabs.query({ active: true, windowId });
  const current = active?.id ?? null;
  if (tabId.value === null || (answer && tabId.value === answer.tabId && current !== answer.tabId)) await follow(current);
}

/** Tells the followed tab's launcher something (top frame only). */
export function tellPage<K extends 'closePanel' | 'panelSide' | 'pickId'>(type: K, ...data: Parameters<ExtensionToRecordPage[K]>): void {
  void tabKnown.then(() => {
    const id = tabId.value;
    if (id !== null) extensionToRecordPage.sendToTab({ tabId: id, frameId: 0 }, type, ...data).catch(() => undefined);
  });
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
  const answer = tabKnown.then(() =>
    tabId.value === null
      ? null
      : extensionToRecordPage.sendToTab({ tabId: tabId.value }, type, ...data).then(
          (reply) => reply ?? null,
          () => null,
        ),
  );
  return Promise.race([answer, new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), waitMs))]);
}

/**
 * The child of the last note the record page refused to insert because it showed another child. The panel may
 * have moved on to that other child by the time the answer came (and the case notes that asked with it), so the
 * panel says it at the top.
 */
export const refusedNote = signal<ChildRef | null>(null);

/**
 * Asks the record page to insert `child`'s note and read it back: null when no frame shows a notes field;
 * 'no answer' when the page did not say in time (the insert waits up to about a second for the editor to settle);
 * refused when the page's own reading then was not `child`.
 */
export async function insertIntoPage(text: string, html: string, child: ChildRef): Promise<InsertResult | null | 'no answer'> {
  refusedNote.value = null;
  const answer = await askPage(5_000, 'insertNote', { text, html, child });
  if (answer && answer !== 'no answer' && 'refused' in answer) refusedNote.value = child;
  return answer;
}

/** Escalation references in the record's visible notes, while the record shows `child` (none otherwise). */
export async function referencesOnPage(child: ChildRef): Promise<ReferencesResult['references']> {
  const answer = await askPage(2_000, 'findReferences', child);
  return answer && answer !== 'no answer' ? answer.references : [];
}

/** The record page's report for IT (no child's ID, names or note text); null when no frame answered. */
export async function diagnosticsFromPage(): Promise<DiagnosticReport | null> {
  const answer = await askPage(2_000, 'diagnose');
  return answer && answer !== 'no answer' ? answer : null;
}
