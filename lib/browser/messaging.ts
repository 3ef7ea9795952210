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
      const options = frameId === undefined ? undefined : { frameId };
      return (await browser.tabs.sendMessage(tabId, envelope(type, data), options)) as ReturnType<P[K]>;
    },
    handle(handlers) {
      const listener = (message: unknown, sender: Sender, sendResponse: (reply: unknown) => void): true | undefined => {
        if (!isOurs(message) || !Object.hasOwn(handlers, message.type)) return undefined;
        const handler = handlers[message.type as keyof P] as (data: unknown, sender: Sender) => unknown;
        const reply = handler(message.data, sender);
        if (reply === NOT_MINE) return undefined;
        if (reply instanceof Promise) {
          reply.then(sendResponse, () => sendResponse(undefined));
          return true; // answers asynchronously
        }
        sendResponse(reply);
        return undefined;
      };
      browser.runtime.onMessage.addListener(listener);
      return () => browser.runtime.onMessage.removeListener(listener);
    },
  };
}
