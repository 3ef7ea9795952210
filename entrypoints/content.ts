// Runs on granted case-record pages only (lib/browser/record-pages.ts) and does nothing unless a site
// adapter matches the page. Wiring only: every frame gets a reader (lib/page/every-frame.ts), the top
// frame also the launcher (lib/page/top-frame.ts). When the extension is updated or reloaded, WXT's
// context invalidates this instance and both are destroyed, so the page keeps exactly one launcher.
import { adapterForUrl } from '../lib/hosts/select';
import { recordPageToExtension } from '../lib/messages/record-page-to-extension';
import type { ChildReading } from '../lib/messages/types';
import { startFrameReader } from '../lib/page/every-frame';
import { startLauncher, type Launcher } from '../lib/page/top-frame';
import { answerAdapterTests } from '../lib/page/adapter-test';

export default defineContentScript({
  registration: 'runtime',
  async main(ctx) {
    // The options page's "Test on an open tab" works on any granted page, even one no adapter matches yet.
    if (window.top === window) ctx.onInvalidated(answerAdapterTests(window));
    // The adapters come from the background: extension storage is closed to record pages (lib/browser/storage.ts).
    const setup = await recordPageToExtension.send('pageSetup').catch(() => null);
    const adapter = setup && adapterForUrl(setup.adapters, location.href);
    if (!adapter || ctx.isInvalid) return;
    let launcher: Launcher | undefined;
    let last: ChildReading | undefined;
    const reader = startFrameReader(window, adapter, (reading) => {
      // Reading isInvalid notices an extension that was reloaded under us, and tears this instance down.
      if (ctx.isInvalid) return;
      last = reading;
      launcher?.frameRead(reading);
    });
    ctx.onInvalidated(() => reader.destroy());
    if (window.top !== window) return;
    const started = await startLauncher(window, reader, setup.panelSide);
    if (ctx.isInvalid) return started.destroy();
    launcher = started;
    ctx.onInvalidated(() => started.destroy());
    if (last) started.frameRead(last);
  },
});
