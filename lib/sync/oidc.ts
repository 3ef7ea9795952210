// Signing in to the council's identity provider: OIDC authorization code with PKCE (S256), the way a browser
// extension must (no client secret). The browser's part, opening the sign-in window and handing back where it ended
// (identity.launchWebAuthFlow), is passed in as `launch`; everything else is here and tested against a real OIDC
// server. The token is checked by the gateway against the provider's keys; here it is only read for who and until when.
import { z } from 'zod';
import type { TeamServerConfig } from './config';
import { messageOf } from '../errors';

export interface Session {
  accessToken: string;
  refreshToken?: string;
  /** When the access token stops working (ms since the epoch). */
  expiresAt: number;
  subject: string;
  roles: string[];
  manager: boolean;
}

export class SignInError extends Error {
  override name = 'SignInError';
}

const DiscoverySchema = z.object({ authorization_endpoint: z.url(), token_endpoint: z.url() });
const TokenReplySchema = z.object({
  access_token: z.string().min(10),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().positive().optional(),
  refresh_token: z.string().optional(),
});

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** A PKCE verifier and its S256 challenge (RFC 7636). */
export async function pkcePair(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))) {
  const verifier = base64url(random(32));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  return { verifier, challenge: base64url(digest) };
}

async function discover(fetcher: typeof fetch, issuer: string) {
  let body: unknown;
  try {
    const response = await fetcher(`${issuer}/.well-known/openid-configuration`, { credentials: 'omit' });
    if (!response.ok) throw new Error(`it answered ${response.status}`);
    body = await response.json();
  } catch (error) {
    throw new SignInError(`Your organisation’s sign-in service could not be reached (${messageOf(error)}).`);
  }
  const parsed = DiscoverySchema.safeParse(body);
  if (!parsed.success) throw new SignInError('Your organisation’s sign-in service sent a discovery document this extension cannot read.');
  return parsed.data;
}

/** The token's claims, read (not verified: the gateway verifies it against the provider's keys). */
export function claimsOf(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) throw new SignInError('The sign-in service sent a token this extension cannot read.');
  try {
    const bytes = Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    if (typeof claims !== 'object' || claims === null) throw new Error('not an object');
    return claims as Record<string, unknown>;
  } catch {
    throw new SignInError('The sign-in service sent a token this extension cannot read.');
  }
}

/** Who the token is for, their roles and until when, from its claims. */
export function sessionFrom(reply: z.output<typeof TokenReplySchema>, config: TeamServerConfig, now: number): Session {
  const claims = claimsOf(reply.access_token);
  const subject = typeof claims.sub === 'string' ? claims.sub : typeof claims.oid === 'string' ? claims.oid : '';
  if (!subject) throw new SignInError('The sign-in service’s token does not say who signed in.');
  const raw = claims[config.rolesClaim];
  const roles = Array.isArray(raw) ? raw.filter((r): r is string => typeof r === 'string') : typeof raw === 'string' ? raw.split(' ') : [];
  const exp = typeof claims.exp === 'number' ? claims.exp * 1000 : now + (reply.expires_in ?? 3600) * 1000;
  return {
    accessToken: reply.access_token,
    refreshToken: reply.refresh_token,
    expiresAt: exp,
    subject,
    roles,
    manager: roles.includes(config.managerRole),
  };
}

async function tokenRequest(fetcher: typeof fetch, endpoint: string, form: Record<string, string>) {
  let response: Response;
  try {
    response = await fetcher(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      credentials: 'omit',
    });
  } catch (error) {
    throw new SignInError(`Your organisation’s sign-in service could not be reached (${messageOf(error)}).`);
  }
  const body = (await response.json().catch(() => undefined)) as { error_description?: string; error?: string } | undefined;
  if (!response.ok)
    throw new SignInError(`Sign-in was refused: ${body?.error_description ?? body?.error ?? `it answered ${response.status}`}.`);
  const parsed = TokenReplySchema.safeParse(body);
  if (!parsed.success) throw new SignInError('The sign-in service sent a reply this extension cannot read.');
  return parsed.data;
}

export interface SignInDeps {
  fetch: typeof fetch;
  /** Opens the provider's sign-in at `url` and resolves to the address it finished at (identity.launchWebAuthFlow). */
  launch: (url: string) => Promise<string>;
  /** The extension's redirect address (identity.getRedirectURL()). */
  redirectUri: string;
  now?: () => number;
  random?: (n: number) => Uint8Array;
}

/** Signs in: the provider's page, then the code exchanged for a token with the PKCE verifier. */
export async function signIn(config: TeamServerConfig, deps: SignInDeps): Promise<Session> {
  const endpoints = await discover(deps.fetch, config.issuer);
  const { verifier, challenge } = await pkcePair(deps.random);
  const state = base64url((deps.random ?? ((n) => crypto.getRandomValues(new Uint8Array(n))))(16));
  const url = new URL(endpoints.authorization_endpoint);
  for (const [key, value] of Object.entries({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: deps.redirectUri,
    scope: config.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }))
    url.searchParams.set(key, value);
  let finished: URL;
  try {
    finished = new URL(await deps.launch(url.toString()));
  } catch (error) {
    throw new SignInError(`Sign-in did not finish (${messageOf(error)}).`);
  }
  const answer = Object.fromEntries(finished.searchParams);
  if (answer.error) throw new SignInError(`Sign-in was refused: ${answer.error_description ?? answer.error}.`);
  if (answer.state !== state) throw new SignInError('Sign-in came back from somewhere else; nothing was used. Try again.');
  if (!answer.code) throw new SignInError('Sign-in finished without a code; try again.');
  const reply = await tokenRequest(deps.fetch, endpoints.token_endpoint, {
    grant_type: 'authorization_code',
    code: answer.code,
    redirect_uri: deps.redirectUri,
    client_id: config.clientId,
    code_verifier: verifier,
  });
  return sessionFrom(reply, config, (deps.now ?? Date.now)());
}

/** A fresh access token from the refresh token, or a SignInError (sign in again). */
export async function refreshSession(
  config: TeamServerConfig,
  session: Session,
  deps: Pick<SignInDeps, 'fetch' | 'now'>,
): Promise<Session> {
  if (!session.refreshToken) throw new SignInError('Your sign-in has expired: sign in again.');
  const endpoints = await discover(deps.fetch, config.issuer);
  const reply = await tokenRequest(deps.fetch, endpoints.token_endpoint, {
    grant_type: 'refresh_token',
    refresh_token: session.refreshToken,
    client_id: config.clientId,
    scope: config.scope,
  });
  return { ...sessionFrom(reply, config, (deps.now ?? Date.now)()), refreshToken: reply.refresh_token ?? session.refreshToken };
}
