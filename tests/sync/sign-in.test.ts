// Signing in as the extension does (lib/sync/oidc.ts): authorization code with PKCE against the real OIDC server on
// loopback. Only the browser's sign-in window is stood in for: `launch` follows the provider's authorization
// redirect (the mock provider has no login page and signs in the person the test names), as
// identity.launchWebAuthFlow would hand the extension the address it ended at.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the server's dev stack is plain JavaScript
import { startStack } from '../../server/dev.mjs';
import { openEscalationDb } from '../../lib/db';
import { createEscalation } from '../../lib/db/escalations';
import { whoAmI } from '../../lib/sync/client';
import type { TeamServerConfig } from '../../lib/sync/config';
import { syncOnce } from '../../lib/sync/engine';
import { signIn, SignInError } from '../../lib/sync/oidc';

interface Stack {
  gateway: string;
  issuer: string;
  identity: { signInAs: (sub: string, roles: string[]) => void };
  addTeam: (t: { team: string; workers?: string[]; managers?: string[] }) => Promise<void>;
  stop: () => Promise<void>;
}
let stack: Stack;
let config: TeamServerConfig;
const redirectUri = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

/** Where the provider's authorization endpoint sends the browser: the redirect address with the code. */
async function followAuthorization(url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (!location) throw new Error(`the provider answered ${response.status}`);
  return location;
}

beforeAll(async () => {
  stack = await startStack();
  await stack.addTeam({ team: 'team-s', workers: ['worker-s'], managers: ['manager-s'] });
  config = {
    server: stack.gateway,
    issuer: stack.issuer,
    clientId: 'extension',
    scope: 'openid',
    team: 'team-s',
    rolesClaim: 'roles',
    managerRole: 'team-manager',
  };
}, 60_000);
afterAll(() => stack?.stop());

describe('signing in', () => {
  it('the code from the provider, exchanged with the PKCE verifier, gives a token the gateway accepts, with the roles from it', async () => {
    stack.identity.signInAs('manager-s', ['team-manager']);
    let asked = '';
    const session = await signIn(config, {
      fetch,
      redirectUri,
      launch: (url) => {
        asked = url;
        return followAuthorization(url);
      },
    });
    const params = new URL(asked).searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('redirect_uri')).toBe(redirectUri);
    expect(session).toMatchObject({ subject: 'manager-s', roles: ['team-manager'], manager: true });
    expect(session.expiresAt).toBeGreaterThan(Date.now());
    const me = await whoAmI({ server: stack.gateway, token: async () => session.accessToken, fetch });
    expect(me).toMatchObject({ ok: true, value: { subject: 'manager-s', memberships: [{ team: 'team-s', role: 'manager' }] } });
  });

  it('a worker signed in this way syncs', async () => {
    stack.identity.signInAs('worker-s', ['worker']);
    const session = await signIn(config, { fetch, redirectUri, launch: followAuthorization });
    expect(session.manager).toBe(false);
    const db = await openEscalationDb({ name: 'sign-in-worker' });
    await createEscalation(db, {
      protocolId: 'pan-cheshire',
      child: { hostId: 'demo', childId: '3000001' },
      raisedBy: { name: 'Jo Patel', role: 'Social Worker', agency: 'CSC' },
      counterparts: [{ name: 'Sam Reid', role: 'Health Visitor', agency: 'Health' }],
      kind: 'thresholds',
      concernRaisedAt: new Date(Date.now() - 60_000).toISOString(),
      flags: { immediateRisk: false, childProtectionPlan: false, lookedAfter: false },
    });
    const report = await syncOnce(db, {
      transport: { server: stack.gateway, token: async () => session.accessToken, fetch },
      account: `${stack.gateway}|${session.subject}`,
      team: config.team,
    });
    expect(report).toMatchObject({ pushed: 1, complete: true });
  });

  it('an answer that comes back with another state is not used', async () => {
    const error = await signIn(config, {
      fetch,
      redirectUri,
      launch: async (url) => (await followAuthorization(url)).replace(/state=[^&]+/, 'state=forged'),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInError);
    expect((error as Error).message).toMatch(/came back from somewhere else/);
  });

  it('a sign-in service that cannot be reached is said', async () => {
    const error = await signIn({ ...config, issuer: 'http://127.0.0.1:9' }, { fetch, redirectUri, launch: followAuthorization }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toMatch(/could not be reached/);
  });
});
