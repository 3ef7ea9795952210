// The team store in the browser: the policy that switches it on, signing in through the browser's identity API, and
// syncing on an alarm and soon after each change. With no `teamServer` policy nothing here makes a request, sets an
// alarm or asks for a permission. Each sync is one short run (lib/sync/engine.ts); a service worker that sleeps
// between runs loses nothing, since the outbox and the cursor are in IndexedDB.
import type { EscalationDb } from '../db';
import { readSyncState } from '../db/team';
import { readTeamServerPolicy, type TeamServerConfig, type TeamServerSetting } from '../sync/config';
import { gatedFetch } from '../sync/gate';
import { syncOnce, type SyncReport } from '../sync/engine';
import { logAccess, type Transport } from '../sync/client';
import { refreshSession, signIn, type Session } from '../sync/oidc';
import { database } from './database';
import { TEAM_SESSION_ITEM, TEST_MANAGED_ITEM } from './storage';

export const TEAM_SYNC_ALARM = 'team-sync';
/** Every minute while switched on (Chrome fires a packed extension's alarms at most every 30 s). */
const SYNC_PERIOD_MINUTES = 1;
/** After a change, wait this long so a burst of changes goes in one push. */
const AFTER_CHANGE_MS = 2_000;
/** A token this close to expiry is refreshed before it is sent. */
const EXPIRY_MARGIN_MS = 60_000;
const POLICY_READ_LIMIT_MS = 2_000;
/** Plain http to this machine (the local team store) in development and test builds only. */
const ALLOW_LOOPBACK = import.meta.env.MODE !== 'production';

/** Every request the team store makes goes through here: to the policy's server and issuer origins only (lib/sync/gate.ts). */
const teamFetch = (config: TeamServerConfig) => gatedFetch(config, { allowLoopback: ALLOW_LOOPBACK }, (...a) => fetch(...a));

/** Calls to the policy's gateway, through the gate, with the signed-in person's token (refreshed when needed). */
export function teamTransport(config: TeamServerConfig, token: () => Promise<string | null> = () => currentToken(config)): Transport {
  return { server: config.server, token, fetch: teamFetch(config) };
}

/** The `teamServer` policy, checked (test builds also read the stand-in policy the browser tests set). */
export async function teamServerSetting(): Promise<TeamServerSetting> {
  let managed: unknown;
  try {
    const limit = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), POLICY_READ_LIMIT_MS));
    managed = await Promise.race([browser.storage.managed.get('teamServer'), limit]);
  } catch {
    // No policy for this extension, or no managed storage in this browser.
  }
  if (import.meta.env.MODE !== 'production') {
    const injected = await TEST_MANAGED_ITEM.get();
    if (injected && 'teamServer' in injected) managed = injected;
  }
  return readTeamServerPolicy(managed, { allowLoopback: ALLOW_LOOPBACK });
}

/** The token to send: refreshed when about to expire; an expired one is sent as is, so the server says "sign in again". */
async function currentToken(config: TeamServerConfig): Promise<string | null> {
  const session = await TEAM_SESSION_ITEM.get();
  if (!session) return null;
  if (session.expiresAt - EXPIRY_MARGIN_MS > Date.now() || !session.refreshToken) return session.accessToken;
  try {
    const fresh = await refreshSession(config, session, { fetch: teamFetch(config) });
    await TEAM_SESSION_ITEM.set(fresh);
    return fresh.accessToken;
  } catch {
    return session.accessToken;
  }
}

export interface TeamSyncDeps {
  database: () => Promise<EscalationDb>;
  closureDays: () => Promise<Record<string, string>>;
  /** Tells the pages and the badge that records changed (the sync pulled or deleted some). */
  recordsChanged: () => void;
}

let running: Promise<SyncReport | undefined> | undefined;

