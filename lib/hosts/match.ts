// Chrome-style URL match patterns ("https://*.example.gov.uk/mosaic/*").
// As in Chrome permissions, a pattern without a port matches any port.
const cache = new Map<string, RegExp>();

function escape(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

function compile(pattern: string): RegExp {
  const m = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*:]+)(:\d+)?(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`Not a URL match pattern: ${pattern}`);
  const [, scheme, host, port, path] = m as unknown as [string, string, string, string | undefined, string];
  const schemeRe = scheme === '*' ? 'https?' : scheme;
  const hostRe = host === '*' ? '[^/:]+' : host.startsWith('*.') ? `(?:[^/:]+\\.)?${escape(host.slice(2))}` : escape(host);
  const portRe = port ? escape(port) : '(?::\\d+)?';
  const pathRe = path.split('*').map(escape).join('.*');
  return new RegExp(`^${schemeRe}://${hostRe}${portRe}${pathRe}$`, 'i');
}

export function matchesUrl(pattern: string, url: string): boolean {
  let re = cache.get(pattern);
  if (!re) {
    re = compile(pattern);
    cache.set(pattern, re);
  }
  // Compare without the query or fragment, as Chrome does for paths.
  const bare = url.replace(/[?#].*$/, '');
  return re.test(bare);
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
