// The team store's HTTP gateway: stateless, and it decides nothing about access. Per request it verifies the bearer
// token against the identity provider's published keys, opens a transaction as the gateway role, sets the token's
// claims for that transaction only, runs one statement whose rows the database's policies decide, and commits.
//
//   POST /v1/events        push a batch of events (idempotent: a retried batch adds nothing)
//   GET  /v1/pull?cursor=  events and deletions after the cursor, in commit order, never skipping a late commit
//   GET  /v1/me            who the token says you are, and your memberships (for the extension's diagnostic)
//   POST /v1/access-log    record an export (or a view) of the team's data
//   POST /v1/assignments   a manager hands an escalation to another member of its team
//   GET  /healthz          the database answers (no token)
//
// `node server/gateway.mjs` with the environment variables in server/README.md.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createRemoteJWKSet, decodeJwt, errors as joseErrors, jwtVerify } from 'jose';
import pg from 'pg';
import { z } from 'zod';

const ID = /^[A-Za-z0-9._:-]{1,128}$/;
const TEAM = /^[A-Za-z0-9._:-]{1,64}$/;
const MAX_PAYLOAD_BYTES = 65_536;

/** The gateway's settings from the environment (names and defaults documented in server/README.md). */
export function configFromEnv(env = process.env) {
  const need = (name) => {
    if (!env[name]) throw new Error(`Set ${name} (see server/README.md).`);
    return env[name];
  };
  const number = (name, fallback) => {
    const value = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number, not "${env[name]}".`);
    return value;
  };
  return {
    databaseUrl: need('DATABASE_URL'),
    issuer: need('OIDC_ISSUER'),
    audience: need('OIDC_AUDIENCE'),
    jwksUrl: env.OIDC_JWKS_URL || undefined,
    algorithms: (env.OIDC_ALGORITHMS || 'RS256').split(',').map((a) => a.trim()),
    subjectClaim: env.OIDC_SUBJECT_CLAIM || 'sub',
    rolesClaim: env.OIDC_ROLES_CLAIM || 'roles',
    workerRole: env.ROLE_WORKER || 'worker',
    managerRole: env.ROLE_MANAGER || 'team-manager',
    jwksCooldownMs: number('JWKS_COOLDOWN_MS', 30_000),
    jwksCacheMaxAgeMs: number('JWKS_CACHE_MAX_AGE_MS', 600_000),
    maxBodyBytes: number('MAX_BODY_BYTES', 1_048_576),
    maxBatch: number('MAX_BATCH', 500),
    maxPull: number('MAX_PULL', 1000),
    poolSize: number('POOL_SIZE', 10),
    corsOrigins: (env.CORS_ORIGINS || '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    host: env.HOST || '127.0.0.1',
    port: number('PORT', 8035),
  };
}

/** An error the client gets as `{ error, message }` with this HTTP status. */
class HttpError extends Error {
  constructor(status, code, message, headers = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

// ── Input shapes ────────────────────────────────────────────────────────────────────────────────────────────────

const eventSchema = z.strictObject({
  id: z.string().regex(ID, 'an event id is 1-128 letters, digits or . _ : -'),
  escalationId: z.string().regex(ID, 'an escalation id is 1-128 letters, digits or . _ : -'),
  team: z.string().regex(TEAM, 'a team id is 1-64 letters, digits or . _ : -').optional(),
  orderKey: z.string().min(1).max(200),
  payload: z
    .record(z.string(), z.unknown())
    .refine((p) => Buffer.byteLength(JSON.stringify(p)) <= MAX_PAYLOAD_BYTES, `an event's payload is at most ${MAX_PAYLOAD_BYTES} bytes`),
});

const pushSchema = (maxBatch) =>
  z.strictObject({
    team: z.string().regex(TEAM).optional(),
    events: z.array(eventSchema).min(1, 'send at least one event').max(maxBatch, `send at most ${maxBatch} events per batch`),
  });

const accessLogSchema = z.strictObject({
  kind: z.enum(['export', 'view']),
  escalationId: z.string().regex(ID).optional(),
  team: z.string().regex(TEAM).optional(),
  detail: z.string().max(500).optional(),
});

const assignmentSchema = z.strictObject({ escalationId: z.string().regex(ID), assignee: z.string().min(1).max(256) });