/** One sync now (or the one already running); nothing at all when no server is set up. */
export function syncTeam(deps: TeamSyncDeps): Promise<SyncReport | undefined> {
  running ??= (async () => {
    const setting = await teamServerSetting();
    if (!setting.configured) return undefined;
    const { config } = setting;
    const session = await TEAM_SESSION_ITEM.get();
    const report = await syncOnce(await deps.database(), {
      transport: teamTransport(config),
      account: `${config.server}|${session?.subject ?? ''}`,
      team: config.team,
      ...(session && { reader: { subject: session.subject, manager: session.manager } }),
      closureDays: await deps.closureDays(),
    });
    if (report.added || report.deleted || report.dropped.length) {
      pulledChange = true;
      deps.recordsChanged();
    }
    return report;
  })().finally(() => (running = undefined));
  return running;
}

let soon: ReturnType<typeof setTimeout> | undefined;
/** Set while telling the pages about what a sync pulled, so that news does not start another sync. */
let pulledChange = false;

/** After a change on this device: a sync shortly (changes in quick succession go together). */
export function syncTeamSoon(deps: TeamSyncDeps): void {
  if (pulledChange) {
    pulledChange = false;
    return;
  }
  clearTimeout(soon);
  soon = setTimeout(() => void syncTeam(deps).catch(() => undefined), AFTER_CHANGE_MS);
}

/** Sets the alarm when a server is set up and clears it when not; called at start and whenever the policy changes. */
async function keepAlarm(): Promise<boolean> {
  const { configured } = await teamServerSetting();
  if (!configured) {
    await browser.alarms.clear(TEAM_SYNC_ALARM);
    return false;
  }
  if (!(await browser.alarms.get(TEAM_SYNC_ALARM))) await browser.alarms.create(TEAM_SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
  return true;
}

/** Background only: the alarm's listener (registered at once, as a service worker must), the alarm, and sync on sign-in. */
export function startTeamSync(deps: TeamSyncDeps): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TEAM_SYNC_ALARM) void syncTeam(deps).catch(() => undefined);
  });
  const follow = () => void keepAlarm().then((on) => on && syncTeamSoon(deps));
  follow();
  browser.storage.onChanged.addListener((_, area) => {
    if (area === 'managed') follow();
  });
  TEST_MANAGED_ITEM.watch(follow);
  TEAM_SESSION_ITEM.watch((session) => session && syncTeamSoon(deps));
}

/**
 * Options page, on the person's click: asks for the identity permission (optional, asked only now), then signs in
 * through the browser's sign-in window. No host access is asked for: the gateway and the identity provider answer
 * CORS for the extension's origin (server/README.md), and the gate keeps requests to their two origins.
 */
export async function signInToTeam(config: TeamServerConfig): Promise<Session> {
  // Firefox lists `identity` in the manifest (it is not optional there); asking for it again is refused.
  if (!(await browser.permissions.contains({ permissions: ['identity'] }))) {
    const granted = await browser.permissions.request({ permissions: ['identity'] });
    if (!granted) throw new Error('The browser’s permission is needed to sign in to the team server.');
  }
  const session = await signIn(config, {
    fetch: teamFetch(config),
    redirectUri: browser.identity.getRedirectURL(),
    launch: async (url) => {
      const finished = await browser.identity.launchWebAuthFlow({ url, interactive: true });
      if (!finished) throw new Error('the sign-in window closed');
      return finished;
    },
  });
  await TEAM_SESSION_ITEM.set(session);
  return session;
}

export function signOutOfTeam(): Promise<void> {
  return TEAM_SESSION_ITEM.set(null);
}

/** Records an export of team data in the server's access log; resolves to why not, or undefined when recorded. */
export async function logTeamExport(detail: string, team?: string): Promise<string | undefined> {
  const setting = await teamServerSetting();
  if (!setting.configured) return 'no team server is set up';
  const { config } = setting;
  const logged = await logAccess(teamTransport(config), {
    kind: 'export',
    detail,
    ...(team && { team }),
  });
  return logged.ok ? undefined : logged.problem.detail;
}

/** What this device holds of the team sync, for the options page: the sync's state and the events not yet sent. */
export async function teamSyncOnDevice() {
  const records = await database();
  const [state, queued] = await Promise.all([readSyncState(records), records.outbox.toArray()]);
  return { state, queued };
}
