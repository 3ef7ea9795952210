// Firefox's framed extension pages (the chip, the in-page panel) reach their tab through the background:
// who may be relayed where, and who a passed-on message is from.
import { describe, expect, it } from 'vitest';
import { originalSender, ownTabTarget, type Sender } from '../../lib/browser/messaging';

const EXTENSION_PAGE = (url: string) => url.startsWith('moz-extension://');
const chipFrame: Sender = { id: 'ext', url: 'moz-extension://uuid/chip.html', tab: { id: 7 } as Sender['tab'], frameId: 12 };
const recordPage: Sender = { id: 'ext', url: 'https://mosaic.example.gov.uk/person/1', tab: { id: 7 } as Sender['tab'], frameId: 0 };
const background: Sender = { id: 'ext', url: 'moz-extension://uuid/_generated_background_page.html' };
const isOwnPage = (sender: Sender) => EXTENSION_PAGE(sender.url ?? '');
const relay = (tabId: number, frameId?: number) => ({
  protocol: 'own-tab-relay',
  tabId,
  ...(frameId === undefined ? {} : { frameId }),
  message: { protocol: 'extension-to-record-page', type: 'togglePanel' },
});

describe('the relay to a framed page’s own tab', () => {
  it('passes an extension page’s message to the tab it is in, to the frame it names', () => {
    expect(ownTabTarget(relay(7, 0), chipFrame, isOwnPage)).toEqual({ tabId: 7, frameId: 0 });
    expect(ownTabTarget(relay(7), chipFrame, isOwnPage)).toEqual({ tabId: 7 });
  });

  it('refuses another tab, a record page’s own script, a page outside any tab, and anything malformed', () => {
    expect(ownTabTarget(relay(8, 0), chipFrame, isOwnPage)).toBeNull();
    expect(ownTabTarget(relay(7, 0), recordPage, isOwnPage)).toBeNull();
    expect(ownTabTarget(relay(7, 0), background, isOwnPage)).toBeNull();
    expect(ownTabTarget({ ...relay(7), frameId: '0' }, chipFrame, isOwnPage)).toBeNull();
    expect(ownTabTarget({ protocol: 'extension-to-record-page', type: 'togglePanel' }, chipFrame, isOwnPage)).toBeNull();
    expect(ownTabTarget(null, chipFrame, isOwnPage)).toBeNull();
  });
});

describe('a record page’s message passed on by the background', () => {
  const message = { protocol: 'record-page-to-extension', type: 'childDetected', passedOnFrom: { tabId: 7, frameId: 3 } };

  it('is from the frame that sent it', () => {
    const from = originalSender(message, background);
    expect([from.tab?.id, from.frameId]).toEqual([7, 3]);
  });

  it('cannot be forged by a record page’s script: its own tab and frame stand', () => {
    const from = originalSender({ ...message, passedOnFrom: { tabId: 99, frameId: 0 } }, recordPage);
    expect([from.tab?.id, from.frameId]).toEqual([7, 0]);
  });

  it('a message not passed on keeps its sender', () => {
    expect(originalSender({ protocol: 'x', type: 'y' }, chipFrame)).toBe(chipFrame);
  });
});
