// The extension's sync (lib/sync/) against the real team store: PostgreSQL, the OIDC server and the gateway on
// loopback (server/dev.mjs), each device an IndexedDB of its own (fake-indexeddb, as the unit tests use).
import 'fake-indexeddb/auto';
import '../unit/setup-words';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the server's dev stack is plain JavaScript
import { startStack } from '../../server/dev.mjs';
import { openEscalationDb, type EscalationDb } from '../../lib/db';
import { createEscalation, recordEvent } from '../../lib/db/escalations';
import { deriveEscalation } from '../../lib/records/derive';
import type { NewEscalation } from '../../lib/records/model';
import { escalationSyncFacts, readSyncState } from '../../lib/db/team';
import { escalationSyncWords, refusedWords } from '../../lib/team/status';
import type { Transport } from '../../lib/sync/client';
import { RETRY_REFUSED_AFTER_MS, syncOnce, type SyncOptions } from '../../lib/sync/engine';

interface Stack {
  gateway: string;
  identity: { token: (o: { sub: string; roles?: string[]; expiresIn?: number }) => Promise<string> };
  addTeam: (t: { team: string; workers?: string[]; managers?: string[] }) => Promise<void>;
  admin: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
  superuser: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
  stop: () => Promise<void>;
}

let stack: Stack;
const tokens: Record<string, string> = {};
let dbCount = 0;

beforeAll(async () => {
  stack = await startStack();
  await stack.addTeam({ team: 'team-a', workers: ['worker-a', 'worker-b'], managers: ['manager-1'] });
  await stack.addTeam({ team: 'team-b', workers: ['worker-c'], managers: ['manager-1'] });
  for (const [sub, roles] of [
    ['worker-a', ['worker']],
    ['worker-b', ['worker']],
    ['worker-c', ['worker']],
    ['manager-1', ['team-manager']],
  ] as const)
    tokens[sub] = await stack.identity.token({ sub, roles: [...roles] });
}, 60_000);

afterAll(() => stack?.stop());

/** A browser profile: its own database, signed in as `sub`. */
async function device(sub: string, team?: string) {
  const db = await openEscalationDb({ name: `sync-${sub}-${dbCount++}` });
  const transport: Transport = { server: stack.gateway, token: async () => tokens[sub]!, fetch };
  const sync = (overrides: Partial<SyncOptions> = {}) =>
    syncOnce(db, { transport, account: `${stack.gateway}|${sub}`, team, ...overrides });
  return { db, transport, sync };
}

const input = (childId: string): NewEscalation => ({
  protocolId: 'pan-cheshire',
  child: { hostId: 'demo', childId },
  raisedBy: { name: 'Jo Patel', role: 'Social Worker', agency: "Children's Social Care" },
  counterparts: [{ name: 'Sam Reid', role: 'Health Visitor', agency: 'Community Health' }],
  kind: 'thresholds',
  summary: 'Disagree that the referral does not meet the threshold.',
  levelOfNeed: {},
  concernRaisedAt: new Date(Date.now() - 3_600_000).toISOString(),
  flags: { immediateRisk: false, childProtectionPlan: false, lookedAfter: false },
});

async function serverEvents(escalationId: string): Promise<string[]> {
  const { rows } = await stack.superuser('select event_id from app.events where escalation_id = $1', [escalationId]);
  return rows.map((r) => r.event_id as string);
}

async function localEventIds(db: EscalationDb, escalationId: string): Promise<string[]> {
  return (await db.events.where('escalationId').equals(escalationId).toArray()).map((e) => e.id).sort();
}

/** The escalation as a person sees it, without what differs only by which device worked it out when. */
async function shown(db: EscalationDb, id: string) {
  const row = await db.escalations.get(id);
  return row && { ...row, lastSeq: undefined };
}

