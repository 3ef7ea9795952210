// One typed protocol per direction (lib/messages/): each message is a named function signature, the
// sender calls `send(type, data)` and gets that signature's reply type back, and the receiver
// registers a table of plain handler functions that unit tests can call directly.
//
// Why not @webext-core/messaging (tried, v4): its listeners answer every message of their type, so a
// question broadcast to all of a tab's frames ("insert this note") is answered by the first frame
// that has no notes field; here a handler returns NOT_MINE to stay silent and let the frame that can
// answer do so. It also calls `chrome.*` directly, which needs a second set of browser types beside
// WXT's. The shape (a protocol map per direction, typed send and handlers) is the same.
import type { Browser } from 'wxt/browser';
import { messageOf } from '../errors';

export type Sender = Browser.runtime.MessageSender;

// `any` in parameter position: each map's own signatures are checked where the map is declared.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fn = (...data: any[]) => unknown;

/** A direction's messages: name → (data) => reply, as an interface of method signatures. */
export type ProtocolMap<P> = Record<keyof P, Fn>;

/** Returned by a handler that is not the one to answer (another frame or context will). */
export const NOT_MINE: unique symbol = Symbol('not mine');

type Data<F> = F extends Fn ? Parameters<F> : never;
type Reply<F> = F extends Fn ? ReturnType<F> : never;
type DataOf<F> = Data<F> extends [] ? undefined : Data<F>[0];

/** The receiving side: one plain function per message, given the data and who sent it. */
export type Handlers<P extends ProtocolMap<P>> = {
  [K in keyof P]: (data: DataOf<P[K]>, sender: Sender) => Reply<P[K]> | Promise<Reply<P[K]>> | typeof NOT_MINE;
};

interface Envelope {
  protocol: string;
  type: string;
  data?: unknown;
  /** Set by the background when it passes a record-page script's message on (Firefox: see passOnToFramedPages). */
  passedOnFrom?: { tabId: number; frameId: number };
}

export interface Protocol<P extends ProtocolMap<P>> {
  readonly name: string;
  /** To the background and the extension's pages (runtime messaging). */
  send<K extends keyof P & string>(type: K, ...data: Parameters<P[K]>): Promise<ReturnType<P[K]>>;
  /** To a tab's frames: every frame, or the one `frameId` names (0 is the top frame). */
  sendToTab<K extends keyof P & string>(
    target: { tabId: number; frameId?: number },
    type: K,
    ...data: Parameters<P[K]>
  ): Promise<ReturnType<P[K]>>;
  /** Serves some of this direction's messages in this context; returns a function that stops. */
  handle(handlers: Partial<Handlers<P>>): () => void;
}

export function defineProtocol<P extends ProtocolMap<P>>(name: string): Protocol<P> {
  const envelope = (type: string, data: unknown[]): Envelope => ({ protocol: name, type, data: data[0] });
  const isOurs = (message: unknown): message is Envelope =>
    typeof message === 'object' &&
    message !== null &&
    (message as Envelope).protocol === name &&
    typeof (message as Envelope).type === 'string';
  return {
    name,
    // async: a script whose extension was reloaded throws at once ("Extension context invalidated");
    // as a rejected promise the caller's .catch handles it instead of the page's console.
    // The one place a reply is typed: by the protocol's own signature for that message.
    async send<K extends keyof P & string>(type: K, ...data: Parameters<P[K]>) {
      return (await browser.runtime.sendMessage(envelope(type, data))) as ReturnType<P[K]>;
    },
    async sendToTab<K extends keyof P & string>(
      { tabId, frameId }: { tabId: number; frameId?: number },
      type: K,
      ...data: Parameters<P[K]>
    ) {
      if (!browser.tabs) return (await relayToOwnTab({ tabId, frameId }, envelope(type, data))) as ReturnType<P[K]>;
      const options = frameId === undefined ? undefined : { frameId };
      return (await browser.tabs.sendMessage(tabId, envelope(type, data), options)) as ReturnType<P[K]>;
    },
    handle(handlers) {
      const listener = (message: unknown, sender: Sender, sendResponse: (reply: unknown) => void): true | undefined => {
        if (!isOurs(message) || !Object.hasOwn(handlers, message.type)) return undefined;
        const handler = handlers[message.type as keyof P] as (data: unknown, sender: Sender) => unknown;
        const reply = handler(message.data, originalSender(message, sender));
        if (reply === NOT_MINE) return undefined;
        if (reply instanceof Promise) {
          reply.then(sendResponse, () => sendResponse(undefined));
          return true; // answers asynchronously
        }
        sendResponse(reply);
        return undefined;
      };
      browser.runtime.onMessage.addListener(listener);
      // An orphaned record-page script (the extension reloaded under it) has no `runtime` left, and its
      // listeners went with it: there is nothing to remove.
      return () => browser.runtime?.onMessage.removeListener(listener);
    },
  };
}

