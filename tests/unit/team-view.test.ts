// The manager's team view (lib/views/team-view.ts): a row per worker, those waiting on a manager, filters, and a CSV
// with no identifiers, from escalations as the team store filed them.
import { describe, expect, it } from 'vitest';
import { createEscalation, recordEvent } from '../../lib/db/escalations';
import { dueWindows } from '../../lib/views/overview';
import type { Escalation } from '../../lib/records/model';
import { filterTeam, teamEntries, waitingOnManager, workerRows, workerRowsCsv } from '../../lib/views/team-view';
import { freshDb, MON, newEscalation } from './fixtures/escalations';

async function team() {
  const db = await freshDb();
  const at = { at: MON, by: 'Jo Patel' };
  const started = (childId: string, agency = 'Community Health') =>
    createEscalation(
      db,
      newEscalation('pan-cheshire', { child: { hostId: 'demo', childId }, counterparts: [{ name: 'Sam', role: 'HV', agency }] }),
      at,
    );
  const a1 = await started('1000001');
  const a2 = await started('1000002', 'Police');
  await recordEvent(db, a2.id, { type: 'stage-entered', stageId: 'stage-1', reason: 'unresolved' }, at);
  const a3 = await recordEvent(db, a2.id, { type: 'stage-entered', stageId: 'stage-2', reason: 'unresolved' }, at);
  const b1 = await started('1000003');
  const b2 = await recordEvent(db, b1.id, { type: 'withdrawn', reason: 'Agreed' }, at);
  const mine = await started('1000004'); // the manager's own, never filed by the server
  const escalations: Escalation[] = [a1, a3, b2, mine];
  const rows = [
    { escalationId: a1.id, team: 'north', owner: 'worker-a', lastRecordedAt: '2026-11-23T10:00:05Z' },
    { escalationId: a2.id, team: 'north', owner: 'worker-a', lastRecordedAt: '2026-11-24T09:00:00Z' },
    { escalationId: b1.id, team: 'north', owner: 'worker-b', lastRecordedAt: '2026-11-23T11:00:00Z' },
  ];
  return { entries: teamEntries(escalations, rows), a1, a2: a3, mine };
}

describe('the team view', () => {
  it('has a row per worker: open, overdue, due this week, at stage 2 or above, oldest overdue, last synced', async () => {
    const { entries, mine } = await team();
    expect(entries.some((e) => e.escalation.id === mine.id)).toBe(false);
    // A month on, every open one is overdue.
    const rows = workerRows(entries, dueWindows(new Date('2026-12-23T12:00:00Z')));
    expect(rows).toEqual([
      {
        owner: 'worker-a',
        team: 'north',
        open: 2,
        overdue: 2,
        dueThisWeek: 0,
        stageTwoOrAbove: 1,
        oldestOverdue: expect.any(String),
        lastSynced: '2026-11-24T09:00:00Z',
      },
      { owner: 'worker-b', team: 'north', open: 0, overdue: 0, dueThisWeek: 0, stageTwoOrAbove: 0, lastSynced: '2026-11-23T11:00:00Z' },
    ]);
    // On the day the first stage was started, nothing is overdue yet and the first stage is due this week.
    const monday = workerRows(entries, dueWindows(new Date(MON)));
    expect(monday[0]).toMatchObject({ owner: 'worker-a', overdue: 0, dueThisWeek: 1 });
  });

  it('lists those waiting on a manager, and filters by worker, stage, protocol, agency and due', async () => {
    const { entries, a1, a2 } = await team();
    expect(waitingOnManager(entries).map((e) => e.escalation.id)).toEqual([]); // neither stage names a manager …
    const atStageOne = entries.map((e) =>
      e.escalation.id === a1.id ? { ...e, escalation: { ...e.escalation, currentStage: 'stage-1' } } : e,
    );
    expect(waitingOnManager(atStageOne).map((e) => e.escalation.id)).toEqual([a1.id]); // … stage 1 is for line managers
    const windows = dueWindows(new Date(MON));
    expect(filterTeam(entries, { worker: 'worker-b' }, windows)).toHaveLength(1);
    expect(filterTeam(entries, { stage: 'stage-2' }, windows).map((e) => e.escalation.id)).toEqual([a2.id]);
    expect(filterTeam(entries, { agency: 'police' }, windows).map((e) => e.escalation.id)).toEqual([a2.id]);
    expect(filterTeam(entries, { protocol: 'halton' }, windows)).toEqual([]);
    expect(filterTeam(entries, { team: 'south' }, windows)).toEqual([]);
    expect(filterTeam(entries, { due: 'closed' }, windows)).toHaveLength(1);
  });

  it('exports a CSV with no identifiers: no subject, reference or child', async () => {
    const { entries } = await team();
    const csv = workerRowsCsv(workerRows(entries, dueWindows(new Date('2026-12-23T12:00:00Z'))));
    expect(csv.split('\r\n')[0]).toBe('Worker,Team,Open,Overdue,Due this week,At stage 2 or above,Oldest overdue since,Last synced');
    expect(csv).toContain('Worker 1,north,2,2,0,1,');
    for (const e of entries) {
      expect(csv).not.toContain(e.owner);
      expect(csv).not.toContain(e.escalation.reference);
      expect(csv).not.toContain(e.escalation.child!.childId);
    }
  });
});
