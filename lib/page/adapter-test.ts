// The record-page side of the options page's "Test on an open tab": runs an adapter the person is trying out
// against this page and says what each source read. Nothing is saved and nothing else on the page changes.
import { trySources } from '../hosts/diagnose';
import { extensionToRecordPage } from '../browser/channels';

/** Answers tryAdapter in this (top) frame; returns the function that stops answering. */
export function answerAdapterTests(win: Window): () => void {
  return extensionToRecordPage.handle({
    tryAdapter: (adapter) => ({ url: win.location.href, sources: trySources(adapter, win.document, win.location.href, true) }),
  });
}
