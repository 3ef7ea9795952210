// A manager's team's escalations, pulled for the team view, are not their own: their list, toolbar badge, popup,
// reminders and figures count only their own (lib/team/scope.ts), unless they choose the team's figures.
import { describe, expect, it } from 'vitest';
import {
  createEscalation,
  dashboardRows,
  dueCounts,
  dueSoonest,
  dueSummary,
  openWithClock,
  overdueEscalations,
} from '../../lib/db/escalations';
import { figuresEscalations, writeSyncState } from '../../lib/db/team';
import type { TeamEscalationRow } from '../../lib/team/model';
import { escalationsInScope, isTheTeams, teamOnlyIds, type Reader } from '../../lib/team/scope';
import { freshDb, MON, newEscalation } from './fixtures/escalations';

const MANAGER: Reader = { subject: 'manager-1', manager: true };
const WORKER: Reader = { subject: 'manager-1', manager: false };
const row = (escalationId: string, owner: string): TeamEscalationRow => ({ escalationId, owner, team: 'north', lastRecordedAt: MON });

describe('whose escalation it is', () => {
  it('a manager’s team’s are those another worker started; a worker’s are all theirs (own or handed to them)', () => {
    const rows = [row('own', 'manager-1'), row('theirs', 'worker-a')];
    expect(isTheTeams(rows[1]!, MANAGER)).toBe(true);
    expect(isTheTeams(rows[0]!, MANAGER)).toBe(false);
    expect([...teamOnlyIds(rows, MANAGER)]).toEqual(['theirs']);
    expect([...teamOnlyIds(rows, WORKER)]).toEqual([]);
    expect([...teamOnlyIds(rows, undefined)]).toEqual([]); // not yet known who signed in: nothing set apart
  });

  it('the figures count one’s own, or only what the server filed under the team', () => {
    const escalations = [{ id: 'local-only' }, { id: 'own' }, { id: 'theirs' }];
    const rows = [row('own', 'manager-1'), row('theirs', 'worker-a')];
    expect(escalationsInScope(escalations, rows, MANAGER, 'mine').map((e) => e.id)).toEqual(['local-only', 'own']);
    expect(escalationsInScope(escalations, rows, MANAGER, 'team').map((e) => e.id)).toEqual(['own', 'theirs']);
  });
});

describe('a manager’s own list, badge, popup and reminders on a device holding the team’s', () => {
  async function managerDevice(reader: Reader) {
    const db = await freshDb();
    const at = { at: MON, by: 'Jo Patel' };
    const started = (childId: string) => createEscalation(db, newEscalation('pan-cheshire', { child: { hostId: 'demo', childId } }), at);
    const localOnly = await started('1000001');
    const ownSynced = await started('1000002');
    const theirs = await started('1000003');
    await db.teamEscalations.bulkPut([row(ownSynced.id, 'manager-1'), row(theirs.id, 'worker-a')]);
    await writeSyncState(db, { account: 'https://server|manager-1', reader });
    return { db, mine: [localOnly.id, ownSynced.id].sort(), theirs: theirs.id };
  }
  const monthOn = new Date('2026-12-23T12:00:00Z'); // every open one overdue

  it('counts and lists only the manager’s own', async () => {
    const { db, mine, theirs } = await managerDevice(MANAGER);
    expect((await dueCounts(db, monthOn)).overdue).toBe(2);
    expect((await overdueEscalations(db, monthOn)).map((e) => e.id).sort()).toEqual(mine);
    expect((await dueSoonest(db, 5)).map((e) => e.id)).not.toContain(theirs);
    expect((await openWithClock(db)).map((e) => e.id).sort()).toEqual(mine);
    expect((await dashboardRows(db, { index: 'none' })).map((e) => e.id).sort()).toEqual(mine);
    const figures = await figuresEscalations(db, 'mine');
    expect(figures.teamOffered).toBe(true);
    expect(figures.escalations.map((e) => e.id).sort()).toEqual(mine);
    expect((await figuresEscalations(db, 'team')).escalations.map((e) => e.id)).toContain(theirs);
    expect((await figuresEscalations(db, 'team')).escalations).toHaveLength(2);
  });

  it('a worker’s device counts everything it holds (theirs, or handed to them), and offers no team figures', async () => {
    const { db } = await managerDevice(WORKER);
    expect((await dueCounts(db, monthOn)).overdue).toBe(3);
    expect((await dashboardRows(db, { index: 'none' })).length).toBe(3);
    const figures = await figuresEscalations(db, 'team');
    expect(figures).toMatchObject({ teamOffered: false });
    expect(figures.escalations).toHaveLength(3);
  });

  it('the popup’s summary gives a manager the team’s overdue count apart from their own, and a worker none', async () => {
    const manager = await managerDevice(MANAGER);
    const summary = await dueSummary(manager.db, {}, monthOn);
    expect(summary.counts.overdue).toBe(2);
    expect(summary.team).toEqual({ overdue: 1 });
    expect((await dueSummary(manager.db, {}, new Date(MON))).team).toEqual({ overdue: 0 }); // nothing overdue yet
    const worker = await managerDevice(WORKER);
    expect((await dueSummary(worker.db, {}, monthOn)).team).toBeUndefined();
  });
});
