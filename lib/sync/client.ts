// Calls to the team server's gateway (server/README.md, "The API"), each answer checked with zod and every failure
// turned into a problem the person can act on. No browser API: the caller gives `fetch` and the token.
import { z } from 'zod';
import { OriginRefused } from './gate';
import { ErrorReplySchema, MeReplySchema, PullReplySchema, PushReplySchema, type SyncProblem, type WireEvent } from '../team/model';
import { messageOf } from '../errors';

export interface Transport {
  /** The gateway's address, e.g. `https://escalations.council.example` (no trailing slash needed). */
  server: string;
  /** The signed-in person's access token, or null when nobody is signed in. */
  token: () => Promise<string | null>;
  fetch: typeof fetch;
  /** Waits (the one retry after a key rotation); tests may pass a quicker one. */
  sleep?: (ms: number) => Promise<void>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problem: SyncProblem; code?: string };

/** The longest the one retry after a refused signing key waits for the server's key cooldown. */
const MAX_KEY_RETRY_WAIT_MS = 30_000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function retryAfter(response: Response, now: number): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? now + seconds * 1000 : undefined;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'reply'}: ${issue.message}` : 'not as expected';
}

async function call<T>(transport: Transport, path: string, init: RequestInit, schema: z.ZodType<T>, retried = false): Promise<Result<T>> {
  const token = await transport.token();
  if (!token) return { ok: false, problem: { kind: 'signed-out', detail: 'Nobody is signed in to the team server.' } };
  const url = `${transport.server.replace(/\/+$/, '')}${path}`;
  let response: Response;
  try {
    response = await transport.fetch(url, {
      ...init,
      headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), authorization: `Bearer ${token}` },
      // The token goes to the server only: no cookies, no cache.
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    // The gate refused the address (lib/sync/gate.ts): nothing was sent, and retrying will not change that.
    if (error instanceof OriginRefused) return { ok: false, problem: { kind: 'refused', detail: error.message } };
    return { ok: false, problem: { kind: 'unreachable', detail: `The team server could not be reached (${messageOf(error)}).` } };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (response.ok) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return { ok: true, value: parsed.data };
    const what = body === undefined ? 'not JSON' : firstIssue(parsed.error);
    return { ok: false, problem: { kind: 'bad-reply', detail: `The team server sent a reply this extension cannot read (${what}).` } };
  }
  const error = ErrorReplySchema.safeParse(body);
  const code = error.success ? error.data.error : undefined;
  const said = error.success ? error.data.message : `It answered ${response.status}.`;
  const now = Date.now();
  // A key the server has not fetched yet (just rotated): it says when it may fetch again; one retry then.
  if (code === 'unknown-signing-key' && !retried) {
    const at = retryAfter(response, now);
    if (at !== undefined && at - now <= MAX_KEY_RETRY_WAIT_MS) {
      await (transport.sleep ?? defaultSleep)(at - now);
      return call(transport, path, init, schema, true);
    }
  }
  const kind: SyncProblem['kind'] =
    response.status === 401
      ? 'sign-in-again'
      : response.status === 403
        ? 'not-a-member'
        : response.status >= 500 || response.status === 429 || response.status === 408
          ? 'unreachable'
          : 'refused';
  return { ok: false, code, problem: { kind, detail: said, retryAt: retryAfter(response, now) } };
}

export function pushEvents(transport: Transport, events: WireEvent[], team?: string) {
  return call(transport, '/v1/events', { method: 'POST', body: JSON.stringify({ ...(team && { team }), events }) }, PushReplySchema);
}

export function pullPage(transport: Transport, cursor: string | undefined, limit: number) {
  const query = new URLSearchParams({ ...(cursor && { cursor }), limit: String(limit) });
  return call(transport, `/v1/pull?${query}`, { method: 'GET' }, PullReplySchema);
}

export function whoAmI(transport: Transport) {
  return call(transport, '/v1/me', { method: 'GET' }, MeReplySchema);
}

/** Records an export (or a view) in the server's access log. */
export function logAccess(transport: Transport, entry: { kind: 'export' | 'view'; team?: string; escalationId?: string; detail?: string }) {
  return call(transport, '/v1/access-log', { method: 'POST', body: JSON.stringify(entry) }, z.object({ recorded: z.literal(true) }));
}
