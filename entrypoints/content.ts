// Runs on granted case-record pages only (lib/background/record-pages.ts) and does nothing unless a site
// adapter matches the page. Wiring only: every frame gets a reader (lib/page/every-frame.ts), the top
// frame also the launcher (lib/page/top-frame.ts). When the extension is updated or reloaded, WXT's
// context invalidates this instance and both are destroyed, so the page keeps exactly one launcher.
import { adapterForUrl } from '../lib/hosts/select';
import { recordPageToExtension } from '../lib/browser/channels';
import { startFrameReader } from '../lib/page/every-frame';
import { startLauncher } from '../lib/page/top-frame';
import { answerAdapterTests } from '../lib/page/adapter-test';
import { answerStorageProbes } from '../lib/page/storage-probe';

export default defineContentScript({
  registration: 'runtime',
  async main(ctx) {
    // The options page's "Test on an open tab" works on any granted page, even one no adapter matches yet.
    if (window.top === window) ctx.onInvalidated(answerAdapterTests(window));
    // Test builds only: the Firefox suite checks what this script's world can reach of the extension's storage.
    if (import.meta.env.MODE !== 'production' && window.top === window) ctx.onInvalidated(answerStorageProbes(window));
    // The adapters come from the background: extension storage is closed to record pages (lib/browser/storage.ts).
    const setup = await recordPageToExtension.send('pageSetup').catch(() => null);
    const adapter = setup && adapterForUrl(setup.adapters, location.href);
    if (!adapter || ctx.isInvalid) return;
    // Each reading checks the context: an extension reloaded under us is noticed, and this instance torn down.
    const reader = startFrameReader(window, adapter, () => void ctx.isInvalid);
    ctx.onInvalidated(() => reader.destroy());
    if (window.top !== window) return;
    const launcher = startLauncher(window, reader, setup);
    ctx.onInvalidated(() => launcher.destroy());
  },
});
