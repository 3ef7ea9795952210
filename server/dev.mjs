// The whole team store on loopback, for development, tests and the bench: a throwaway PostgreSQL cluster with the
// migrations applied, a real OIDC server (oauth2-mock-server: discovery, JWKS, authorization code with PKCE, signed
// JWTs) and the gateway. Everything stops, and the cluster's folder is removed, on stop() or when the process exits.
//
//   npm run server            start it, seed a demo team, print the addresses and a token per person; Ctrl+C stops
//   node server/dev.mjs --json   the same, printing one JSON line (for the bench's second process)
import { fileURLToPath } from 'node:url';
import { Events, OAuth2Server } from 'oauth2-mock-server';
import pg from 'pg';
import { createGateway } from './gateway.mjs';
import { GATEWAY_ROLE, migrate } from './migrate.mjs';
import { startCluster } from './postgres.mjs';

export const AUDIENCE = 'escalation-team-store';
const OWNER_ROLE = 'escalation_owner';
const DATABASE = 'escalations';

/** A real OIDC server on 127.0.0.1 whose tokens carry `sub` and `roles` for the person signed in. */
export async function startIdentityProvider({ audience = AUDIENCE } = {}) {
  const server = new OAuth2Server();
  let signingKid = (await server.issuer.keys.generate('RS256')).kid;
  await server.start(0, '127.0.0.1');
  server.issuer.url = `http://127.0.0.1:${server.address().port}`;
  // Who the authorization-code and client-credentials flows sign in as (the mock has no login page).
  let signedIn = { sub: 'worker-a', roles: ['worker'] };
  server.service.on(Events.BeforeTokenSigning, (token) => {
    token.payload.aud = audience;
    token.payload.sub = signedIn.sub;
    token.payload.roles = signedIn.roles;
  });
  return {
    issuer: server.issuer.url,
    audience,
    /** The identity the next token from the /token endpoint is for. */
    signInAs: (sub, roles) => {
      signedIn = { sub, roles };
    },
    /** A token signed by this issuer's current key (claims may be overridden, e.g. `iss`, `aud`). */
    token: ({ sub, roles = ['worker'], expiresIn = 3600, claims = {} }) =>
      server.issuer.buildToken({
        kid: signingKid,
        expiresIn,
        scopesOrTransform: (_header, payload) => Object.assign(payload, { sub, roles, aud: audience }, claims),
      }),
    /** Rotates the signing key: a new key is published and signs from now on (the old one stays published). */
    rotateKey: async () => {
      signingKid = (await server.issuer.keys.generate('RS256')).kid;
      return signingKid;
    },
    stop: () => server.stop(),
  };
}

/**
 * Starts PostgreSQL, applies the migrations, starts the OIDC server and the gateway.
 * `durable: false` turns fsync off (tests). `gateway` overrides gateway settings (e.g. jwksCooldownMs).
 */
