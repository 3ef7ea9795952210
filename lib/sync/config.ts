// The team store is switched on by one enterprise policy key, `teamServer` (docs/managed-settings.md), never by the
// worker: with no such key the extension makes no request and nothing leaves the device.
import { z } from 'zod';

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;

/** An origin the extension may talk to: https, or plain http on this machine only (development and tests). */
const Origin = z
  .string()
  .trim()
  .transform((text, ctx) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: `“${text.slice(0, 100)}” is not an address` });
      return z.NEVER;
    }
    const origin = `${url.protocol}//${url.host}`;
    if (url.protocol !== 'https:' && !LOOPBACK.test(origin)) {
      ctx.addIssue({ code: 'custom', message: `${origin} must use https` });
      return z.NEVER;
    }
    return `${origin}${url.pathname.replace(/\/+$/, '')}`;
  });

export const TeamServerPolicySchema = z.object({
  /** The gateway's address (server/README.md). */
  server: Origin,
  /** The OIDC issuer exactly as its tokens' `iss` says (its discovery document is read from it). */
  issuer: Origin,
  /** The extension's client id at the identity provider (registered as a single-page application). */
  clientId: z.string().trim().min(1).max(200),
  /** The scope that asks for a token for the team store's API (Entra ID: `api://…/Escalations.Sync`). */
  scope: z.string().trim().min(1).max(500).default('openid'),
  /** The team a worker's new escalations are filed under. */
  team: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._:-]{1,64}$/, 'is 1-64 letters, digits or . _ : -'),
  /** The claim naming roles, and the values that mean team manager (as the gateway is set up). */
  rolesClaim: z.string().min(1).max(100).default('roles'),
  managerRole: z.string().min(1).max(200).default('team-manager'),
});
export type TeamServerConfig = z.output<typeof TeamServerPolicySchema>;

export type TeamServerSetting =
  { configured: false } | { configured: true; config: TeamServerConfig } | { configured: false; problem: string };

/** The policy's `teamServer`, checked: absent (the default), usable, or not valid (said, and nothing is sent). */
export function readTeamServerPolicy(managed: unknown, { allowLoopback = true }: { allowLoopback?: boolean } = {}): TeamServerSetting {
  const value = (managed as Record<string, unknown> | null | undefined)?.teamServer;
  if (value === undefined || value === null) return { configured: false };
  const parsed = TeamServerPolicySchema.safeParse(value);
  const notValid = (where: string, message: string) => ({
    configured: false as const,
    problem: `Your organisation’s team server setting is not valid (${where}: ${message}). Nothing is sent; tell your IT team.`,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return notValid(issue?.path.join('.') || 'teamServer', issue?.message ?? 'not as expected');
  }
  // A production build talks https only: plain http, even to this machine, is for the development stack.
  for (const key of ['server', 'issuer'] as const)
    if (!allowLoopback && !parsed.data[key].startsWith('https:'))
      return notValid(key, `${new URL(parsed.data[key]).origin} must use https`);
  return { configured: true, config: parsed.data };
}

/** The origins the extension may send to when the team store is on, as match patterns (lib/sync/gate.ts lets only these through). */
export function teamServerOrigins(config: Pick<TeamServerConfig, 'server' | 'issuer'>): string[] {
  return [...new Set([config.server, config.issuer].map((address) => `${new URL(address).origin}/*`))];
}