// Firefox gives an extension page framed in a web page (the chip, the in-page panel) no `tabs` API, only
// what a content script has: its messages to its own tab go through the background, which sends them on
// to the tab they came from and nowhere else.
const RELAY = 'own-tab-relay';
interface Relay {
  protocol: typeof RELAY;
  tabId: number;
  frameId?: number;
  message: Envelope;
}
type Relayed = { ok: true; reply: unknown } | { ok: false; error: string };

async function relayToOwnTab(target: { tabId: number; frameId?: number }, message: Envelope): Promise<unknown> {
  const answer = (await browser.runtime.sendMessage({ protocol: RELAY, ...target, message } satisfies Relay)) as Relayed | undefined;
  if (!answer) throw new Error('The background did not pass the message on.');
  if (!answer.ok) throw new Error(answer.error);
  return answer.reply;
}

/**
 * Where a relayed message may go: the tab it came from, and only from one of the extension's own pages in
 * that tab (`isOwnPage`); null for anything else (a record page's script asking, another tab named).
 */
export function ownTabTarget(
  message: unknown,
  sender: Sender,
  isOwnPage: (sender: Sender) => boolean,
): { tabId: number; frameId?: number } | null {
  const relay = message as Partial<Relay> | null;
  if (typeof relay !== 'object' || relay === null || relay.protocol !== RELAY) return null;
  if (sender.tab?.id === undefined || relay.tabId !== sender.tab.id || !isOwnPage(sender)) return null;
  if (relay.frameId !== undefined && !Number.isInteger(relay.frameId)) return null;
  return { tabId: sender.tab.id, ...(relay.frameId === undefined ? {} : { frameId: relay.frameId }) };
}

/** The background's side of the relay. */
export function serveOwnTabRelay(isOwnPage: (sender: Sender) => boolean): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender, sendResponse: (answer: Relayed) => void) => {
    const target = ownTabTarget(message, sender, isOwnPage);
    if (!target) return undefined;
    const options = target.frameId === undefined ? undefined : { frameId: target.frameId };
    browser.tabs.sendMessage(target.tabId, (message as Relay).message, options).then(
      (reply) => sendResponse({ ok: true, reply }),
      (error: unknown) => sendResponse({ ok: false, error: messageOf(error) }),
    );
    return true;
  });
}

/**
 * Firefox delivers messages to an extension page framed in a web page only as it does to a content script:
 * from its own tab (`tabs.sendMessage`), never a record-page script's or the background's runtime message.
 * So in Firefox builds the background passes those on to the tab, marked with where they came from.
 */
export const FRAMED_PAGES_HEAR_ONLY_THEIR_TAB: boolean = import.meta.env.FIREFOX ?? false;

/**
 * The background's side: `types` of `protocol` that a record-page script (a frame of a tab, not one of the
 * extension's own pages, `isOwnPage`) sends are passed on to that same tab's frames.
 */
export function passOnToFramedPages(protocol: string, types: readonly string[], isOwnPage: (sender: Sender) => boolean): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => {
    const envelope = message as Partial<Envelope> | null;
    const tabId = sender.tab?.id;
    if (envelope?.protocol !== protocol || !types.includes(envelope.type ?? '') || tabId === undefined || isOwnPage(sender))
      return undefined;
    const passedOnFrom = { tabId, frameId: sender.frameId ?? 0 };
    browser.tabs.sendMessage(tabId, { ...envelope, passedOnFrom }).catch(() => undefined);
    return undefined;
  });
}

/**
 * Who a message is from: for one the background passed on, the record-page frame that sent it. Only a
 * message from outside any tab (the background) can carry that mark; a record-page script's own messages
 * always name their tab, so one cannot pretend to be another frame.
 */
export function originalSender(message: Envelope, sender: Sender): Sender {
  const from = message.passedOnFrom;
  if (!from || sender.tab || !Number.isInteger(from.tabId) || !Number.isInteger(from.frameId)) return sender;
  return { ...sender, tab: { id: from.tabId } as Sender['tab'], frameId: from.frameId };
}
