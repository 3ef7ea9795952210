// The one door to the network. The production CSP allows `connect-src https:` (the policy names the server at run
// time, and a manifest's CSP is fixed when it is built), so it is this gate, not the CSP, that keeps every request to
// exactly the origins the `teamServer` policy names: the gateway's and the identity provider's, over https (plain
// http on this machine only in development and test builds). With no policy there is no config, so no gate, so no
// request (tests/unit/team-sync.test.ts). Redirects are refused, so an allowed origin cannot send us on elsewhere.
import { teamServerOrigins, type TeamServerConfig } from './config';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export class OriginRefused extends Error {
  override name = 'OriginRefused';
}

export interface GateOptions {
  /** Development and test builds only: plain http to this machine (the local team store, `npm run server`). */
  allowLoopback: boolean;
}

/** Why `address` may not be fetched for this policy, or undefined when it may. */
export function refusalOf(address: string, config: Pick<TeamServerConfig, 'server' | 'issuer'>, options: GateOptions): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return `“${address.slice(0, 100)}” is not an address`;
  }
  const allowed = new Set(teamServerOrigins(config).map((pattern) => pattern.replace(/\/\*$/, '')));
  if (!allowed.has(url.origin))
    return `${url.origin} is neither the team server nor the sign-in service your organisation set up (${[...allowed].join(', ')})`;
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && options.allowLoopback && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return `${url.origin} does not use https`;
}

/**
 * A `fetch` that goes only to the policy's server and issuer origins, never follows a redirect, and sends no
 * cookies; anything else is refused (a rejected promise with the reason) before a byte leaves the device.
 */
export function gatedFetch(config: Pick<TeamServerConfig, 'server' | 'issuer'>, options: GateOptions, fetcher: typeof fetch): typeof fetch {
  return (input, init) => {
    const address = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const refused = refusalOf(address, config, options);
    if (refused) return Promise.reject(new OriginRefused(`Not sent: ${refused}.`));
    return fetcher(input, { ...init, redirect: 'error', credentials: 'omit' });
  };
}
