// Runs on granted case-record pages only (lib/browser/record-pages.ts) and does
// nothing unless a site adapter matches the page. Wiring only: reading the ID
// is lib/page/detector.ts, the launcher is lib/page/companion.ts.
import { loadAdapters } from '../lib/browser/adapters';
import type { ChildIdResult } from '../lib/hosts/extract';
import { adapterForUrl } from '../lib/hosts/select';
import { mountCompanion, type Companion } from '../lib/page/companion';
import { childForTab, panelHandover, watchChildId } from '../lib/page/detector';
import { findNoteField, insertIntoField, trackCarets } from '../lib/page/insert-note';
import type { ChildStatus, InsertResult, Message, PanelSide, ReferencesResult } from '../lib/page/messages';
import { findReferences } from '../lib/templates/reference';
import { uniqueSelector } from '../lib/hosts/selector';
import { pickElement } from '../lib/page/picker';
import type { HostAdapter } from '../lib/hosts/schema';

export default defineContentScript({
  registration: 'runtime',
  async main() {
    let adapter: HostAdapter | undefined = adapterForUrl(await loadAdapters(), location.href);
    if (!adapter) return;
    const isTop = window.top === window;
    const frames = new Map<number, { hostId: string; result: ChildIdResult }>();
    let current: ChildIdResult = { found: false, reason: 'not-found' };
    let companion: Companion | undefined;

    const send = (message: Message) => browser.runtime.sendMessage(message).catch(() => undefined);
    const report = () => send({ type: 'child-detected', hostId: adapter!.id, idLabel: adapter!.childId.label, result: current });

    async function showTabChild() {
      if (!companion) return;
      const child = childForTab(frames);
      companion.setChild(child.found ? `${adapter!.childId.label} ${child.childId}` : 'No child found on this page');
      companion.setStatus(null, false);
      if (!child.found) return;
      const status = (await send({ type: 'child-status', hostId: child.hostId, childId: child.childId })) as ChildStatus | undefined;
      const still = childForTab(frames);
      // Only if the worker has not moved to another child meanwhile.
      if (status && still.found && still.childId === child.childId) companion.setStatus(status.text, status.overdue);
    }

    if (isTop) {
      const { panelSide } = await browser.storage.local.get('panelSide');
      companion = mountCompanion(document, browser.runtime.getURL('/panel.html'), (panelSide as PanelSide) ?? 'right', () =>
        panelHandover(childForTab(frames), adapter!.childId.label),
      );
      // Alt+Shift+E: the `commands` shortcut when the browser passes the key to the page.
      window.addEventListener('keydown', (e) => {
        if (e.altKey && e.shiftKey && e.code === 'KeyE') companion!.toggle();
      });
    }

    const carets = trackCarets(document);

    browser.runtime.onMessage.addListener((message: Message, _sender, sendResponse) => {
      switch (message.type) {
        case 'insert-note': {
          // Only the frame that has the notes field answers.
          const field = findNoteField(document, adapter!.notes.fields);
          if (!field) return;
          const where = insertIntoField(field, message.text, message.html, carets.caretIn(field));
          sendResponse({ inserted: where, field: field.id || field.tagName.toLowerCase() } satisfies InsertResult);
          return;
        }
        case 'find-references': {
          const history = adapter!.notes.history ? document.querySelector(adapter!.notes.history) : null;
          if (!history) return;
          sendResponse({ references: findReferences(history.textContent ?? '') } satisfies ReferencesResult);
          return;
        }
        case 'report-child':
          void report();
          break;
        case 'frame-child':
          frames.set(message.frameId, { hostId: message.hostId, result: message.result });
          void showTabChild();
          break;
        case 'toggle-panel':
          companion?.toggle();
          break;
        case 'close-panel':
          companion?.close();
          break;
        case 'panel-side':
          companion?.setSide(message.side);
          break;
        case 'status-changed':
          void showTabChild();
          break;
        case 'pick-id':
          if (!isTop) break;
          companion?.close();
          pickElement(
            document,
            (el) =>
              void send({
                type: 'id-picked',
                selector: uniqueSelector(el),
                text: (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200),
                adapterId: adapter!.id,
                url: location.href,
              }).then(() => companion?.toggle()),
            () => companion?.toggle(),
          );
          break;
      }
    });

    // Frames may have read their child before this listener existed: ask them again.
    if (isTop) void send({ type: 'report-child' });

    const onReading = (result: ChildIdResult) => {
      current = result;
      void report();
      if (isTop) {
        frames.set(0, { hostId: adapter!.id, result });
        void showTabChild();
      }
    };
    let stopWatching = watchChildId(adapter, window, onReading);
    // A corrected adapter (the picker, an import) applies at once, without reloading the worker's page.
    browser.storage.onChanged.addListener((changes) => {
      if (!('userAdapters' in changes) && !('managedAdapters' in changes)) return;
      void loadAdapters().then((adapters) => {
        const next = adapterForUrl(adapters, location.href);
        if (!next) return;
        stopWatching();
        adapter = next;
        stopWatching = watchChildId(next, window, onReading);
      });
    });
  },
});
