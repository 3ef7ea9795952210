// Who reads and writes what: row-level security in the real PostgreSQL, through the gateway and asked directly.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from '../dev.mjs';
import { migrate, migrationFiles } from '../migrate.mjs';
import { asClaims, call, event, failure, pullAll, push } from './helpers.mjs';

let stack;
let base;
const tokens = {};
const worker = { sub: 'worker-a', roles: ['worker'] };
const workerB = { sub: 'worker-b', roles: ['worker'] };

beforeAll(async () => {
  stack = await startStack();
  base = stack.gateway;
  // team-a: workers a and b, manager m1 (who also manages team-c); team-b: worker c, manager m2.
  await stack.addTeam({ team: 'team-a', workers: ['worker-a', 'worker-b'], managers: ['manager-1'] });
  await stack.addTeam({ team: 'team-b', workers: ['worker-c'], managers: ['manager-2'] });
  await stack.addTeam({ team: 'team-c', workers: ['worker-d'], managers: ['manager-1'] });
  for (const [sub, roles] of [
    ['worker-a', ['worker']],
    ['worker-b', ['worker']],
    ['worker-c', ['worker']],
    ['worker-d', ['worker']],
    ['manager-1', ['team-manager']],
    ['manager-2', ['team-manager']],
    ['outsider', ['worker']],
  ]) {
    tokens[sub] = await stack.identity.token({ sub, roles });
  }
  tokens['manager-1-as-worker'] = await stack.identity.token({ sub: 'manager-1', roles: ['worker'] });
  for (const [sub, escalation] of [
    ['worker-a', 'esc-a1'],
    ['worker-b', 'esc-b1'],
    ['worker-c', 'esc-c1'],
    ['worker-d', 'esc-d1'],
  ]) {
    const { status } = await push(base, tokens[sub], [event(escalation, 'created'), event(escalation)]);
    expect(status).toBe(200);
  }
}, 60_000);

afterAll(() => stack?.stop());

const escalationsSeenBy = async (token) => [...new Set((await pullAll(base, token)).events.map((e) => e.escalationId))].sort();

describe('who reads what, through the gateway', () => {
  it('a worker reads their own escalations and not a colleague’s', async () => {
    expect(await escalationsSeenBy(tokens['worker-a'])).toEqual(['esc-a1']);
    expect(await escalationsSeenBy(tokens['worker-b'])).toEqual(['esc-b1']);
  });

  it('a manager reads every team they manage, and no other', async () => {
    expect(await escalationsSeenBy(tokens['manager-1'])).toEqual(['esc-a1', 'esc-b1', 'esc-d1']);
    expect(await escalationsSeenBy(tokens['manager-2'])).toEqual(['esc-c1']);
  });

  it('the manager’s reach needs the manager role in the token as well as the membership', async () => {
    expect(await escalationsSeenBy(tokens['manager-1-as-worker'])).toEqual([]);
  });

  it('worker B cannot read or add to worker A’s escalation with B’s own token', async () => {
    const { events } = await pullAll(base, tokens['worker-b']);
    expect(events.some((e) => e.escalationId === 'esc-a1' || e.author === 'worker-a')).toBe(false);
    const { status, body } = await push(base, tokens['worker-b'], [event('esc-a1', 'resolved')]);
    expect(status).toBe(403);
    expect(body.error).toBe('forbidden');
  });

  it('someone in no team reads nothing and cannot write', async () => {
    expect(await escalationsSeenBy(tokens.outsider)).toEqual([]);
    const { status, body } = await push(base, tokens.outsider, [event('esc-x1', 'created')]);
    expect(status).toBe(400);
    expect(body.message).toMatch(/not a member of any team/);
  });

  it('events come back with the author the token named', async () => {
    const { events } = await pullAll(base, tokens['manager-1']);
    expect(new Set(events.filter((e) => e.escalationId === 'esc-a1').map((e) => e.author))).toEqual(new Set(['worker-a']));
  });
});