function parse(schema, body) {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  throw new HttpError(400, 'invalid-body', `${where}${issue.message}`);
}

// ── The pull cursor: the server's epoch and the reader's scope, then (tx, seq) of the last event and (tx, id) of the
// last deletion. xid8 values stay strings (64-bit).

const CURSOR = /^v1\.([0-9a-f-]{36})\.([0-9a-f]{32})\.(\d{1,20})\.(\d{1,20})\.(\d{1,20})\.(\d{1,20})$/;

export function encodeCursor(c) {
  return `v1.${c.epoch}.${c.scope}.${c.eventTx}.${c.eventSeq}.${c.deletionTx}.${c.deletionId}`;
}

/** The cursor's position, or a 400/409 saying to pull from the start. `now` is the server's epoch and the reader's scope. */
export function decodeCursor(text, now) {
  if (!text) return { ...now, eventTx: '0', eventSeq: '0', deletionTx: '0', deletionId: '0' };
  const m = CURSOR.exec(text);
  if (!m) throw new HttpError(400, 'invalid-cursor', 'The cursor is not one this server gave out: pull from the start (no cursor).');
  if (m[1] !== now.epoch) {
    throw new HttpError(
      409,
      'cursor-reset',
      "The server's data was restored or replaced since this cursor: pull again from the start (no cursor).",
    );
  }
  if (m[2] !== now.scope) {
    throw new HttpError(
      409,
      'scope-changed',
      'What you may see has changed since this cursor (a team joined or left, an escalation handed over): pull again from the start and keep only what that pull returns.',
    );
  }
  return { ...now, eventTx: m[3], eventSeq: m[4], deletionTx: m[5], deletionId: m[6] };
}

// ── Tokens ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** Verifies bearer tokens against the issuer's published keys (fetched once per process, refetched on a new kid). */
export function tokenVerifier(config) {
  let keySet;
  const keys = async () => {
    if (keySet) return keySet;
    let url = config.jwksUrl;
    if (!url) {
      const discovery = `${config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
      const response = await fetch(discovery).catch((error) => {
        throw new HttpError(
          503,
          'identity-provider-unreachable',
          `The identity provider's discovery document could not be fetched: ${error.message}`,
        );
      });
      if (!response.ok) throw new HttpError(503, 'identity-provider-unreachable', `${discovery} answered ${response.status}.`);
      url = (await response.json()).jwks_uri;
    }
    keySet = createRemoteJWKSet(new URL(url), { cooldownDuration: config.jwksCooldownMs, cacheMaxAge: config.jwksCacheMaxAgeMs });
    return keySet;
  };
  const asList = (value) => (Array.isArray(value) ? value : typeof value === 'string' ? value.split(' ') : []);

  return async function verify(authorization) {
    const token = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(authorization ?? '')?.[1];
    const refuse = (code, message) => new HttpError(401, code, message, { 'www-authenticate': `Bearer error="invalid_token"` });
    if (!token) throw new HttpError(401, 'sign-in-required', 'Sign in first: send the token as "Authorization: Bearer <token>".');
    // A token from another issuer is refused before its key is looked for (and never makes us refetch our keys).
    let claimed;
    try {
      claimed = decodeJwt(token);
    } catch {
      throw refuse('token-refused', 'The token is not a JWT.');
    }
    if (claimed.iss !== config.issuer)
      throw refuse('token-refused', `The token was issued by "${claimed.iss}", not this server's identity provider.`);
    let payload;
    try {
      ({ payload } = await jwtVerify(token, await keys(), {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: config.algorithms,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      if (error instanceof HttpError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw refuse('token-expired', 'Your sign-in has expired: sign in again.');
      if (error instanceof joseErrors.JWTClaimValidationFailed) {
        throw refuse('token-refused', `The token was refused: its "${error.claim}" claim is not what this server expects.`);
      }
      if (error instanceof joseErrors.JWKSNoMatchingKey) {
        // The keys are fetched again at most once per cooldown: say when a retry can find a key published just now.
        const failure = refuse(
          'unknown-signing-key',
          'The token is signed with a key the identity provider does not publish (yet): retry in a moment.',
        );
        failure.headers['retry-after'] = String(Math.max(1, Math.ceil(config.jwksCooldownMs / 1000)));
        throw failure;
      }
      if (error instanceof joseErrors.JWKSTimeout || error?.code === 'ERR_JOSE_GENERIC') {
        throw new HttpError(503, 'identity-provider-unreachable', `The identity provider's keys could not be fetched: ${error.message}`);
      }
      throw refuse('token-refused', `The token was refused: ${error.message}`);
    }
    const subject = payload[config.subjectClaim];
    if (typeof subject !== 'string' || !subject) throw refuse('token-refused', `The token has no "${config.subjectClaim}" claim.`);
    const granted = asList(payload[config.rolesClaim]);
    const roles = [
      ...(granted.includes(config.workerRole) ? ['worker'] : []),
      ...(granted.includes(config.managerRole) ? ['team-manager'] : []),
    ];
    return { sub: subject, roles, iss: payload.iss, exp: payload.exp };
  };
}

// ── HTTP ─────────────────────────────────────────────────────────────────────────────────────────────────────────

async function readJson(request, maxBytes) {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'not-json', 'Send the body as JSON (Content-Type: application/json).');
  const declared = Number(request.headers['content-length']);
  if (declared > maxBytes) throw new HttpError(413, 'body-too-large', `The body is larger than ${maxBytes} bytes: send smaller batches.`);
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > maxBytes) throw new HttpError(413, 'body-too-large', `The body is larger than ${maxBytes} bytes: send smaller batches.`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new HttpError(400, 'malformed-json', `The body is not valid JSON: ${error.message}`);
  }
}

// ── CORS: the extension calls the gateway from its own origin without host permission, so the gateway answers CORS
// for the origins IT lists (CORS_ORIGINS: the extension's `chrome-extension://<id>`, Edge's, and for Firefox, whose
// extension origin differs per profile, `moz-extension://*`). A request from any other web origin is refused before
// its token is looked at; a request with no Origin (a server, curl) is not a browser's and is served as before.

/** Whether a browser request from `origin` may call the gateway: listed exactly, or by a `scheme://*` entry. */
export function originAllowed(origin, allowed) {
  return allowed.some((entry) => entry === origin || (entry.endsWith('://*') && origin.startsWith(entry.slice(0, -1))));
}

const CORS_MAX_AGE_SECONDS = 600;

function corsHeaders(origin) {
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'Retry-After', vary: 'Origin' };
}

