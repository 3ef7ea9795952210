// The gateway's own promises: tokens checked against the real OIDC server's keys (and its rotation), clear errors for
// bad input, a retried push that adds nothing, and a pull cursor that never skips a transaction committed late.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdentityProvider, startStack } from '../dev.mjs';
import { originAllowed } from '../gateway.mjs';
import { call, event, pullAll, push } from './helpers.mjs';

let stack;
let base;
let token;

beforeAll(async () => {
  // A short JWKS cooldown, so a key published a moment ago is fetched at once (production keeps jose's 30 s).
  stack = await startStack({ gateway: { jwksCooldownMs: 100, maxBatch: 50, maxBodyBytes: 64 * 1024, maxPull: 100 } });
  base = stack.gateway;
  await stack.addTeam({ team: 'team-a', workers: ['worker-a', 'worker-b'], managers: ['manager-1'] });
  token = await stack.identity.token({ sub: 'worker-a', roles: ['worker'] });
}, 60_000);

afterAll(() => stack?.stop());

describe('tokens', () => {
  it('a token from the issuer is accepted, and says who is signed in', async () => {
    const { status, body } = await call(base, { token, path: '/v1/me' });
    expect(status).toBe(200);
    expect(body).toEqual({ subject: 'worker-a', roles: ['worker'], memberships: [{ team: 'team-a', teamName: 'team-a', role: 'worker' }] });
  });

  it('a token from the authorization-code flow with PKCE, as the extension signs in, is accepted', async () => {
    stack.identity.signInAs('manager-1', ['team-manager']);
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const redirect = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
    const discovery = await (await fetch(`${stack.issuer}/.well-known/openid-configuration`)).json();
    const authorize = new URL(discovery.authorization_endpoint);
    for (const [k, v] of Object.entries({
      response_type: 'code',
      client_id: 'extension',
      redirect_uri: redirect,
      scope: 'openid',
      state: 's1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    })) {
      authorize.searchParams.set(k, v);
    }
    const signIn = async (codeVerifier) => {
      const back = new URL((await fetch(authorize, { redirect: 'manual' })).headers.get('location'));
      expect(back.searchParams.get('state')).toBe('s1');
      return fetch(discovery.token_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: back.searchParams.get('code'),
          code_verifier: codeVerifier,
          redirect_uri: redirect,
          client_id: 'extension',
        }),
      });
    };
    expect((await signIn(randomBytes(32).toString('base64url'))).ok).toBe(false); // the verifier is checked
    const { access_token: accessToken } = await (await signIn(verifier)).json();
    const { status, body } = await call(base, { token: accessToken, path: '/v1/me' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ subject: 'manager-1', roles: ['team-manager'] });
  });

  it('no token, or not a bearer token: 401 saying to sign in', async () => {
    for (const headers of [{}, { authorization: 'Basic d29ya2VyOnB3' }]) {
      const { status, body } = await call(base, { path: '/v1/pull', headers });
      expect(status).toBe(401);
      expect(body.error).toBe('sign-in-required');
    }
  });

  it('an expired token: 401 token-expired', async () => {
    const expired = await stack.identity.token({ sub: 'worker-a', expiresIn: -60 });
    const { status, body } = await call(base, { token: expired, path: '/v1/pull' });
    expect(status).toBe(401);
    expect(body).toEqual({ error: 'token-expired', message: 'Your sign-in has expired: sign in again.' });
  });

  it('a token from another issuer, or for another audience, or forged with another key: refused', async () => {
    const other = await startIdentityProvider();
    try {
      const foreign = await other.token({ sub: 'worker-a' });
      const fromOther = await call(base, { token: foreign, path: '/v1/pull' });
      expect(fromOther.status).toBe(401);
      expect(fromOther.body.message).toMatch(/issued by .* not this server's identity provider/);
      // Another server's key, claiming to be our issuer: no key of ours matches it.
      const forged = await other.token({ sub: 'worker-a', claims: { iss: stack.issuer } });
      const unknownKey = await call(base, { token: forged, path: '/v1/pull' });
      expect(unknownKey.status).toBe(401);
      expect(unknownKey.body.error).toBe('unknown-signing-key');
      expect(unknownKey.headers.get('retry-after')).toBe('1');
    } finally {
      await other.stop();
    }
    const wrongAudience = await stack.identity.token({ sub: 'worker-a', claims: { aud: 'microsoft-graph' } });
    const refused = await call(base, { token: wrongAudience, path: '/v1/pull' });
    expect(refused.status).toBe(401);
    expect(refused.body.message).toMatch(/"aud"/);
    const tampered = `${token.slice(0, -4)}AAAA`;
    expect((await call(base, { token: tampered, path: '/v1/pull' })).status).toBe(401);
  });

  it('after the identity provider rotates its key, tokens signed with the new key are accepted', async () => {
    expect((await call(base, { token, path: '/v1/me' })).status).toBe(200); // the old key set is cached now
    const newKid = await stack.identity.rotateKey();
    const rotated = await stack.identity.token({ sub: 'worker-a', roles: ['worker'] });
    expect(JSON.parse(Buffer.from(rotated.split('.')[0], 'base64url').toString()).kid).toBe(newKid);
    await new Promise((resolve) => setTimeout(resolve, 150)); // past the cooldown since the last fetch
    const { status } = await call(base, { token: rotated, path: '/v1/me' });
    expect(status).toBe(200);
    expect((await call(base, { token, path: '/v1/me' })).status).toBe(200); // the old key is still published
  });

  it('roles come from the token: unknown role names grant nothing', async () => {
    const odd = await stack.identity.token({ sub: 'manager-1', roles: ['admin', 'Team-Manager'] });
    expect((await call(base, { token: odd, path: '/v1/me' })).body.roles).toEqual([]);
  });
});