describe('asked of PostgreSQL directly, as the gateway’s role', () => {
  const ownEscalations = (claims) =>
    asClaims(stack.gatewayDatabaseUrl, claims, async (db) =>
      (await db.query('select distinct escalation_id from app.events order by 1')).rows.map((r) => r.escalation_id),
    );

  it('with B’s claims, A’s rows are not there to read', async () => {
    expect(await ownEscalations(workerB)).toEqual(['esc-b1']);
    const rows = await asClaims(
      stack.gatewayDatabaseUrl,
      workerB,
      async (db) => (await db.query("select * from app.events where escalation_id = 'esc-a1'")).rows,
    );
    expect(rows).toEqual([]);
    // …though they are stored: the superuser, who bypasses the policies, sees them.
    expect((await stack.superuser("select count(*)::int as n from app.events where escalation_id = 'esc-a1'")).rows[0].n).toBe(2);
  });

  it('with no claims at all, nothing is readable and nothing can be written', async () => {
    expect(await ownEscalations(null)).toEqual([]);
    const error = await failure(
      asClaims(stack.gatewayDatabaseUrl, null, (db) =>
        db.query(
          "insert into app.events (event_id, escalation_id, team_id, order_key, payload) values ('x-1', 'esc-x', 'team-a', 'k', '{}')",
        ),
      ),
    );
    expect(error.message).toMatch(/no signed-in identity/);
  });

  it('the owner is held to the policies too (forced row-level security)', async () => {
    expect((await stack.admin('select count(*)::int as n from app.events')).rows[0].n).toBe(0);
  });

  it('an insert for another team is refused', async () => {
    const error = await failure(
      asClaims(stack.gatewayDatabaseUrl, worker, (db) =>
        db.query(
          "insert into app.events (event_id, escalation_id, team_id, order_key, payload) values ('x-2', 'esc-a-new', 'team-b', 'k', '{}')",
        ),
      ),
    );
    expect(error.code).toBe('42501');
    expect(error.message).toMatch(/row-level security/);
    const viaGateway = await push(base, tokens['worker-a'], [event('esc-a-other', 'created', { team: 'team-b' })]);
    expect(viaGateway.status).toBe(403);
  });

  it('the author is the signed-in identity, whatever the insert says', async () => {
    await asClaims(stack.gatewayDatabaseUrl, worker, (db) =>
      db.query(
        "insert into app.events (event_id, escalation_id, team_id, author, order_key, payload) values ('x-3', 'esc-a2', 'team-a', 'worker-b', 'k', '{}')",
      ),
    );
    expect((await stack.superuser("select author from app.events where event_id = 'x-3'")).rows[0].author).toBe('worker-a');
    const viaGateway = await push(base, tokens['worker-a'], [event('esc-a2', 'created', { author: 'worker-b' })]);
    expect(viaGateway.status).toBe(400);
    expect(viaGateway.body.message).toMatch(/author/);
  });

  it('nobody updates or deletes an event: not the gateway’s role, not the owner', async () => {
    for (const sql of ["update app.events set payload = '{}'", 'delete from app.events', 'truncate app.events']) {
      const asGateway = await failure(asClaims(stack.gatewayDatabaseUrl, worker, (db) => db.query(sql)));
      expect(asGateway.code).toBe('42501');
      expect(asGateway.message).toMatch(/permission denied/);
    }
    // The owner, even with a manager's claims, has no policy to update or delete by: nothing changes.
    for (const sql of [
      "update app.events set payload = '{}' where escalation_id = 'esc-a1'",
      "delete from app.events where escalation_id = 'esc-a1'",
    ]) {
      const result = await asClaims(stack.ownerUrl, { sub: 'manager-1', roles: ['team-manager'] }, (db) => db.query(sql));
      expect(result.rowCount).toBe(0);
    }
    // And a role that bypasses the policies still meets the append-only trigger.
    for (const sql of ["update app.events set payload = '{}'", 'delete from app.events']) {
      expect((await failure(stack.superuser(sql))).message).toMatch(/append-only/);
    }
    const truncate = await failure(stack.admin('truncate app.events'));
    expect(truncate.message).toMatch(/append-only/);
    expect((await stack.superuser("select count(*)::int as n from app.events where escalation_id = 'esc-a1'")).rows[0].n).toBe(2);
  });

  it('the retention purge cannot be run by the gateway’s role', async () => {
    const error = await failure(
      asClaims(stack.gatewayDatabaseUrl, { sub: 'manager-1', roles: ['team-manager'] }, (db) => db.query('select app.purge_expired()')),
    );
    expect(error.message).toMatch(/permission denied/);
  });
});