function send(response, status, body, headers = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  response.end(text);
}

/** What the database said, as the client should hear it (the policy's refusal is a 403, never a 500). */
function fromDatabase(error) {
  if (error instanceof HttpError) return error;
  switch (error?.code) {
    case '42501':
      return new HttpError(403, 'forbidden', `Refused by the team store: ${error.message}`);
    case '22023':
    case '23514':
    case '22P02':
      return new HttpError(400, 'invalid-body', error.message);
    case '40001':
    case '40P01':
      return new HttpError(503, 'retry', 'Two writes met in the team store: send the same batch again (it is safe to).');
    case '57014':
      return new HttpError(503, 'timeout', 'The team store took too long to answer: retry.');
    default:
      if (error?.code === 'ECONNREFUSED' || /connect|terminat/i.test(error?.message ?? '')) {
        return new HttpError(503, 'database-unreachable', 'The team store database cannot be reached: retry later.');
      }
      return new HttpError(500, 'server-error', 'The gateway failed: see its log.');
  }
}

const INSERT_EVENTS = `insert into app.events (event_id, escalation_id, team_id, order_key, payload)
  select x.e ->> 'id', x.e ->> 'escalation_id', coalesce(x.e ->> 'team', $2, app.team_for(x.e ->> 'escalation_id')),
         x.e ->> 'order_key', x.e -> 'payload'
  from jsonb_array_elements($1::jsonb) with ordinality as x(e, n)
  order by x.n
  on conflict (event_id) do nothing
  returning event_id`;

/** Whether the database refused what was sent (a client's error, 4xx), not failed to store it (5xx: retry). */
const isRefusal = (error) => {
  const { status } = fromDatabase(error);
  return status >= 400 && status < 500;
};

/**
 * Inserts a batch in one statement; if the database refuses it, inserts each event on its own (a savepoint each), so
 * the events it takes are stored and each one it refuses is named with the database's reason. The policy decides
 * every row as before: the gateway only splits the batch.
 */