export async function startStack({ durable = false, gatewayPort = 0, gateway: overrides = {} } = {}) {
  const stops = [];
  const stop = async () => {
    for (const step of stops.splice(0).reverse()) await step();
  };
  const onExit = () => {
    for (const step of stops.splice(0).reverse()) step(); // the cluster's stop is synchronous
  };
  process.once('exit', onExit);
  try {
    const cluster = await startCluster({ durable });
    stops.push(cluster.stop);
    const superuser = new pg.Client({ connectionString: cluster.url(cluster.superuser) });
    await superuser.connect();
    // The owner runs the migrations; the gateway's role is neither owner, superuser nor BYPASSRLS.
    await superuser.query(`create role ${OWNER_ROLE} login`);
    await superuser.query(`create role ${GATEWAY_ROLE} login nosuperuser nobypassrls`);
    await superuser.query(`alter role ${GATEWAY_ROLE} set idle_in_transaction_session_timeout = '10s'`);
    await superuser.query(`create database ${DATABASE} owner ${OWNER_ROLE}`);
    await superuser.end();
    const ownerUrl = cluster.url(OWNER_ROLE, DATABASE);
    const gatewayUrl = cluster.url(GATEWAY_ROLE, DATABASE);
    await migrate(ownerUrl);

    const identity = await startIdentityProvider();
    stops.push(identity.stop);

    const gateway = createGateway({
      databaseUrl: gatewayUrl,
      issuer: identity.issuer,
      audience: identity.audience,
      algorithms: ['RS256'],
      subjectClaim: 'sub',
      rolesClaim: 'roles',
      workerRole: 'worker',
      managerRole: 'team-manager',
      jwksCooldownMs: 30_000,
      jwksCacheMaxAgeMs: 600_000,
      maxBodyBytes: 1_048_576,
      maxBatch: 500,
      maxPull: 1000,
      poolSize: 10,
      // Any extension's origin, for development and tests (an unpacked extension's id depends on its folder).
      corsOrigins: ['chrome-extension://*', 'moz-extension://*'],
      ...overrides,
    });
    const address = await gateway.listen(gatewayPort, '127.0.0.1');
    stops.push(gateway.close);

    const owner = new pg.Pool({ connectionString: ownerUrl, max: 2 });
    stops.push(() => owner.end());
    // Superusers bypass row-level security: for tests that count what is really stored.
    const everything = new pg.Pool({ connectionString: cluster.url(cluster.superuser, DATABASE), max: 2 });
    stops.push(() => everything.end());
    return {
      gateway: address,
      issuer: identity.issuer,
      audience: identity.audience,
      identity,
      ownerUrl,
      gatewayDatabaseUrl: gatewayUrl,
      /** Runs SQL as the cluster's superuser, which sees every row (tests only). */
      superuser: (sql, params) => everything.query(sql, params),
      superuserUrl: cluster.url(cluster.superuser, DATABASE),
      /** Runs SQL as the owner (set-up: teams, memberships, settings). */
      admin: (sql, params) => owner.query(sql, params),
      /** Adds a team and its members: `{ team: 't1', workers: ['a'], managers: ['m'] }`. */
      addTeam: async ({ team, name = team, workers = [], managers = [] }) => {
        await owner.query('insert into app.teams (team_id, name) values ($1, $2) on conflict do nothing', [team, name]);
        for (const [subjects, role] of [
          [workers, 'worker'],
          [managers, 'manager'],
        ]) {
          for (const subject of subjects) {
            await owner.query('insert into app.memberships (team_id, subject, role) values ($1, $2, $3) on conflict do nothing', [
              team,
              subject,
              role,
            ]);
          }
        }
      },
      stop: async () => {
        process.removeListener('exit', onExit);
        await stop();
      },
    };
  } catch (error) {
    process.removeListener('exit', onExit);
    await stop();
    throw error;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const json = process.argv.includes('--json');
  const stack = await startStack({ durable: process.argv.includes('--durable') || !json });
  const quit = () => stack.stop().then(() => process.exit(0));
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
  if (json) {
    console.log(JSON.stringify({ gateway: stack.gateway, issuer: stack.issuer, audience: stack.audience, ownerUrl: stack.ownerUrl }));
    // The parent gets tokens from us over stdin: one JSON request a line ({ sub, roles, team, role }), one answer a line.
    process.stdin.setEncoding('utf8');
    let buffered = '';
    process.stdin.on('data', async (chunk) => {
      buffered += chunk;
      let newline;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const request = JSON.parse(buffered.slice(0, newline));
        buffered = buffered.slice(newline + 1);
        if (request.team) await stack.addTeam({ team: request.team, workers: request.workers ?? [], managers: request.managers ?? [] });
        const token = request.sub ? await stack.identity.token({ sub: request.sub, roles: request.roles }) : undefined;
        process.stdout.write(`${JSON.stringify({ token })}\n`);
      }
    });
    process.stdin.on('end', quit);
  } else {
    await stack.addTeam({ team: 'team-a', name: 'Team A', workers: ['worker-a', 'worker-b'], managers: ['manager-1'] });
    const tokens = {};
    for (const [sub, roles] of [
      ['worker-a', ['worker']],
      ['worker-b', ['worker']],
      ['manager-1', ['team-manager']],
    ]) {
      tokens[sub] = await stack.identity.token({ sub, roles, expiresIn: 8 * 3600 });
    }
    console.log(`Team store running on loopback (Ctrl+C stops it and removes the database):
  gateway         ${stack.gateway}   (GET /healthz, POST /v1/events, GET /v1/pull, GET /v1/me)
  OIDC issuer     ${stack.issuer}   (audience "${stack.audience}"; /.well-known/openid-configuration)
  database        ${stack.ownerUrl}   (owner)
  gateway's role  ${stack.gatewayDatabaseUrl}
Demo team "team-a": workers worker-a and worker-b, manager manager-1. Tokens (8 hours):`);
    for (const [sub, token] of Object.entries(tokens)) console.log(`  ${sub}: ${token}`);
    console.log(`Try: curl -H "Authorization: Bearer <token>" ${stack.gateway}/v1/me`);
  }
}