describe('hand-over', () => {
  it('a manager hands a worker’s escalation to a colleague, who then reads and adds to it', async () => {
    const created = event('esc-a3', 'created');
    await push(base, tokens['worker-a'], [created]);
    const { cursor } = await pullAll(base, tokens['worker-b']); // worker B's device is up to date, before the hand-over
    const refused = await call(base, {
      token: tokens['worker-b'],
      method: 'POST',
      path: '/v1/assignments',
      body: { escalationId: 'esc-a3', assignee: 'worker-b' },
    });
    expect(refused.status).toBe(403);
    const handed = await call(base, {
      token: tokens['manager-1'],
      method: 'POST',
      path: '/v1/assignments',
      body: { escalationId: 'esc-a3', assignee: 'worker-b' },
    });
    expect(handed.status).toBe(200);
    // The escalation's earlier events lie below B's cursor: the cursor is refused, and a pull from the start has them.
    const stale = await call(base, { token: tokens['worker-b'], path: `/v1/pull?cursor=${cursor}` });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('scope-changed');
    expect((await pullAll(base, tokens['worker-b'])).events.map((e) => e.id)).toContain(created.id);
    expect((await push(base, tokens['worker-b'], [event('esc-a3')])).status).toBe(200);
    const notMember = await call(base, {
      token: tokens['manager-1'],
      method: 'POST',
      path: '/v1/assignments',
      body: { escalationId: 'esc-a3', assignee: 'worker-c' },
    });
    expect(notMember.status).toBe(400);
  });

  it('a worker who has left the team no longer reads its escalations', async () => {
    await stack.addTeam({ team: 'team-a', workers: ['worker-e'] });
    const token = await stack.identity.token({ sub: 'worker-e', roles: ['worker'] });
    await push(base, token, [event('esc-e1', 'created')]);
    expect(await escalationsSeenBy(token)).toEqual(['esc-e1']);
    await stack.admin("update app.memberships set until = now() where subject = 'worker-e'");
    expect(await escalationsSeenBy(token)).toEqual([]);
    expect(await escalationsSeenBy(tokens['manager-1'])).toContain('esc-e1');
  });
});

describe('access log', () => {
  const logOf = async (reader) =>
    (await stack.superuser('select kind, escalation_id, team_id from app.access_log where reader = $1 order by access_id', [reader])).rows;

  it('a manager’s read of a worker’s escalation is logged; a worker reading their own is not', async () => {
    const before = (await logOf('manager-2')).length;
    await pullAll(base, tokens['manager-2']);
    expect((await logOf('manager-2')).slice(before)).toEqual([{ kind: 'manager-read', escalation_id: 'esc-c1', team_id: 'team-b' }]);
    await pullAll(base, tokens['worker-c']);
    expect(await logOf('worker-c')).toEqual([]);
  });

  it('an export is logged as the signed-in person', async () => {
    const { status } = await call(base, {
      token: tokens['manager-2'],
      method: 'POST',
      path: '/v1/access-log',
      body: { kind: 'export', team: 'team-b', detail: 'team view CSV' },
    });
    expect(status).toBe(201);
    expect((await logOf('manager-2')).at(-1)).toEqual({ kind: 'export', escalation_id: null, team_id: 'team-b' });
  });
});

describe('retention', () => {
  it('the purge removes closed escalations past the retention period, records a deletion, and pulls return it', async () => {
    const [closed, open] = ['esc-old-closed', 'esc-old-open'];
    await push(base, tokens['worker-d'], [event(closed, 'created'), event(closed, 'resolved'), event(open, 'created')]);
    const before = await pullAll(base, tokens['worker-d']);
    expect(new Set(before.events.map((e) => e.escalationId))).toEqual(new Set(['esc-d1', closed, open]));

    // Thirteen months on, with the default retention of twelve: only the closed one goes.
    const purged = await stack.admin("select app.purge_expired(now() + interval '13 months') as n");
    expect(purged.rows[0].n).toBeGreaterThanOrEqual(1);
    expect((await stack.superuser('select count(*)::int as n from app.events where escalation_id = $1', [closed])).rows[0].n).toBe(0);
    expect((await stack.superuser('select count(*)::int as n from app.events where escalation_id = $1', [open])).rows[0].n).toBe(1);

    // The worker's next pull (from the cursor they had) brings the deletion, as does their manager's; nobody else's.
    const after = await pullAll(base, tokens['worker-d'], { cursor: before.cursor });
    expect(after.deletions.map((d) => d.escalationId)).toContain(closed);
    expect(after.deletions.every((d) => d.reason === 'retention')).toBe(true);
    expect((await pullAll(base, tokens['manager-1'])).deletions.map((d) => d.escalationId)).toContain(closed);
    expect((await pullAll(base, tokens['manager-2'])).deletions.map((d) => d.escalationId)).not.toContain(closed);
    // A device pulling from the start never sees the purged events again.
    expect((await pullAll(base, tokens['worker-d'])).events.some((e) => e.escalationId === closed)).toBe(false);
  });
});

describe('migrations', () => {
  it('each is applied once and recorded; running again applies nothing', async () => {
    expect(await migrate(stack.ownerUrl)).toEqual([]);
    const applied = (await stack.admin('select version, name from app_migrations.applied order by version')).rows;
    expect(applied).toEqual(migrationFiles().map((f) => ({ version: f.version, name: f.name })));
  });

  it('a migration edited after it was applied is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    const [first] = migrationFiles();
    writeFileSync(join(dir, first.name), `${first.sql}\n-- edited`);
    await expect(migrate(stack.ownerUrl, { dir })).rejects.toThrow(/changed after it was applied/);
  });

  it('a superuser, whom the policies would not hold, may not run them', async () => {
    await expect(migrate(stack.superuserUrl)).rejects.toThrow(/not postgres \(a superuser or BYPASSRLS role\)/);
  });
});