async function insertEach(client, batch, team) {
  await client.query('savepoint whole_batch');
  try {
    const result = await client.query(INSERT_EVENTS, [JSON.stringify(batch), team]);
    await client.query('release savepoint whole_batch');
    return { inserted: result.rowCount, refused: [] };
  } catch (error) {
    if (!isRefusal(error)) throw error;
    await client.query('rollback to savepoint whole_batch');
  }
  let inserted = 0;
  const refused = [];
  for (const one of batch) {
    await client.query('savepoint one_event');
    try {
      inserted += (await client.query(INSERT_EVENTS, [JSON.stringify([one]), team])).rowCount;
      await client.query('release savepoint one_event');
    } catch (error) {
      if (!isRefusal(error)) throw error;
      await client.query('rollback to savepoint one_event');
      refused.push({ id: one.id, failure: fromDatabase(error) });
    }
  }
  return { inserted, refused };
}

const eventOut = (row) => ({
  id: row.event_id,
  escalationId: row.escalation_id,
  team: row.team_id,
  author: row.author,
  orderKey: row.order_key,
  payload: row.payload,
  recordedAt: row.recorded_at.toISOString(),
});

/** Creates the gateway (not yet listening). `close()` stops it and its database pool. */
export function createGateway(config) {
  const pool = new pg.Pool({
    connectionString: config.databaseUrl,
    max: config.poolSize,
    application_name: 'escalation-gateway',
    statement_timeout: 15_000,
    // A transaction left open anywhere holds every pull back; never leave one of ours open.
    idle_in_transaction_session_timeout: 10_000,
  });
  pool.on('error', () => {}); // an idle client lost: the next request gets a new one
  const verify = tokenVerifier(config);

  /** One transaction as the signed-in identity: begin, claims for this transaction only, work, commit. */
  async function asIdentity(claims, work) {
    const client = await pool.connect();
    let broken;
    try {
      await client.query('begin');
      await client.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)]);
      const result = await work(client);
      await client.query('commit');
      return result;
    } catch (error) {
      broken = await client.query('rollback').then(
        () => undefined,
        (e) => e,
      );
      throw error;
    } finally {
      client.release(broken);
    }
  }

  const routes = {
    'POST /v1/events': async (request, claims) => {
      const body = parse(pushSchema(config.maxBatch), await readJson(request, config.maxBodyBytes));
      const batch = body.events.map((e) => ({
        id: e.id,
        escalation_id: e.escalationId,
        team: e.team ?? null,
        order_key: e.orderKey,
        payload: e.payload,
      }));
      const { inserted, refused } = await asIdentity(claims, (client) => insertEach(client, batch, body.team ?? null));
      // Every event refused: the batch is refused as before (403 not yours, 400 not valid), saying why.
      if (refused.length === batch.length) throw refused[0].failure;
      const accepted = batch.length - refused.length;
      return [
        200,
        {
          accepted,
          inserted,
          alreadyStored: accepted - inserted,
          // Listed only when some were refused (a reply with none is as it always was).
          ...(refused.length && { refused: refused.map(({ id, failure }) => ({ id, error: failure.code, message: failure.message })) }),
        },
      ];
    },

    'GET /v1/pull': async (request, claims, url) => {
      const limitText = url.searchParams.get('limit');
      const limit = limitText === null ? config.maxPull : Number(limitText);
      if (!Number.isInteger(limit) || limit < 1 || limit > config.maxPull) {
        throw new HttpError(400, 'invalid-limit', `limit is a whole number from 1 to ${config.maxPull}.`);
      }
      return asIdentity(claims, async (client) => {
        const now = (await client.query('select (select epoch::text from app.settings) as epoch, app.scope() as scope')).rows[0];
        const cursor = decodeCursor(url.searchParams.get('cursor'), now);
        const events = (
          await client.query('select * from app.pull_events($1::xid8, $2::bigint, $3)', [cursor.eventTx, cursor.eventSeq, limit])
        ).rows;
        const deletions = (
          await client.query('select * from app.pull_deletions($1::xid8, $2::bigint, $3)', [cursor.deletionTx, cursor.deletionId, limit])
        ).rows;
        const lastEvent = events.at(-1);
        const lastDeletion = deletions.at(-1);
        const next = {
          ...cursor,
          ...(lastEvent && { eventTx: lastEvent.tx, eventSeq: lastEvent.seq }),
          ...(lastDeletion && { deletionTx: lastDeletion.tx, deletionId: lastDeletion.deletion_id }),
        };
        return [
          200,
          {
            cursor: encodeCursor(next),
            more: events.length === limit || deletions.length === limit,
            events: events.map(eventOut),
            deletions: deletions.map((d) => ({
              escalationId: d.escalation_id,
              team: d.team_id,
              reason: d.reason,
              deletedAt: d.deleted_at.toISOString(),
            })),
          },
        ];
      });
    },

    'GET /v1/me': async (_request, claims) =>
      asIdentity(claims, async (client) => {
        const memberships = (
          await client.query(
            `select m.team_id as team, t.name as "teamName", m.role from app.memberships m join app.teams t using (team_id)
             where m.subject = app.subject() and (m.until is null or m.until > now()) order by m.team_id, m.role`,
          )
        ).rows;
        return [200, { subject: claims.sub, roles: claims.roles, memberships }];
      }),

    'POST /v1/access-log': async (request, claims) => {
      const body = parse(accessLogSchema, await readJson(request, config.maxBodyBytes));
      await asIdentity(claims, (client) =>
        client.query('insert into app.access_log (reader, kind, escalation_id, team_id, detail) values (app.subject(), $1, $2, $3, $4)', [
          body.kind,
          body.escalationId ?? null,
          body.team ?? null,
          body.detail ?? null,
        ]),
      );
      return [201, { recorded: true }];
    },

    'POST /v1/assignments': async (request, claims) => {
      const body = parse(assignmentSchema, await readJson(request, config.maxBodyBytes));
      await asIdentity(claims, (client) => client.query('select app.assign($1, $2)', [body.escalationId, body.assignee]));
      return [200, { assigned: true }];
    },
  };

  const server = createServer(async (request, response) => {
    const origin = request.headers.origin;
    const cors = origin && originAllowed(origin, config.corsOrigins ?? []) ? corsHeaders(origin) : {};
    if (request.method === 'OPTIONS') {
      // A preflight: allowed origins get what they may send; others get no CORS headers, so the browser stops there.
      if (!cors['access-control-allow-origin'])
        return send(response, 403, { error: 'origin-refused', message: 'This origin may not call the team store.' });
      response.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'authorization, content-type',
        'access-control-max-age': String(CORS_MAX_AGE_SECONDS),
      });
      return response.end();
    }
    try {
      if (origin && !cors['access-control-allow-origin'])
        throw new HttpError(
          403,
          'origin-refused',
          `Requests from ${origin.slice(0, 100)} may not call the team store (CORS_ORIGINS, server/README.md).`,
        );
      const url = new URL(request.url ?? '/', 'http://gateway');
      if (request.method === 'GET' && url.pathname === '/healthz') {
        await pool.query('select 1');
        return send(response, 200, { ok: true }, cors);
      }
      const route = routes[`${request.method} ${url.pathname}`];
      if (!route) {
        const known = Object.keys(routes).some((key) => key.endsWith(` ${url.pathname}`));
        throw known
          ? new HttpError(405, 'method-not-allowed', `${request.method} is not offered here.`)
          : new HttpError(404, 'not-found', 'No such endpoint.');
      }
      const claims = await verify(request.headers.authorization);
      const [status, body] = await route(request, claims, url);
      send(response, status, body, cors);
    } catch (error) {
      const failure = fromDatabase(error);
      if (failure.status >= 500) console.error(`gateway: ${request.method} ${request.url}: ${error.stack ?? error}`);
      // A body left unread cannot be followed by another request on this connection.
      const close = failure.code === 'body-too-large' ? { connection: 'close' } : {};
      send(response, failure.status, { error: failure.code, message: failure.message }, { ...failure.headers, ...close, ...cors });
    }
  });
  server.keepAliveTimeout = 5_000;

  return {
    server,
    listen: (port = config.port, host = config.host) =>
      new Promise((resolve) => server.listen(port, host, () => resolve(`http://${host}:${server.address().port}`))),
    close: async () => {
      const closed = new Promise((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await pool.end();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let config;
  try {
    config = configFromEnv();
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
  const gateway = createGateway(config);
  const address = await gateway.listen();
  console.log(`Gateway listening on ${address} (issuer ${config.issuer}, audience ${config.audience}).`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => gateway.close().then(() => process.exit(0)));
}