describe('two devices of one worker', () => {
  it('edits made offline on both merge with 0 lost and 0 duplicated events and the same state on both', async () => {
    const laptop = await device('worker-a', 'team-a');
    const desktop = await device('worker-a', 'team-a');
    const e = await createEscalation(laptop.db, input('2000001'));
    expect((await laptop.sync()).pushed).toBe(1);
    expect((await desktop.sync()).added).toBe(1);

    // Offline on both: each records what happened on its side.
    await recordEvent(laptop.db, e.id, { type: 'discussion-held', with: 'Sam Reid', summary: 'Talked it through' });
    await recordEvent(laptop.db, e.id, { type: 'stage-entered', stageId: 'stage-1', reason: 'unresolved' });
    await recordEvent(desktop.db, e.id, { type: 'response-received', from: 'Health', summary: 'They will review' });
    await recordEvent(desktop.db, e.id, { type: 'action-agreed', action: 'Share the plan', dueDay: '2026-12-31' });

    // Back online, in either order, as often as alarms fire.
    await laptop.sync();
    await desktop.sync();
    await laptop.sync();

    const onServer = await serverEvents(e.id);
    expect(onServer).toHaveLength(5);
    expect(new Set(onServer).size).toBe(5);
    expect(await localEventIds(laptop.db, e.id)).toEqual([...onServer].sort());
    expect(await localEventIds(desktop.db, e.id)).toEqual([...onServer].sort());
    expect(await laptop.db.outbox.count()).toBe(0);
    expect(await desktop.db.outbox.count()).toBe(0);
    const [a, b] = [await shown(laptop.db, e.id), await shown(desktop.db, e.id)];
    expect(a).toEqual(b);
    expect(a).toMatchObject({ currentStage: 'stage-1', actions: [{ action: 'Share the plan' }] });
    // What each holds is what the history derives, in the one order.
    expect(await laptop.db.escalations.get(e.id)).toEqual(
      deriveEscalation(await laptop.db.events.where('escalationId').equals(e.id).toArray()),
    );
    expect((await readSyncState(laptop.db))?.lastSyncedAt).toBeDefined();
  });
});

describe('a push whose reply is lost', () => {
  it('is sent again on the next sync and adds nothing', async () => {
    const worker = await device('worker-a', 'team-a');
    const e = await createEscalation(worker.db, input('2000002'));
    await recordEvent(worker.db, e.id, { type: 'discussion-held', with: 'Sam', summary: 'Met' });
    // The request reaches the server and is stored; the reply never comes back (the network drops, the worker stops).
    const dropping: Transport = {
      ...worker.transport,
      fetch: async (url, init) => {
        await fetch(url, init);
        throw new TypeError('network connection lost');
      },
    };
    const first = await worker.sync({ transport: dropping });
    expect(first.problem?.kind).toBe('unreachable');
    expect(await serverEvents(e.id)).toHaveLength(2);
    expect(await worker.db.outbox.count()).toBe(2); // not marked sent: no success reply was seen

    const again = await worker.sync();
    expect(again).toMatchObject({ pushed: 2, alreadyStored: 2, complete: true });
    expect(await serverEvents(e.id)).toHaveLength(2);
    expect(await worker.db.outbox.count()).toBe(0);
    expect(await localEventIds(worker.db, e.id)).toHaveLength(2);
  });
});

describe('what each person receives', () => {
  it('worker A’s escalation reaches their manager, with its owner, and not worker B', async () => {
    const a = await device('worker-a', 'team-a');
    const b = await device('worker-b', 'team-a');
    const manager = await device('manager-1');
    const e = await createEscalation(a.db, input('2000003'));
    await a.sync();
    await manager.sync();
    await b.sync();
    expect(await manager.db.escalations.get(e.id)).toMatchObject({ id: e.id, child: { childId: '2000003' } });
    expect(await manager.db.teamEscalations.get(e.id)).toMatchObject({ team: 'team-a', owner: 'worker-a' });
    expect(await b.db.escalations.get(e.id)).toBeUndefined();
    expect(await b.db.events.where('escalationId').equals(e.id).count()).toBe(0);
  });
});

describe('the retention purge', () => {
  it('removes the escalation from the server and from every device that held it', async () => {
    const laptop = await device('worker-a', 'team-a');
    const desktop = await device('worker-a', 'team-a');
    const manager = await device('manager-1');
    const e = await createEscalation(laptop.db, input('2000004'));
    await recordEvent(laptop.db, e.id, { type: 'withdrawn', reason: 'Agreed with health' });
    for (const d of [laptop, desktop, manager]) await d.sync();
    for (const d of [laptop, desktop, manager]) expect(await d.db.escalations.get(e.id)).toBeDefined();

    await stack.admin("select app.purge_expired(now() + interval '13 months')");
    expect(await serverEvents(e.id)).toHaveLength(0);
    for (const d of [laptop, desktop, manager]) {
      expect((await d.sync()).deleted).toBeGreaterThanOrEqual(1);
      expect(await d.db.escalations.get(e.id)).toBeUndefined();
      expect(await d.db.events.where('escalationId').equals(e.id).count()).toBe(0);
      expect(await d.db.outbox.where('escalationId').equals(e.id).count()).toBe(0);
      expect(await d.db.teamEscalations.get(e.id)).toBeUndefined();
    }
  });
});

