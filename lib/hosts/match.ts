// Chrome-style URL match patterns ("https://*.example.gov.uk/mosaic/*"), read by
// @webext-core/match-patterns (WXT's author's library, the browsers' own rules). Two things
// adapters have always been allowed that the library does not take: a port in the pattern
// (compared here; a pattern without a port matches any port, as in Chrome permissions) and
// capitals in the host (hosts are case-insensitive).
import { MatchPattern } from '@webext-core/match-patterns';

const cache = new Map<string, { pattern: MatchPattern; port?: string } | null>();

function compile(text: string) {
  const m = /^([^:/]+:\/\/)([^/:]*)(?::(\d+))?(\/.*)$/.exec(text);
  if (!m) return null;
  const [, scheme, host, port, path] = m as unknown as [string, string, string, string | undefined, string];
  try {
    return { pattern: new MatchPattern(`${scheme}${host.toLowerCase()}${path}`), port };
  } catch {
    return null; // not a match pattern: it matches nothing
  }
}

export function matchesUrl(pattern: string, url: string): boolean {
  if (!cache.has(pattern)) cache.set(pattern, compile(pattern));
  const compiled = cache.get(pattern);
  if (!compiled) return false;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (compiled.port !== undefined && target.port !== compiled.port) return false;
  return compiled.pattern.includes(target);
}

/** "https://*.example.gov.uk/mosaic/*" → "https://*.example.gov.uk/*": the permission to ask the browser for. */
export function originPattern(pattern: string): string {
  return pattern.replace(/^((?:\*|https?):\/\/[^/]+)\/.*$/, '$1/*');
}

/** "https://mosaic.council.gov.uk/anything" → "https://mosaic.council.gov.uk/*", or an error message. */
export function siteToOrigin(input: string): { origin: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { error: 'Enter the full address of the case-record system, starting https://' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: 'Only http and https sites can be added' };
  return { origin: `${url.protocol}//${url.hostname}/*` };
}
