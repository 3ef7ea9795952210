// One set of records query kinds for every page (lib/messages/records.ts), each answered from the database by one
// table (lib/escalations.ts runQuery), whether a page reads it itself or through the background's port.
import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { recordsClient } from '../../lib/browser/records-bridge';
import { serveRecords } from '../../lib/background/records-server';
import { createEscalation, recordEvent, runQuery } from '../../lib/db/escalations';
import type { PortReply, PortRequest } from '../../lib/messages/records';
import type { DueSummary } from '../../lib/views/overview';
import type { EscalationDb } from '../../lib/db';
import { freshDb, MON, newEscalation } from './fixtures/escalations';

const noClosures = async () => ({});

/** An escalation at stage 1, due on 26 November 2026: overdue from then on. */
async function overdueOne(db: EscalationDb) {
  const e = await createEscalation(db, newEscalation('herefordshire'), { at: MON });
  return recordEvent(db, e.id, { type: 'stage-entered', stageId: 'stage-1', reason: 'unresolved' }, { at: MON });
}

/** A page's port and the background's end of it, joined in memory. */
function joinedPorts() {
  const toBackground: ((m: PortRequest) => void)[] = [];
  const toPage: ((m: PortReply) => void)[] = [];
  const background = {
    postMessage: (m: PortReply) => toPage.forEach((f) => f(m)),
    onMessage: { addListener: (f: (m: PortRequest) => void) => void toBackground.push(f) },
    onDisconnect: { addListener: () => {} },
  } as unknown as Browser.runtime.Port;
  const page = {
    postMessage: (m: PortRequest) => toBackground.forEach((f) => f(m)),
    onMessage: { addListener: (f: (m: PortReply) => void) => void toPage.push(f) },
    onDisconnect: { addListener: () => {} },
  } as unknown as Browser.runtime.Port;
  return { background, page };
}

describe('every query kind, answered from the database', () => {
  it('every escalation last changed first; the dashboard rows an index picks out; a child’s; one and its history', async () => {
    const db = await freshDb();
    const first = await createEscalation(db, newEscalation('herefordshire'), { at: MON });
    const second = await createEscalation(db, newEscalation('herefordshire', { child: { hostId: 'demo', childId: '1000002' } }), {
      at: MON,
    });
    await recordEvent(db, first.id, { type: 'withdrawn', reason: 'Agreed in the end' }, { at: '2026-11-24T10:00:00Z' });
    const all = await runQuery(db, { kind: 'all' }, noClosures);
    expect(all.map((e) => e.id)).toEqual([first.id, second.id]);
    const open = await runQuery(db, { kind: 'dashboard-rows', narrowing: { index: 'status', equals: 'open' } }, noClosures);
    expect(open).toEqual({ every: true, rows: [expect.objectContaining({ id: second.id })] });
    expect((await runQuery(db, { kind: 'for-child', hostId: 'demo', childId: '1000002' }, noClosures)).map((e) => e.id)).toEqual([
      second.id,
    ]);
    expect((await runQuery(db, { kind: 'escalation', id: first.id }, noClosures))?.status).toBe('withdrawn');
    expect((await runQuery(db, { kind: 'history', id: first.id }, noClosures)).map((e) => e.type)).toEqual(['created', 'withdrawn']);
  });

  it('the popup’s summary of what is due, counted with the organisation’s closure days', async () => {
    const db = await freshDb();
    await overdueOne(db);
    const closureDays = vi.fn(noClosures);
    const summary = await runQuery(db, { kind: 'due-summary' }, closureDays);
    expect(closureDays).toHaveBeenCalled();
    expect(summary.counts).toEqual({ overdue: 1, dueToday: 0, dueThisWeek: 0 });
    expect(summary.next).toEqual([expect.objectContaining({ childId: '1000001', left: expect.objectContaining({ urgency: 'overdue' }) })]);
  });
});

describe('the manager’s team, through the same kinds', () => {
  it('the team’s escalations with their team and owner, and whether this device holds any, again as the team store fills', async () => {
    const db = await freshDb();
    const e = await createEscalation(db, newEscalation('herefordshire'), { at: MON });
    expect(await runQuery(db, { kind: 'team-held' }, noClosures)).toBe(0);
    expect(await runQuery(db, { kind: 'team' }, noClosures)).toEqual([]);
    await db.teamEscalations.put({ escalationId: e.id, team: 'North', owner: 'worker-7', lastRecordedAt: MON });
    expect(await runQuery(db, { kind: 'team-held' }, noClosures)).toBe(1);
    expect(await runQuery(db, { kind: 'team' }, noClosures)).toEqual([
      { escalation: expect.objectContaining({ id: e.id }), team: 'North', owner: 'worker-7', lastRecordedAt: MON },
    ]);
  });
});

describe('the popup reads through the same client as the panels', () => {
  it('its summary of what is due comes over the records port, and again when the records change', async () => {
    const db = await freshDb();
    const { background, page } = joinedPorts();
    serveRecords(background, async () => db, noClosures);
    const client = recordsClient(() => page);
    const seen: DueSummary[] = [];
    client.prefetch!({ kind: 'due-summary' });
    const stop = client.subscribe({ kind: 'due-summary' }, (summary) => seen.push(summary));
    await vi.waitFor(() => expect(seen.at(-1)?.next).toEqual([]));
    await overdueOne(db);
    await vi.waitFor(() => expect(seen.at(-1)?.counts.overdue).toBe(1));
    stop();
  });

  it('a question asked as the page starts is asked of the background once, however many then ask it', async () => {
    const posted: PortRequest[] = [];
    const port = {
      postMessage: (m: PortRequest) => posted.push(m),
      onMessage: { addListener: () => {} },
      onDisconnect: { addListener: () => {} },
    } as unknown as Browser.runtime.Port;
    const client = recordsClient(() => port);
    client.prefetch!({ kind: 'due-summary' });
    client.subscribe({ kind: 'due-summary' }, () => {});
    client.subscribe({ kind: 'due-summary' }, () => {});
    expect(posted.filter((m) => m.op === 'subscribe')).toHaveLength(1);
  });
});
