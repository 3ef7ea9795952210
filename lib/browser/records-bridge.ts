// The in-page panel is an extension frame inside a web page: a third-party
// context, where browsers may deny IndexedDB. So the panel reads and changes
// records through the background service worker (first-party storage) over a
// port: live queries stream their results; changes go through lib/escalations.
import type { Browser } from 'wxt/browser';
import { InvalidInputError, TransitionError } from '../records/errors';
import type { Escalation, EscalationEvent, EventBody, NewEscalation } from '../records/model';

export type RecordsQuery =
  | { kind: 'for-child'; hostId: string; childId: string }
  | { kind: 'escalation'; id: string }
  | { kind: 'history'; id: string };

export type RecordsCommand =
  | { kind: 'create'; input: NewEscalation; by?: string; at?: string }
  | { kind: 'record'; id: string; body: EventBody; by?: string; at?: string };

type QueryResult<Q extends RecordsQuery> = Q extends { kind: 'for-child' }
  ? Escalation[]
  : Q extends { kind: 'escalation' }
    ? Escalation | undefined
    : EscalationEvent[];

export type Request =
  | { op: 'subscribe'; sub: number; query: RecordsQuery }
  | { op: 'unsubscribe'; sub: number }
  | { op: 'command'; req: number; command: RecordsCommand };

export type Reply =
  | { sub: number; value: unknown }
  | { sub: number; error: SerialError }
  | { req: number; value: unknown }
  | { req: number; error: SerialError };

export interface SerialError {
  name: string;
  message: string;
  problems?: { path: string; message: string }[];
}

export const PORT_NAME = 'records';

export function serialise(error: unknown): SerialError {
  const e = error as Error & { problems?: SerialError['problems'] };
  return { name: e.name ?? 'Error', message: e.message ?? String(error), problems: e.problems };
}

function revive(error: SerialError): Error {
  if (error.name === 'InvalidInputError' && error.problems) return new InvalidInputError(error.problems);
  if (error.name === 'TransitionError') return new TransitionError(error.message);
  return Object.assign(new Error(error.message), { name: error.name });
}

/** Panel side: a connection that reconnects (and re-subscribes) if the service worker restarts. */
export function recordsClient(connect: () => Browser.runtime.Port = () => browser.runtime.connect({ name: PORT_NAME })) {
  let port: Browser.runtime.Port | null = null;
  let next = 1;
  const subs = new Map<number, { query: RecordsQuery; onValue(v: unknown): void; onError(e: Error): void }>();
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; command: RecordsCommand }>();

  function ensure(): Browser.runtime.Port {
    if (port) return port;
    const p = connect();
    port = p;
    p.onMessage.addListener((reply: Reply) => {
      if ('sub' in reply) {
        const s = subs.get(reply.sub);
        if (!s) return;
        if ('error' in reply) s.onError(revive(reply.error));
        else s.onValue(reply.value);
      } else {
        const r = pending.get(reply.req);
        if (!r) return;
        pending.delete(reply.req);
        if ('error' in reply) r.reject(revive(reply.error));
        else r.resolve(reply.value);
      }
    });
    p.onDisconnect.addListener(() => {
      port = null;
      // Re-subscribe; commands in flight are failed rather than risk writing twice.
      for (const [, r] of pending) r.reject(new Error('The connection to the extension was interrupted; check the history and try again.'));
      pending.clear();
      if (subs.size > 0) {
        const again = ensure();
        for (const [sub, s] of subs) again.postMessage({ op: 'subscribe', sub, query: s.query } satisfies Request);
      }
    });
    return p;
  }

  return {
    subscribe<Q extends RecordsQuery>(query: Q, onValue: (value: QueryResult<Q>) => void, onError: (error: Error) => void = () => {}) {
      const sub = next++;
      subs.set(sub, { query, onValue: onValue as (v: unknown) => void, onError });
      ensure().postMessage({ op: 'subscribe', sub, query } satisfies Request);
      return () => {
        subs.delete(sub);
        port?.postMessage({ op: 'unsubscribe', sub } satisfies Request);
      };
    },
    command(command: RecordsCommand): Promise<Escalation> {
      const req = next++;
      return new Promise((resolve, reject) => {
        pending.set(req, { resolve: resolve as (v: unknown) => void, reject, command });
        ensure().postMessage({ op: 'command', req, command } satisfies Request);
      });
    },
  };
}

export type RecordsClient = ReturnType<typeof recordsClient>;
