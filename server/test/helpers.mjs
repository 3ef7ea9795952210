// What the team store's tests share: calling the gateway as a person, making events, and asking PostgreSQL directly
// as the gateway's role with someone's claims (the same thing the gateway does, without the gateway).
import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** Calls the gateway; `body` is sent as JSON unless it is a string (sent as is). */
export async function call(base, { token, method = 'GET', path, body, headers = {} }) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

let counter = 0;
/** An event as the extension sends it: its own id, its escalation, a client order key and a payload. */
export function event(escalationId, type = 'stage-entered', extra = {}) {
  counter += 1;
  return {
    id: randomUUID(),
    escalationId,
    orderKey: `${String(Date.now()).padStart(15, '0')}:${String(counter).padStart(6, '0')}`,
    payload: { type },
    ...extra,
  };
}

export const push = (base, token, events, team) =>
  call(base, { token, method: 'POST', path: '/v1/events', body: { events, ...(team && { team }) } });

/** Every page of a pull from `cursor` (none: from the start): all events and deletions, and the last cursor. */
export async function pullAll(base, token, { cursor, limit } = {}) {
  const events = [];
  const deletions = [];
  for (let pages = 0; pages < 1000; pages++) {
    const query = new URLSearchParams({ ...(cursor && { cursor }), ...(limit && { limit: String(limit) }) });
    const { status, body } = await call(base, { token, path: `/v1/pull?${query}` });
    if (status !== 200) throw new Error(`pull answered ${status}: ${JSON.stringify(body)}`);
    events.push(...body.events);
    deletions.push(...body.deletions);
    cursor = body.cursor;
    if (!body.more) return { events, deletions, cursor, pages: pages + 1 };
  }
  throw new Error('pull did not end');
}

/** A connection as the gateway's role, with `claims` set for each transaction `run` opens. */
export async function asClaims(url, claims, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    if (claims) await client.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)]);
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** The error `promise` rejects with (fails if it resolves). */
export async function failure(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure, but it succeeded');
}