describe('bad input gets a clear 4xx, and nothing is stored', () => {
  const stored = async () => (await stack.superuser('select count(*)::int as n from app.events')).rows[0].n;
  const cases = [
    ['malformed JSON', { body: '{"events": [', status: 400, error: 'malformed-json' }],
    ['not JSON', { body: 'events', headers: { 'content-type': 'text/plain' }, status: 415, error: 'not-json' }],
    ['no events', { body: { events: [] }, status: 400, error: 'invalid-body', message: /at least one event/ }],
    ['events not a list', { body: { events: 'x' }, status: 400, error: 'invalid-body', message: /^events: / }],
    [
      'a bad event id',
      { body: { events: [event('esc-1', 'created', { id: 'has spaces' })] }, status: 400, message: /events\.0\.id: an event id/ },
    ],
    [
      'a payload that is not an object',
      { body: { events: [event('esc-1', 'created', { payload: [1] })] }, status: 400, message: /events\.0\.payload/ },
    ],
    ['an unknown field', { body: { events: [event('esc-1', 'created', { tx: '1' })] }, status: 400, message: /tx/ }],
    ['too many events', { body: { events: Array.from({ length: 51 }, () => event('esc-1')) }, status: 400, message: /at most 50 events/ }],
    [
      'a body over the limit',
      {
        body: { events: [event('esc-1', 'created', { payload: { type: 'x', note: 'x'.repeat(70_000) } })] },
        status: 413,
        error: 'body-too-large',
      },
    ],
  ];
  for (const [name, c] of cases) {
    it(name, async () => {
      const before = await stored();
      const { status, body } = await call(base, { token, method: 'POST', path: '/v1/events', body: c.body, headers: c.headers });
      expect(status).toBe(c.status);
      if (c.error) expect(body.error).toBe(c.error);
      if (c.message) expect(body.message).toMatch(c.message);
      expect(typeof body.message).toBe('string');
      expect(await stored()).toBe(before);
    });
  }

  it('a bad cursor or limit', async () => {
    expect((await call(base, { token, path: '/v1/pull?cursor=42' })).body.error).toBe('invalid-cursor');
    expect((await call(base, { token, path: '/v1/pull?limit=0' })).status).toBe(400);
    expect((await call(base, { token, path: '/v1/pull?limit=1000' })).status).toBe(400);
  });

  it('a cursor from before the database was restored: 409, pull again from the start', async () => {
    const { cursor } = await pullAll(base, token);
    const stale = cursor.replace(/^v1\.[0-9a-f-]{36}/, `v1.${randomUUID()}`);
    const { status, body } = await call(base, { token, path: `/v1/pull?cursor=${stale}` });
    expect(status).toBe(409);
    expect(body.error).toBe('cursor-reset');
  });

  it('an unknown path or method', async () => {
    expect((await call(base, { token, path: '/v1/nothing' })).status).toBe(404);
    expect((await call(base, { token, method: 'DELETE', path: '/v1/events' })).status).toBe(405);
  });
});

