// Runs on granted case-record pages only (lib/browser/record-pages.ts) and does
// nothing unless a site adapter matches the page. Wiring only: reading the ID
// is lib/page/detector.ts, the launcher is lib/page/companion.ts.
import { loadAdapters } from '../lib/browser/adapters';
import type { ChildIdResult } from '../lib/hosts/extract';
import { adapterForUrl } from '../lib/hosts/select';
import { mountCompanion, type Companion } from '../lib/page/companion';
import { childForTab, watchChildId } from '../lib/page/detector';
import { findNoteField, insertIntoField, trackCarets } from '../lib/page/insert-note';
import type { ChildStatus, InsertResult, Message, PanelSide, ReferencesResult } from '../lib/page/messages';
import { findReferences } from '../lib/templates/reference';

export default defineContentScript({
  registration: 'runtime',
  async main() {
    const adapter = adapterForUrl(await loadAdapters(), location.href);
    if (!adapter) return;
    const isTop = window.top === window;
    const frames = new Map<number, { hostId: string; result: ChildIdResult }>();
    let current: ChildIdResult = { found: false, reason: 'not-found' };
    let companion: Companion | undefined;

    const send = (message: Message) => browser.runtime.sendMessage(message).catch(() => undefined);
    const report = () => send({ type: 'child-detected', hostId: adapter.id, idLabel: adapter.childId.label, result: current });

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
      companion = mountCompanion(document, browser.runtime.getURL('/panel.html'), (panelSide as PanelSide) ?? 'right');
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
          const field = findNoteField(document, adapter.notes.fields);
          if (!field) return;
          const where = insertIntoField(field, message.text, message.html, carets.caretIn(field));
          sendResponse({ inserted: where, field: field.id || field.tagName.toLowerCase() } satisfies InsertResult);
          return;
        }
        case 'find-references': {
          const history = adapter.notes.history ? document.querySelector(adapter.notes.history) : null;
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
      }
    });

    // Frames may have read their child before this listener existed: ask them again.
    if (isTop) void send({ type: 'report-child' });

    watchChildId(adapter, window, (result) => {
      current = result;
      void report();
      if (isTop) {
        frames.set(0, { hostId: adapter.id, result });
        void showTabChild();
      }
    });
  },
});
