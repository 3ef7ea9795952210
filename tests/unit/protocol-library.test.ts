// Protocols beyond the five: deployed by policy, carried by backups, and a newer version compared before moving.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { freshDb, MON, newEscalation } from './fixtures/escalations';

const GLEN_MORAY = readFileSync(new URL('../fixtures/protocols/glen-moray.json', import.meta.url), 'utf8');
const at = { at: MON, by: 'Jo Patel' };

/** The modules as a browser that has just started has them: only the built-in protocols known. */
async function freshDevice() {
  vi.resetModules();
  await import('./setup-words'); // its words, as each context's entry sets them first (lib/browser/language.ts)
  await import('./setup-protocols'); // the built-ins' earlier versions, as the service worker knows them from its start
  return {
    protocols: { ...(await import('../../lib/protocols')), ...(await import('../../lib/protocols/read')) },
    settings: { ...(await import('../../lib/settings')), ...(await import('../../lib/settings/resolve')) },
    escalations: await import('../../lib/db/escalations'),
    backup: await import('../../lib/db/backup'),
    versions: await import('../../lib/escalation/versions'),
  };
}

describe('an organisation deploys its own protocol by policy', () => {
  it('as the only one: it is current, allowed and the default; schedules use its own calendar (Scotland)', async () => {
    const { protocols, settings } = await freshDevice();
    const policy = { protocols: [JSON.parse(GLEN_MORAY)], allowedProtocols: ['glen-moray'], defaultProtocol: 'glen-moray' };
    const resolved = settings.resolveSettings(policy, undefined);
    expect(resolved.warnings).toEqual([]);
    expect(resolved.values).toMatchObject({ allowedProtocols: ['glen-moray'], defaultProtocol: 'glen-moray' });
    expect(resolved.values.protocols.map((p) => p.id)).toEqual(['glen-moray']);
    expect(protocols.protocolCatalogue().find((e) => e.protocol.id === 'glen-moray')?.source).toBe('organisation');
    const { scheduleEscalation } = await import('../../lib/schedule/schedule');
    // Friday 27 Nov 2026: Step 1's 3 working days skip St Andrew's Day (Monday 30 Nov, Scotland only).
    const due = scheduleEscalation({
      protocolId: 'glen-moray',
      concernRaisedAt: '2026-11-26T10:00:00Z',
      stages: [
        { stageId: 'initial', enteredAt: '2026-11-26T10:00:00Z' },
        { stageId: 'stage-1', enteredAt: '2026-11-27T10:00:00Z' },
      ],
    }).stages[1]!;
    expect(Object.fromEntries(due.clocks.map((c) => [c.id, c.due]))).toEqual({
      'team-leaders-told': '2026-11-27',
      'team-leaders-meet': '2026-12-03',
      'whole-process': '2026-12-21', // 15 working days, St Andrew's Day not counted
    });
  });

  it('an invalid one is ignored with a warning naming it and the problem; the valid ones and the other settings stand', async () => {
    const { protocols, settings } = await freshDevice();
    const broken = { ...JSON.parse(GLEN_MORAY), id: 'broken-one', title: '<b>Broken</b>' };
    const resolved = settings.resolveSettings({ protocols: [broken, JSON.parse(GLEN_MORAY)], retentionMonths: 24 }, undefined);
    expect(resolved.warnings).toEqual([
      expect.stringMatching(
        /^Your organisation’s protocol 1 is not valid and was ignored \(Protocol "broken-one" is not valid: title: must be plain text, not HTML.*Tell your IT team\.$/,
      ),
    ]);
    expect(resolved.values.retentionMonths).toBe(24);
    expect(protocols.listProtocols().map((p) => p.id)).toContain('glen-moray');
    expect(protocols.listProtocols().map((p) => p.id)).not.toContain('broken-one');
    // A policy that no longer deploys it: no longer current (escalations that follow it keep their copy).
    settings.resolveSettings({ retentionMonths: 24 }, undefined);
    expect(protocols.listProtocols().map((p) => p.id)).not.toContain('glen-moray');
    expect(protocols.getProtocol('glen-moray', '1').partnership).toMatch(/Glen Moray/);
  });
});

describe('a backup carries the protocol versions its escalations follow', () => {
  it('so an escalation under an imported protocol shows the same deadlines on another device', async () => {
    const here = await freshDevice();
    here.protocols.setProtocols('imported', [here.protocols.readProtocolFile(GLEN_MORAY)]);
    const db = await freshDb();
    const e = await here.escalations.createEscalation(db, newEscalation('glen-moray'), at);
    const moved = await here.escalations.recordEvent(db, e.id, { type: 'stage-entered', stageId: 'stage-1', reason: 'unresolved' }, at);
    const file = JSON.stringify(await here.backup.exportBackup(db));
    expect(JSON.parse(file).protocols.map((p: { id: string; version: string }) => `${p.id}@${p.version}`)).toEqual(['glen-moray@1']);

    const there = await freshDevice();
    expect(() => there.protocols.getProtocol('glen-moray', '1')).toThrow(/not on this device/);
    const kept: string[] = [];
    const target = await freshDb();
    const report = await there.backup.importBackup(target, file, async (list) => void kept.push(...list.map((p) => p.id)));
    expect(report).toMatchObject({ added: [e.id], rejected: [], protocolsRejected: [] });
    expect(kept).toEqual(['glen-moray']);
    expect((await target.escalations.get(e.id))?.nextDue).toBe(moved.nextDue);
  });

  it('a protocol in a backup that differs from this device’s under the same version is reported, not kept', async () => {
    const there = await freshDevice();
    const db = await freshDb();
    await there.escalations.createEscalation(db, newEscalation('herefordshire'), at);
    const backup = await there.backup.exportBackup(db);
    const changed = structuredClone(backup.protocols![0]!) as { stages: { title: string }[] };
    changed.stages[1]!.title = 'Renamed';
    const report = await there.backup.importBackup(await freshDb(), JSON.stringify({ ...backup, protocols: [changed] }));
    expect(report.protocolsRejected).toEqual([
      expect.stringMatching(/protocol 1: version 2 of “herefordshire” is already installed with different content/),
    ]);
    expect(report.added).toHaveLength(1); // it follows this device's own version 2 (the built-in since issue 36)
  });
});

describe('comparing an escalation’s version with the current one', () => {
  it('shows both versions’ deadlines for every stage, and nothing once it follows the current one', async () => {
    const { protocols, escalations, versions } = await freshDevice();
    const v1 = protocols.readProtocolFile(GLEN_MORAY);
    protocols.setProtocols('imported', [v1]);
    const db = await freshDb();
    const e = await escalations.createEscalation(db, newEscalation('glen-moray'), at);
    const atStep1 = await escalations.recordEvent(db, e.id, { type: 'stage-entered', stageId: 'stage-1', reason: 'unresolved' }, at);
    expect(versions.newerVersion(atStep1)).toBeNull();
    // Version 2: team leaders are told by the next working day, no longer the same day.
    const v2 = protocols.readProtocolFile(
      GLEN_MORAY.replace('"version": "1"', '"version": "2"').replace('"kind": "same-working-day"', '"kind": "next-working-day"'),
    );
    protocols.setProtocols('imported', [v2]);
    expect(versions.newerVersion(atStep1)).toEqual({ following: '1', current: '2' });
    const comparison = versions.compareVersions(atStep1)!;
    expect(comparison.cannotMove).toBeUndefined();
    // Step 1 entered Monday 23 Nov: team leaders told that day under version 1, by the next working day under version 2.
    const row = (stageId: string, clockId: string) => comparison.clocks.find((c) => c.stageId === stageId && c.clockId === clockId);
    expect(row('stage-1', 'team-leaders-told')).toMatchObject({ following: '2026-11-23', current: '2026-11-24', isCurrentStage: true });
    expect(row('stage-1', 'team-leaders-meet')).toMatchObject({ following: '2026-11-26', current: '2026-11-26' });
    // Step 2 is not reached: its own clock is not running under either; the whole-process clock (from Step 1) is.
    expect(row('stage-2', 'service-managers-respond')).toMatchObject({ following: null, current: null });
    expect(row('stage-2', 'whole-process')).toMatchObject({ following: '2026-12-15', current: '2026-12-15' });
    expect(comparison.clocks.map((c) => c.stageId)).toEqual([
      'initial',
      'stage-1',
      'stage-1',
      'stage-1',
      'stage-2',
      'stage-2',
      'stage-3',
      'stage-3',
    ]);
    const moved = await escalations.recordEvent(db, e.id, { type: 'protocol-version-moved', from: '1', to: '2' }, at);
    expect(atStep1.nextDue).toBe('2026-11-23');
    expect(moved.nextDue).toBe('2026-11-24');
    expect(versions.newerVersion(moved)).toBeNull();
  });
});

describe('a protocol’s own forms', () => {
  it('are offered after the case note and render like the built-in ones, escaping what was typed', async () => {
    const { protocols, escalations } = await freshDevice();
    const templates = await import('../../lib/case-notes/render');
    protocols.setProtocols('imported', [protocols.readProtocolFile(GLEN_MORAY)]);
    const db = await freshDb();
    const e = await escalations.createEscalation(
      db,
      newEscalation('glen-moray', { summary: 'Threshold <script>alert(1)</script> & "quotes"' }),
      at,
    );
    expect(templates.templatesFor(e).map((t) => t.id)).toEqual(['case-note', 'glen-moray-escalation-form']);
    const form = templates.getTemplate('glen-moray-escalation-form', e);
    const doc = templates.renderTemplate(form, templates.factsFor(e, await escalations.getHistory(db, e.id), new Date(MON)));
    const text = templates.toPlainText(doc);
    expect(text).toContain('Send to:\n- Glen Moray and Strathbeg CPC lead officer: cpc@example.org');
    expect(text).toContain(`Child's ID: 1000001`);
    const html = templates.toHtml(doc);
    expect(html).toContain('Threshold &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(html).not.toContain('<script>');
  });
});

describe('removing an imported protocol', () => {
  it('counts the open escalations that follow it (removal is refused while there are any)', async () => {
    const { protocols, escalations } = await freshDevice();
    protocols.setProtocols('imported', [protocols.readProtocolFile(GLEN_MORAY)]);
    const db = await freshDb();
    const first = await escalations.createEscalation(db, newEscalation('glen-moray'), at);
    await escalations.createEscalation(db, newEscalation('glen-moray', { child: { hostId: 'demo', childId: '1000002' } }), at);
    await escalations.createEscalation(db, newEscalation('herefordshire'), at);
    const v1 = { id: 'glen-moray', version: '1' };
    expect(await escalations.openEscalationsFollowing(db, v1)).toBe(2);
    await escalations.recordEvent(db, first.id, { type: 'withdrawn', reason: 'Raised in error' }, at);
    expect(await escalations.openEscalationsFollowing(db, v1)).toBe(1);
    // Another version of it is followed by none of them.
    expect(await escalations.openEscalationsFollowing(db, { id: 'glen-moray', version: '2' })).toBe(0);
  });
});

describe('an escalation whose protocol version is not on this device', () => {
  it('says so and how to get it, rather than showing another version’s deadlines', async () => {
    const { versions } = await freshDevice();
    expect(versions.versionMissing({ protocolId: 'glen-moray', protocolVersion: '3' })).toMatch(
      /^Version "3" of protocol "glen-moray" is not on this device; restore a backup that carries it, or import that version \(Options → Protocols\)\. Its deadlines are not shown/,
    );
    expect(versions.versionMissing({ protocolId: 'halton' })).toBeNull();
  });
});

describe('a protocol a worker imports, with no policy', () => {
  it('is offered for new escalations: when nobody set the allowed list, every protocol on the device is allowed', async () => {
    const { protocols, settings } = await freshDevice();
    const resolved = settings.resolveSettings(undefined, undefined);
    expect(settings.protocolsAllowed(resolved)).toEqual(['pan-cheshire', 'halton', 'enfield', 'pan-sussex', 'herefordshire']);
    protocols.setProtocols('imported', [protocols.readProtocolFile(GLEN_MORAY)]);
    expect(settings.protocolsAllowed(resolved)).toContain('glen-moray');
    // An organisation's list stands as set.
    expect(settings.protocolsAllowed(settings.resolveSettings({ allowedProtocols: ['halton'] }, undefined))).toEqual(['halton']);
  });
});

describe('time left, on the protocol’s own calendar', () => {
  it('the chip counts working days left without St Andrew’s Day for a Scottish protocol', async () => {
    const { protocols } = await freshDevice();
    protocols.setProtocols('imported', [protocols.readProtocolFile(GLEN_MORAY)]);
    const { childStatus } = await import('../../lib/background/child-status');
    const open = {
      status: 'open',
      protocolId: 'glen-moray',
      protocolVersion: '1',
      currentStage: 'stage-1',
      nextDue: '2026-12-01',
      nextDueAt: '2026-12-01T23:59:59.999Z',
    };
    // Friday 27 Nov 2026, morning: Monday 30 Nov is not a working day in Scotland; Tuesday 1 Dec is the next.
    const now = new Date('2026-11-27T10:00:00Z');
    expect(childStatus([open as never], now).text).toBe('Step 1 · due by the end of the next working day');
    expect(childStatus([{ ...open, protocolId: 'herefordshire', currentStage: 'stage-1' } as never], now).text).toMatch(
      /2 working days left/,
    );
  });
});