describe('push is idempotent', () => {
  it('a batch retried (say after its answer was lost) adds nothing', async () => {
    const batch = [event('esc-retry', 'created'), event('esc-retry'), event('esc-retry')];
    expect((await push(base, token, batch)).body).toEqual({ accepted: 3, inserted: 3, alreadyStored: 0 });
    expect((await push(base, token, batch)).body).toEqual({ accepted: 3, inserted: 0, alreadyStored: 3 });
    // A retry that overlaps a newer batch stores only the new event.
    expect((await push(base, token, [...batch.slice(1), event('esc-retry')])).body).toEqual({ accepted: 3, inserted: 1, alreadyStored: 2 });
    const rows = (await stack.superuser("select count(*)::int as n from app.events where escalation_id = 'esc-retry'")).rows[0].n;
    expect(rows).toBe(4);
  });

  it('the same batch sent twice at once is stored once', async () => {
    const batch = Array.from({ length: 20 }, (_, i) => event('esc-twice', i === 0 ? 'created' : 'stage-entered'));
    const answers = await Promise.all([push(base, token, batch), push(base, token, batch)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers[0].body.inserted + answers[1].body.inserted).toBe(20);
    expect((await pullAll(base, token)).events.filter((e) => e.escalationId === 'esc-twice')).toHaveLength(20);
  });
});

describe('the pull cursor never skips a transaction that commits late', () => {
  /** A writer holding its own connection as the gateway's role, so its transaction can stay open. */
  async function writer(claims) {
    const client = new pg.Client({ connectionString: stack.gatewayDatabaseUrl });
    await client.connect();
    await client.query('begin');
    await client.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)]);
    return {
      insert: async (e) =>
        (
          await client.query(
            "insert into app.events (event_id, escalation_id, team_id, order_key, payload) values ($1, $2, 'team-a', $3, $4) returning seq",
            [e.id, e.escalationId, e.orderKey, e.payload],
          )
        ).rows[0].seq,
      commit: async () => {
        await client.query('commit');
        await client.end();
      },
    };
  }

  it('two writers: the first stays open while the second commits; a pull in between waits for the first', async () => {
    const claims = { sub: 'worker-a', roles: ['worker'] };
    await push(base, token, [event('esc-race', 'created')]); // (two first events of one escalation would queue on its row)
    const { cursor: start } = await pullAll(base, token);
    const slow = await writer(claims);
    const late = event('esc-race');
    const lateSeq = Number(await slow.insert(late)); // takes the lower sequence number, commits last
    const fast = await writer(claims);
    const early = event('esc-race');
    const earlySeq = Number(await fast.insert(early));
    await fast.commit();
    expect(lateSeq).toBeLessThan(earlySeq); // so a cursor over the sequence alone would pass the late row by

    const between = await pullAll(base, token, { cursor: start });
    expect(between.events.map((e) => e.id)).not.toContain(early.id); // held back: an older transaction is open
    expect(between.events.map((e) => e.id)).not.toContain(late.id);
    expect(between.cursor).toBe(start); // the cursor did not move past the open transaction's row

    await slow.commit();
    const after = await pullAll(base, token, { cursor: between.cursor });
    expect(after.events.map((e) => e.id)).toEqual([late.id, early.id]); // commit order of the transactions' ids
  });

  it('pages of a pull join up with no gap and no repeat', async () => {
    const { cursor: start } = await pullAll(base, token);
    const batch = Array.from({ length: 25 }, (_, i) => event('esc-pages', i === 0 ? 'created' : 'stage-entered'));
    for (const part of [batch.slice(0, 10), batch.slice(10)]) expect((await push(base, token, part)).status).toBe(200);
    const { events, pages } = await pullAll(base, token, { cursor: start, limit: 7 });
    expect(pages).toBe(4);
    expect(events.map((e) => e.id)).toEqual(batch.map((e) => e.id));
  });
});

