// The team store's one door to the network (lib/sync/gate.ts): the production CSP allows any https origin, so this
// gate is what keeps requests to exactly the policy's server and identity provider. Real loopback servers stand in
// for them, so "nothing was sent" is counted where it would arrive.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullPage } from '../../lib/sync/client';
import { readTeamServerPolicy } from '../../lib/sync/config';
import { gatedFetch, OriginRefused, refusalOf } from '../../lib/sync/gate';

const POLICY = { server: 'https://escalations.council.example', issuer: 'https://login.council.example/tenant/v2.0' };
const PRODUCTION = { allowLoopback: false };
const TEST_BUILD = { allowLoopback: true };

describe('which addresses the gate lets through', () => {
  it('the policy’s server and issuer origins over https, and nothing else', () => {
    expect(refusalOf('https://escalations.council.example/v1/events', POLICY, PRODUCTION)).toBeUndefined();
    expect(refusalOf('https://login.council.example/tenant/oauth2/v2.0/token', POLICY, PRODUCTION)).toBeUndefined();
    expect(refusalOf('https://elsewhere.example/v1/events', POLICY, PRODUCTION)).toMatch(/neither the team server nor the sign-in service/);
    // Same host, another port or scheme: another origin.
    expect(refusalOf('https://escalations.council.example:8443/v1/events', POLICY, PRODUCTION)).toMatch(/neither/);
    expect(refusalOf('http://escalations.council.example/v1/events', POLICY, PRODUCTION)).toMatch(/neither/);
    expect(refusalOf('not an address', POLICY, PRODUCTION)).toMatch(/not an address/);
  });

  it('plain http only to this machine, and only in development and test builds', () => {
    const local = { server: 'http://127.0.0.1:8035', issuer: 'http://localhost:9000' };
    expect(refusalOf('http://127.0.0.1:8035/v1/pull', local, TEST_BUILD)).toBeUndefined();
    expect(refusalOf('http://localhost:9000/token', local, TEST_BUILD)).toBeUndefined();
    expect(refusalOf('http://127.0.0.1:8035/v1/pull', local, PRODUCTION)).toMatch(/does not use https/);
    const remote = { server: 'http://escalations.council.example', issuer: POLICY.issuer };
    expect(refusalOf('http://escalations.council.example/v1/pull', remote, TEST_BUILD)).toMatch(/does not use https/);
  });

  it('a production build refuses a loopback policy up front, saying nothing is sent', () => {
    const setting = readTeamServerPolicy(
      { teamServer: { ...POLICY, server: 'http://127.0.0.1:8035', clientId: 'x', team: 't' } },
      PRODUCTION,
    );
    expect(setting.configured).toBe(false);
    expect('problem' in setting && setting.problem).toMatch(/server: http:\/\/127.0.0.1:8035 must use https.*Nothing is sent/);
  });
});

describe('the gate in front of real servers', () => {
  let allowed: Server;
  let other: Server;
  let allowedOrigin = '';
  let otherOrigin = '';
  const arrived = { allowed: 0, other: 0 };

  const listen = (server: Server) =>
    new Promise<string>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
    );

  beforeAll(async () => {
    other = createServer((_, response) => {
      arrived.other += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"cursor":"c","more":false,"events":[],"deletions":[]}');
    });
    otherOrigin = await listen(other);
    // The allowed server sends every request on to the other one.
    allowed = createServer((request, response) => {
      arrived.allowed += 1;
      response.writeHead(307, { location: `${otherOrigin}${request.url}` }).end();
    });
    allowedOrigin = await listen(allowed);
  });
  afterAll(() => Promise.all([allowed, other].map((s) => new Promise((resolve) => s.close(resolve)))));

  it('sends nothing to an origin the policy does not name', async () => {
    const gated = gatedFetch({ server: allowedOrigin, issuer: allowedOrigin }, TEST_BUILD, fetch);
    const before = arrived.other;
    await expect(gated(`${otherOrigin}/v1/pull`)).rejects.toBeInstanceOf(OriginRefused);
    expect(arrived.other).toBe(before);
  });

  it('does not follow a redirect to another origin, and the sync says what is wrong', async () => {
    const config = { server: allowedOrigin, issuer: allowedOrigin };
    const before = { ...arrived };
    const pulled = await pullPage(
      { server: allowedOrigin, token: async () => 'a.b.c', fetch: gatedFetch(config, TEST_BUILD, fetch) },
      undefined,
      10,
    );
    expect(arrived.allowed).toBe(before.allowed + 1);
    expect(arrived.other).toBe(before.other);
    expect(pulled.ok).toBe(false);
    expect(!pulled.ok && pulled.problem.kind).toBe('unreachable');
    // Ungated, the same call would have followed it to the other origin.
    await fetch(`${allowedOrigin}/v1/pull`);
    expect(arrived.other).toBe(before.other + 1);
  });

  it('a refused address becomes a problem the options page can say, not "unreachable"', async () => {
    const config = { server: 'https://escalations.council.example', issuer: POLICY.issuer };
    const pulled = await pullPage(
      { server: otherOrigin, token: async () => 'a.b.c', fetch: gatedFetch(config, TEST_BUILD, fetch) },
      undefined,
      10,
    );
    expect(!pulled.ok && pulled.problem).toMatchObject({
      kind: 'refused',
      detail: expect.stringMatching(/^Not sent: .*neither the team server/),
    });
  });
});

describe('the manifest', () => {
  it('production: connect-src is https only (the gate narrows it), and no host access is asked for', async () => {
    const { default: config } = await import('../../wxt.config');
    const manifest = (config.manifest as (env: { mode: string; browser: string }) => Record<string, unknown>)({
      mode: 'production',
      browser: 'chrome',
    });
    const csp = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
    expect(csp).toMatch(/connect-src 'self' https:;/);
    expect(csp).not.toMatch(/http:/);
    expect(manifest.host_permissions).toBeUndefined();
    const test = (config.manifest as (env: { mode: string; browser: string }) => Record<string, unknown>)({
      mode: 'development',
      browser: 'chrome',
    });
    expect((test.content_security_policy as { extension_pages: string }).extension_pages).toMatch(
      /connect-src 'self' https: http:\/\/127\.0\.0\.1:\*/,
    );
  });
});
