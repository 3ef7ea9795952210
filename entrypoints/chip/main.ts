// The record page's chip, drawn in the extension's own frame so the page's scripts cannot read what it
// says: the child on this tab, the stage and time left, and the button that opens the panel. It asks the
// background about its own tab only; its address names nothing. No framework: it loads on every record page.
// The worker can move it to another corner or collapse it to a tab on the window's edge; that is kept per site
// in extension storage, which this frame (an extension page) can write and the record page's script cannot.
import { NOT_MINE } from '../../lib/browser/messaging';
import { hasSidePanel, openSidePanel } from '../../lib/browser/side-panel';
import { CHIP_PLACES_ITEM, LAUNCHER_ITEM } from '../../lib/browser/storage';
import { backgroundToPages } from '../../lib/messages/background-to-pages';
import { extensionToRecordPage } from '../../lib/messages/extension-to-record-page';
import { pagesToBackground } from '../../lib/messages/pages-to-background';
import { recordPageToExtension } from '../../lib/messages/record-page-to-extension';
import type { ChildReading, ChipState } from '../../lib/messages/types';
import { cornerToward, DEFAULT_PLACE, isChipPlace, nextCorner, type ChipPlace } from '../../lib/chip/place';
import { childForTab } from '../../lib/page/detector';

type ChipWords =
  | 'escalations'
  | 'noChildTitle'
  | 'adapterMayNeedUpdating'
  | 'chipOpenFailed'
  | 'chipNoChildEmpty'
  | 'chipNoChildInvalid'
  | 'chipNoChildAmbiguous'
  | 'chipNoChildPatternRefused'
  | 'chipMove'
  | 'chipCollapse'
  | 'chipExpand';
const words = (key: ChipWords) => browser.i18n.getMessage(key);
/** Why no child was taken, in a few words under "No child found" (the panel says it in full). */
const REASON_WORDS = {
  empty: 'chipNoChildEmpty',
  invalid: 'chipNoChildInvalid',
  ambiguous: 'chipNoChildAmbiguous',
  'pattern-refused': 'chipNoChildPatternRefused',
} as const;
const button = document.getElementById('open')!;
const childLine = document.getElementById('child')!;
const statusLine = document.getElementById('status')!;
button.textContent = words('escalations');
const tools = {
  move: document.getElementById('move')!,
  collapse: document.getElementById('collapse')!,
  expand: document.getElementById('expand')!,
};
tools.move.setAttribute('aria-label', words('chipMove'));
tools.move.title = words('chipMove');
tools.collapse.setAttribute('aria-label', words('chipCollapse'));
tools.collapse.title = words('chipCollapse');
tools.expand.setAttribute('aria-label', words('chipExpand'));
tools.expand.title = words('chipExpand');

let state: ChipState | null = null;
/** What this tab's frames read, as they report it (the background keeps the same, for the status). */
const frames = new Map<number, ChildReading>();

function tabChild() {
  const child = childForTab(frames);
  if (!child.found) return { child, text: words(child.mayNeedUpdating ? 'adapterMayNeedUpdating' : 'noChildTitle') };
  const label = [...frames.values()].find((r) => r.result.found && r.result.childId === child.childId)?.idLabel ?? 'ID';
  return { child, text: `${label} ${child.childId}` };
}

function draw() {
  const { child, text } = tabChild();
  childLine.textContent = text;
  // The status the background gave is for the child its readings show: drawn only while that is this one.
  const theirs = state && childForTab(new Map(state.frames));
  const status = child.found && theirs?.found && theirs.childId === child.childId ? state?.status : undefined;
  const why = !child.found && child.reason !== 'not-found' ? words(REASON_WORDS[child.reason]).replace('{label}', child.idLabel) : '';
  statusLine.textContent = status?.text ?? why;
  statusLine.hidden = !(status?.text ?? why);
  statusLine.classList.toggle('overdue', Boolean(status?.overdue));
}

async function refresh() {
  const next = await pagesToBackground.send('chipState').catch(() => null);
  if (!next) return;
  const first = !state;
  if (!state) for (const [frameId, reading] of next.frames) frames.set(frameId, reading);
  state = next;
  draw();
  if (first) void loadPlace();
}

/** The record site this chip is on: the origin of the page that framed it, as the browser says. */
const site = location.ancestorOrigins?.[0] ?? (document.referrer ? new URL(document.referrer).origin : '');
let place: ChipPlace = DEFAULT_PLACE;

function tellPage() {
  if (state?.tabId == null) return;
  void extensionToRecordPage.sendToTab({ tabId: state.tabId, frameId: 0 }, 'chipPlace', place).catch(() => undefined);
}

async function loadPlace() {
  const kept = (await CHIP_PLACES_ITEM.get())[site];
  place = isChipPlace(kept) ? kept : DEFAULT_PLACE;
  tellPage();
}

/** The worker moved or collapsed the chip: put it there now, and keep it for this site. */
async function choose(next: ChipPlace) {
  place = next;
  tellPage();
  await CHIP_PLACES_ITEM.set({ ...(await CHIP_PLACES_ITEM.get()), [site]: next });
}
// Another tab on the same site moved it: follow.
CHIP_PLACES_ITEM.watch((all) => {
  const kept = all[site];
  if (isChipPlace(kept) && (kept.corner !== place.corner || kept.collapsed !== place.collapsed)) {
    place = kept;
    tellPage();
  }
});

tools.move.addEventListener('click', () => void choose({ ...place, corner: nextCorner(place.corner) }));
tools.move.addEventListener('keydown', (event) => {
  const corner = cornerToward(place.corner, event.key);
  if (corner === place.corner) return;
  event.preventDefault();
  void choose({ ...place, corner });
});
// Keyboard users stay on the control that undoes what they pressed, once the launcher has resized the frame.
let focusNext: HTMLElement | null = null;
addEventListener('resize', () => {
  focusNext?.focus();
  focusNext = null;
});
tools.collapse.addEventListener('click', () => {
  focusNext = tools.expand;
  void choose({ ...place, collapsed: true });
});
tools.expand.addEventListener('click', () => {
  focusNext = tools.collapse;
  void choose({ ...place, collapsed: false });
});

recordPageToExtension.handle({
  childDetected(reading, sender) {
    if (!state || sender.tab?.id !== state.tabId) return NOT_MINE;
    frames.set(sender.frameId ?? 0, reading);
    draw();
    void refresh();
  },
});
backgroundToPages.handle({ recordsUpdated: () => void refresh() });
// The placement decides what a click does, in the click's own turn: keep it current.
LAUNCHER_ITEM.watch(({ placement }) => state && (state = { ...state, placement }));

button.addEventListener('click', () => {
  if (!state || state.tabId === null) return;
  const tabId = state.tabId;
  const inPage = () => void extensionToRecordPage.sendToTab({ tabId, frameId: 0 }, 'togglePanel').catch(() => undefined);
  // Firefox gives a framed extension page no `sidebarAction`: there the chip opens the in-page panel, and the
  // toolbar button and Alt+Shift+E open the sidebar (README, Browsers).
  if (state.placement === 'in-page' || !hasSidePanel()) return inPage();
  // In the same turn as the click: the browser opens its side panel only for the worker's own action.
  void openSidePanel({ id: tabId }).then((opened) => {
    if (opened) return;
    statusLine.hidden = false;
    statusLine.classList.remove('overdue');
    statusLine.textContent = words('chipOpenFailed');
  });
});

void refresh();