describe('after a restore from a logical dump', () => {
  it('rows whose transaction ids came from the old cluster are rebased, and clients start again', async () => {
    // What pg_restore into a new cluster leaves: rows whose tx is far above this cluster's transaction ids.
    const restored = event('esc-restored', 'created');
    await stack.superuser('alter table app.events disable trigger user');
    await stack.superuser("insert into app.escalations (escalation_id, team_id, owner) values ($1, 'team-a', 'worker-a')", [
      restored.escalationId,
    ]);
    await stack.superuser(
      "insert into app.events (event_id, escalation_id, team_id, author, order_key, payload, tx) values ($1, $2, 'team-a', 'worker-a', 'k', '{}', '900000000')",
      [restored.id, restored.escalationId],
    );
    await stack.superuser('alter table app.events enable trigger user');

    // The trap: the restored row's transaction id is above every open transaction's, so no pull ever hands it out
    // (and were it handed out, the cursor would pass every row written from then on).
    const { cursor, events } = await pullAll(base, token);
    expect(events.map((e) => e.id)).not.toContain(restored.id);
    const lost = event('esc-restored');
    await push(base, token, [lost]);

    // The owner's rebase: the old cursor is refused, and from the start everything comes, then later rows too.
    expect((await stack.admin('select app.after_logical_restore() as n')).rows[0].n).toBe(1);
    expect((await call(base, { token, path: `/v1/pull?cursor=${cursor}` })).body.error).toBe('cursor-reset');
    const fresh = await pullAll(base, token);
    expect(fresh.events.map((e) => e.id)).toEqual(expect.arrayContaining([restored.id, lost.id]));
    const later = event('esc-restored');
    await push(base, token, [later]);
    expect((await pullAll(base, token, { cursor: fresh.cursor })).events.map((e) => e.id)).toEqual([later.id]);
  });
});

describe('CORS: the extension calls the gateway from its own origin, without host permission', () => {
  const preflight = (origin) =>
    fetch(`${base}/v1/events`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });

  it('answers the extension’s origin: the preflight, and the request itself', async () => {
    const extension = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const allowed = await preflight(extension);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(extension);
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(allowed.headers.get('access-control-allow-methods')).toMatch(/POST/);
    const me = await call(base, { token, path: '/v1/me', headers: { origin: extension } });
    expect(me.status).toBe(200);
    expect(me.headers.get('access-control-allow-origin')).toBe(extension);
  });

  it('refuses any other web origin, before looking at the token', async () => {
    const refused = await preflight('https://evil.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const before = await stack.superuser('select count(*)::int as n from app.events');
    const sent = await push(base, token, [event('esc-cors', 'created')], undefined);
    expect(sent.status).toBe(200); // no Origin: not a browser's request
    const fromPage = await call(base, {
      token,
      method: 'POST',
      path: '/v1/events',
      body: { events: [event('esc-cors-2', 'created')] },
      headers: { origin: 'https://evil.example' },
    });
    expect(fromPage.status).toBe(403);
    expect(fromPage.body.error).toBe('origin-refused');
    expect(fromPage.headers.get('access-control-allow-origin')).toBeNull();
    expect((await stack.superuser('select count(*)::int as n from app.events')).rows[0].n).toBe(before.rows[0].n + 1);
  });

  it('CORS_ORIGINS names exact origins, or every origin of one extension scheme (Firefox’s differ per profile)', () => {
    const listed = ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://*'];
    expect(originAllowed('chrome-extension://abcdefghijklmnopabcdefghijklmnop', listed)).toBe(true);
    expect(originAllowed('chrome-extension://abcdefghijklmnopabcdefghijklmnoq', listed)).toBe(false);
    expect(originAllowed('moz-extension://6f1f4f6a-0d9b-4b7e-9a55-1f2c3d4e5f60', listed)).toBe(true);
    expect(originAllowed('https://moz-extension.example', listed)).toBe(false);
    expect(originAllowed('https://evil.example', [])).toBe(false);
  });
});
