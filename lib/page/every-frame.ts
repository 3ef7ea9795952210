// The part of the record-page script that runs in every frame the adapter matches: it reads the
// child's ID and reports it, puts case notes into this frame's notes field and finds escalation
// references in this frame's notes (only for the child this frame shows: lib/page/notes-on-page.ts), follows corrected adapters, counts each load for the adapter's
// health and gives IT its no-personal-data report. `destroy()` undoes all of it
// (an extension update or reload invalidates the old script; see entrypoints/content.ts).
import type { ChildIdResult } from '../hosts/extract';
import type { HostAdapter } from '../hosts/schema';
import { adapterForUrl } from '../hosts/select';
import { extensionToRecordPage, recordPageToExtension } from '../browser/channels';
import type { ChildReading } from '../messages/types';
import { diagnosticReport } from '../hosts/diagnose';
import { watchChildId } from './detector';
import { trackCarets } from './insert-note';
import { findNoteField } from './note-field';
import { noteHandlers } from './notes-on-page';
import { teardown } from './teardown';

/** How long a page has to show the child before its load counts as "not found" (a slow page draws late). */
const PAGE_SETTLE_MS = 3_000;

export interface FrameReader {
  /** The adapter in use now (a corrected one replaces it in place). */
  readonly adapter: HostAdapter;
  destroy(): void;
}

/** Starts reading `win`'s page with `adapter`; `onReading` hears this frame's readings too (the top frame's launcher). */
export function startFrameReader(win: Window, initial: HostAdapter, onReading: (reading: ChildReading) => void = () => {}): FrameReader {
  let adapter = initial;
  let current: ChildIdResult = { found: false, reason: 'not-found' };
  let destroyed = false;
  let flagged = false; // the background says this adapter may need updating for pages like this one
  const reading = (): ChildReading => ({
    hostId: adapter.id,
    idLabel: adapter.childId.label,
    result: current,
    ...(flagged && !current.found ? { mayNeedUpdating: true } : {}),
  });
  const report = () => void recordPageToExtension.send('childDetected', reading()).catch(() => undefined);
  const carets = trackCarets(win.document);

  const stopHandling = extensionToRecordPage.handle({
    reportChild: () => report(),
    // A corrected adapter (the picker, an import, a policy) applies at once, without reloading the worker's page.
    adaptersChanged(adapters) {
      const next = adapterForUrl(adapters, win.location.href);
      if (!next || destroyed) return;
      stopWatching();
      adapter = next;
      stopWatching = watchChildId(next, win, onChange);
    },
    // Each only for the child it names, and only while this frame's reading then is that child.
    ...noteHandlers(win, () => adapter, carets),
    diagnose: () => diagnosticReport(adapter, win.document, win.location.href, !!findNoteField(win.document, adapter.notes.fields)),
  });

  // Once per page load, for the adapter's health: found the child (at once, or within PAGE_SETTLE_MS)?
  let loadCounted = false;
  const countLoad = (found: boolean) => {
    if (loadCounted || destroyed) return;
    loadCounted = true;
    clearTimeout(settle);
    const notesFound = !!findNoteField(win.document, adapter.notes.fields);
    void recordPageToExtension
      .send('pageLoaded', { adapterId: adapter.id, found, notesFound })
      .then((answer) => {
        if (destroyed || !answer?.mayNeedUpdating) return;
        flagged = true;
        report();
        onReading(reading());
      })
      .catch(() => undefined);
  };
  const settle = setTimeout(() => countLoad(current.found), PAGE_SETTLE_MS);

  const onChange = (result: ChildIdResult) => {
    current = result;
    if (result.found) countLoad(true);
    report();
    onReading(reading());
  };
  let stopWatching = watchChildId(adapter, win, onChange);

  return {
    get adapter() {
      return adapter;
    },
    destroy() {
      destroyed = true;
      teardown(
        () => stopWatching(),
        () => clearTimeout(settle),
        stopHandling,
        carets.stop,
      );
    },
  };
}