describe('when what a person may see changes', () => {
  it('the server’s 409 makes the device pull again from the start and drop what is no longer theirs, keeping unsent work', async () => {
    const c = await device('worker-c', 'team-b');
    const manager = await device('manager-1');
    const theirs = await createEscalation(c.db, input('2000005'));
    await c.sync();
    await manager.sync();
    expect(await manager.db.escalations.get(theirs.id)).toBeDefined();
    // The manager's own escalation, not yet sent, must survive the re-scope.
    const own = await createEscalation(manager.db, input('2000006'));

    await stack.admin("update app.memberships set until = now() - interval '1 second' where subject = 'manager-1' and team_id = 'team-b'");
    // A sync whose pushes are used up (its batch limit) before this one's turn: the pull goes on.
    const report = await manager.sync({ maxBatches: 0 });
    expect(report.problem).toBeUndefined();
    expect(report.dropped).toContain(theirs.id);
    expect(await manager.db.escalations.get(theirs.id)).toBeUndefined();
    expect(await manager.db.events.where('escalationId').equals(theirs.id).count()).toBe(0);
    expect(await manager.db.escalations.get(own.id)).toBeDefined();
    expect(await manager.db.outbox.where('escalationId').equals(own.id).count()).toBe(1);
  });
});

describe('faults', () => {
  it('a token that expires mid-sync stops it, keeps the outbox, and says to sign in again', async () => {
    const worker = await device('worker-a', 'team-a');
    const e = await createEscalation(worker.db, input('2000007'));
    await recordEvent(worker.db, e.id, { type: 'discussion-held', with: 'Sam', summary: 'Met' });
    await recordEvent(worker.db, e.id, { type: 'response-received', from: 'Health', summary: 'Noted' });
    const expired = await stack.identity.token({ sub: 'worker-a', roles: ['worker'], expiresIn: -60 });
    let calls = 0;
    const expiring: Transport = { ...worker.transport, token: async () => (calls++ === 0 ? tokens['worker-a']! : expired) };
    const report = await worker.sync({ transport: expiring, batchSize: 1 });
    expect(report.pushed).toBe(1);
    expect(report.problem).toMatchObject({ kind: 'sign-in-again' });
    expect(report.problem?.detail).toMatch(/sign in again/i);
    expect(await worker.db.outbox.count()).toBe(2);
    expect((await readSyncState(worker.db))?.problem?.kind).toBe('sign-in-again');

    const after = await worker.sync();
    expect(after).toMatchObject({ pushed: 2, complete: true });
    expect(await serverEvents(e.id)).toHaveLength(3);
    expect((await readSyncState(worker.db))?.problem).toBeUndefined();
  });

  it('a hostile or malformed pull reply is refused whole, with a message, and changes nothing', async () => {
    const worker = await device('worker-a', 'team-a');
    await worker.sync();
    const before = await readSyncState(worker.db);
    const count = await worker.db.escalations.count();
    const replies = [
      'not json at all',
      JSON.stringify({ cursor: 'x', more: false, events: [{ id: 'a', escalationId: 'b' }], deletions: [] }),
      // An event filed under one escalation whose contents say another: not accepted as either.
      JSON.stringify({
        cursor: 'x',
        more: false,
        deletions: [],
        events: [
          {
            id: 'evt-00000001',
            escalationId: 'esc-00000001',
            team: 't',
            author: 'x',
            orderKey: 'k',
            recordedAt: new Date().toISOString(),
            payload: { type: 'reopened', reason: 'r', id: 'evt-00000001', escalationId: 'esc-00000002', at: new Date().toISOString() },
          },
        ],
      }),
    ];
    for (const body of replies) {
      const hostile: Transport = {
        ...worker.transport,
        fetch: async (url, init) => (String(url).includes('/v1/pull') ? new Response(body, { status: 200 }) : fetch(url, init)),
      };
      const report = await worker.sync({ transport: hostile });
      expect(report.problem?.kind).toBe('bad-reply');
      expect(report.problem?.detail).toMatch(/cannot read/);
      expect((await readSyncState(worker.db))?.cursor).toBe(before?.cursor);
      expect(await worker.db.escalations.count()).toBe(count);
    }
  });

  it('writes the server refuses (not a member of that team) stay queued and are said, and what others sent is still pulled', async () => {
    const right = await device('worker-c', 'team-b');
    const wrong = await device('worker-c', 'team-a'); // a policy naming a team this person is not in
    const theirs = await createEscalation(right.db, input('2000010'));
    await right.sync();
    const unsent = await createEscalation(wrong.db, input('2000011'));
    const report = await wrong.sync();
    expect(report.problem?.kind).toBe('not-a-member');
    expect(report.complete).toBe(false);
    expect(await wrong.db.outbox.where('escalationId').equals(unsent.id).count()).toBe(1);
    expect(await serverEvents(unsent.id)).toHaveLength(0);
    expect(await wrong.db.escalations.get(theirs.id)).toBeDefined();
    expect((await readSyncState(wrong.db))?.problem?.kind).toBe('not-a-member');
  });

  it('one refused event does not hold back its batch: the good ones are stored, the refused one kept with its reason, not retried in a loop', async () => {
    const a = await device('worker-a', 'team-a');
    const theirs = await createEscalation(a.db, input('2000012'));
    await a.sync();
    // Worker B holds worker A's escalation (say, from a backup A gave them) and adds to it; B also starts their own.
    const b = await device('worker-b', 'team-a');
    await b.db.events.bulkAdd(await a.db.events.where('escalationId').equals(theirs.id).toArray());
    await b.db.escalations.put((await a.db.escalations.get(theirs.id))!);
    await recordEvent(b.db, theirs.id, { type: 'discussion-held', with: 'Sam', summary: 'Not mine to add' });
    const own = await createEscalation(b.db, input('2000013'));
    await recordEvent(b.db, own.id, { type: 'discussion-held', with: 'Sam', summary: 'Mine' });
    const theirsHeld = await localEventIds(b.db, theirs.id);
    expect(theirsHeld).toHaveLength(2);

    const pushes: string[] = [];
    const counting: Transport = {
      ...b.transport,
      fetch: (url, init) => {
        if (String(url).includes('/v1/events')) pushes.push(String(url));
        return fetch(url, init);
      },
    };
    const report = await b.sync({ transport: counting, batchSize: 200 });
    expect(pushes).toHaveLength(1); // one batch, mixed
    expect(report.pushed).toBe(2);
    expect(report.refused).toBe(2);
    expect(report.problem?.kind).toBe('refused');
    // B's own events are on the server; A's escalation has only A's event there.
    expect((await serverEvents(own.id)).sort()).toEqual(await localEventIds(b.db, own.id));
    expect(await serverEvents(theirs.id)).toHaveLength(1);
    // The refused ones are kept, each with the server's reason, and said on the options page.
    const kept = await b.db.outbox.toArray();
    expect(kept.map((r) => r.eventId).sort()).toEqual(theirsHeld);
    expect(kept.every((r) => r.refused && /row-level security|Refused/i.test(r.refused.reason))).toBe(true);
    expect(refusedWords(kept)).toEqual([expect.stringMatching(/^2 changes refused by the server: Refused by the team store/)]);

    // The next syncs (each change, each alarm) do not send them again...
    const again = await b.sync({ transport: counting });
    expect(pushes).toHaveLength(1);
    expect(again).toMatchObject({ pushed: 0, refused: 0, complete: true });
    expect(await b.db.outbox.count()).toBe(2);
    // ...until a day has passed (IT may have fixed it): then once, and still kept.
    const later = new Date(Date.now() + RETRY_REFUSED_AFTER_MS + 60_000);
    const dayOn = await b.sync({ transport: counting, now: () => later });
    expect(pushes).toHaveLength(2);
    expect(dayOn.refused).toBe(2);
    expect(await b.db.outbox.count()).toBe(2);
    expect(await serverEvents(theirs.id)).toHaveLength(1);
  });

  it('a server that cannot be reached keeps everything queued and says so', async () => {
    const worker = await device('worker-a', 'team-a');
    await createEscalation(worker.db, input('2000008'));
    const down: Transport = { ...worker.transport, server: 'http://127.0.0.1:9' };
    const report = await worker.sync({ transport: down });
    expect(report.problem?.kind).toBe('unreachable');
    expect(await worker.db.outbox.count()).toBe(1);
    expect((await worker.sync()).complete).toBe(true);
  });
});

