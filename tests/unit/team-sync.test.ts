// The team store's switch (the `teamServer` policy), the words the panel and options page say about sync, and the
// background's promise that with no server set up nothing is requested and no alarm is set.
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readTeamServerPolicy, teamServerOrigins } from '../../lib/sync/config';
import { escalationSyncWords, problemWords } from '../../lib/team/status';
import { startTeamSync, syncTeam, syncTeamSoon, TEAM_SYNC_ALARM } from '../../lib/browser/team-sync';
import { freshDb } from './fixtures/escalations';
import { createEscalation } from '../../lib/db/escalations';
import { MON, newEscalation } from './fixtures/escalations';
import { TEAM_SESSION_ITEM, TEST_MANAGED_ITEM } from '../../lib/browser/storage';

const POLICY = {
  server: 'https://escalations.council.example/',
  issuer: 'https://login.council.example/tenant/v2.0',
  clientId: 'extension-client',
  team: 'north-cin',
};

describe('the teamServer policy', () => {
  it('is off unless set, and a usable one is read with its defaults', () => {
    expect(readTeamServerPolicy(undefined)).toEqual({ configured: false });
    expect(readTeamServerPolicy({ reminders: true })).toEqual({ configured: false });
    const read = readTeamServerPolicy({ teamServer: POLICY });
    expect(read).toEqual({
      configured: true,
      config: {
        ...POLICY,
        server: 'https://escalations.council.example',
        scope: 'openid',
        rolesClaim: 'roles',
        managerRole: 'team-manager',
      },
    });
    expect(read.configured && teamServerOrigins(read.config)).toEqual([
      'https://escalations.council.example/*',
      'https://login.council.example/*',
    ]);
  });

  it('a setting that is not valid is refused with a message saying nothing is sent', () => {
    for (const [bad, named] of [
      [{ ...POLICY, server: 'http://escalations.council.example' }, /server: http:\/\/escalations.council.example must use https/],
      [{ ...POLICY, team: '' }, /team/],
      [{ ...POLICY, clientId: undefined }, /clientId/],
      [{ ...POLICY, issuer: 'not an address' }, /issuer/],
    ] as const) {
      const read = readTeamServerPolicy({ teamServer: bad });
      expect(read.configured).toBe(false);
      expect('problem' in read && read.problem).toMatch(named);
      expect('problem' in read && read.problem).toMatch(/Nothing is sent/);
    }
    // Loopback over plain http is for the development stack.
    expect(readTeamServerPolicy({ teamServer: { ...POLICY, server: 'http://127.0.0.1:8035' } }).configured).toBe(true);
  });
});

describe('what the panel says about an escalation', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  it('never says saved to the team while any of its events waits to be sent', () => {
    expect(escalationSyncWords({ configured: false, signedIn: false, now })).toBe('Saved on this device');
    expect(escalationSyncWords({ configured: true, signedIn: true, now })).toBe('Saved to your team');
    expect(escalationSyncWords({ configured: true, signedIn: true, oldestQueuedAt: '2026-12-07T11:00:00Z', now })).toBe(
      'Saved on this device; not yet sent to your team',
    );
    expect(escalationSyncWords({ configured: true, signedIn: false, oldestQueuedAt: '2026-12-07T11:00:00Z', now })).toMatch(/Sign in/);
    expect(escalationSyncWords({ configured: true, signedIn: true, oldestQueuedAt: '2026-12-04T11:00:00Z', now })).toBe(
      'Not sent for 3 days: check your connection',
    );
  });

  it('names each problem the options page can diagnose', () => {
    expect(problemWords({ kind: 'unreachable' }, 't')).toMatch(/cannot be reached/);
    expect(problemWords({ kind: 'sign-in-again' }, 't')).toMatch(/sign in again/);
    expect(problemWords({ kind: 'not-a-member' }, 'north-cin')).toMatch(/not a member of team north-cin/);
    expect(problemWords({ kind: 'bad-reply' }, 't')).toMatch(/nothing was changed/);
  });
});

describe('with no team server set up', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('a change, the alarm and a sync make no request and set no alarm', async () => {
    const fetched = vi.spyOn(globalThis, 'fetch');
    const db = await freshDb();
    const recordsChanged = vi.fn();
    const deps = { database: async () => db, closureDays: async () => ({}), recordsChanged };
    startTeamSync(deps);
    await createEscalation(db, newEscalation('pan-cheshire'), { at: MON, by: 'Jo Patel' });
    syncTeamSoon(deps);
    expect(await syncTeam(deps)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetched).not.toHaveBeenCalled();
    expect(await fakeBrowser.alarms.get(TEAM_SYNC_ALARM)).toBeUndefined();
    expect(recordsChanged).not.toHaveBeenCalled();
    expect(await db.outbox.count()).toBe(0); // nothing waits to be sent either
  });

  it('(the same wiring with a server set up does set the alarm and ask the server)', async () => {
    const fetched = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('offline'));
    await TEST_MANAGED_ITEM.set({ teamServer: POLICY });
    await TEAM_SESSION_ITEM.set({
      accessToken: 'a.b.c',
      subject: 'worker-a',
      expiresAt: Date.now() + 3_600_000,
      roles: [],
      manager: false,
    });
    const db = await freshDb();
    await createEscalation(db, newEscalation('pan-cheshire'), { at: MON, by: 'Jo Patel' });
    const deps = { database: async () => db, closureDays: async () => ({}), recordsChanged: vi.fn() };
    startTeamSync(deps);
    const report = await syncTeam(deps);
    expect(report?.problem?.kind).toBe('unreachable');
    expect(fetched.mock.calls[0]?.[0]).toBe('https://escalations.council.example/v1/events');
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(TEAM_SYNC_ALARM)).toMatchObject({ periodInMinutes: 1 }));
    expect(await db.outbox.count()).toBe(1);
  });
});