describe('what the panel says', () => {
  it('says "Saved to your team" only once the server has acknowledged every event of the escalation', async () => {
    const worker = await device('worker-a', 'team-a');
    const e = await createEscalation(worker.db, input('2000009'));
    const words = async (now = new Date()) => {
      const facts = await escalationSyncFacts(worker.db, e.id);
      return facts.configured ? escalationSyncWords({ ...facts, signedIn: !facts.signedOut, configured: true, now }) : 'nothing shown';
    };
    expect(await words()).toBe('nothing shown'); // never synced: the panel is as without a team server
    await worker.sync({ transport: { ...worker.transport, server: 'http://127.0.0.1:9' } });
    expect(await words()).toBe('Saved on this device; not yet sent to your team');
    expect(await words(new Date(Date.now() + 3 * 24 * 3_600_000))).toBe('Not sent for 3 days: check your connection');
    await worker.sync();
    expect(await words()).toBe('Saved to your team');
    await recordEvent(worker.db, e.id, { type: 'discussion-held', with: 'Sam', summary: 'Met again' });
    expect(await words()).toBe('Saved on this device; not yet sent to your team');
    await worker.sync({ transport: { ...worker.transport, token: async () => null } });
    expect(await words()).toMatch(/Sign in to your team server/);
  });
});
