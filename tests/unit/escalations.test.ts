import { describe, expect, it } from 'vitest';
import { createEscalation, getHistory, live, overdueEscalations, recordEvent } from '../../lib/db/escalations';
import { InvalidInputError, TransitionError } from '../../lib/records/errors';
import { getProtocol, listProtocols, setProtocols } from '../../lib/protocols';
import { parseProtocol } from '../../lib/protocols/read';
import { deriveEscalation } from '../../lib/records/derive';
import { clockOf } from '../../lib/records/order';
import { EVENT_TYPES } from '../../lib/records/model';
import { freshDb, MON, newEscalation } from './fixtures/escalations';

const at = (iso: string) => ({ at: iso, by: 'Jo Patel' });

describe('starting an escalation', () => {
  it('writes a created event and the derived state, with the first stage and its due date', async () => {
    const db = await freshDb();
    const e = await createEscalation(db, newEscalation('pan-cheshire'), at(MON));
    expect(e).toMatchObject({ status: 'open', currentStage: 'initial', protocolId: 'pan-cheshire', lastSeq: 1, nextDue: '2026-11-24' });
    expect(e.reference).toMatch(/^ESC-[A-Z2-9]{6}$/);
    expect(await db.escalations.get(e.id)).toEqual(e);
    expect((await getHistory(db, e.id)).map((ev) => ev.type)).toEqual(['created']);
  });

  it('refuses missing or malformed fields, naming each, and writes nothing', async () => {
    const db = await freshDb();
    const bad = newEscalation('halton', { counterparts: [{ name: '', role: 'GP', agency: 'Practice' }], concernRaisedAt: 'yesterday' });
    const error = await createEscalation(db, bad).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.problems).toEqual(
      expect.arrayContaining([
        { path: 'counterparts.0.name', message: 'is required' },
        { path: 'concernRaisedAt', message: 'must be an ISO 8601 date and time' },
      ]),
    );
    expect(await db.escalations.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
  });

  it('refuses an unknown protocol and a concern dated in the future', async () => {
    const db = await freshDb();
    await expect(createEscalation(db, newEscalation('kent'))).rejects.toThrow(/Unknown protocol "kent"/);
    await expect(createEscalation(db, newEscalation('halton', { concernRaisedAt: '2026-12-01T10:00:00Z' }), at(MON))).rejects.toThrow(
      /later than now/,
    );
  });

  it('Sussex may start at a later stage for immediate risk, with the skipped stages recorded; others may not', async () => {
    const db = await freshDb();
    const sussex = await createEscalation(
      db,
      newEscalation('pan-sussex', { startStage: 'stage-3', startReason: 'immediate-risk', agreedDays: 1 }),
      at(MON),
    );
    expect(sussex.stages[0]).toMatchObject({ stageId: 'stage-3', reason: 'immediate-risk', skipped: ['stage-1', 'stage-2'] });
    await expect(
      createEscalation(db, newEscalation('pan-sussex', { startStage: 'stage-3', startReason: 'unresolved', agreedDays: 1 }), at(MON)),
    ).rejects.toThrow(/immediate risk/);
    await expect(
      createEscalation(db, newEscalation('herefordshire', { startStage: 'stage-2', startReason: 'immediate-risk' }), at(MON)),
    ).rejects.toThrow(/does not allow passing over stages/);
  });

  it('a Sussex stage refuses to start without a stated timeframe, quoting the rule', async () => {
    const db = await freshDb();
    await expect(createEscalation(db, newEscalation('pan-sussex'), at(MON))).rejects.toThrow(/clearly state the timeframe/);
  });
});

describe('walking every protocol to its top stage and resolving it', () => {
  for (const protocol of listProtocols()) {
    it(protocol.id, async () => {
      const db = await freshDb();
      const needsDays = protocol.id === 'pan-sussex';
      let e = await createEscalation(db, newEscalation(protocol.id, needsDays ? { agreedDays: 2 } : {}), at(MON));
      for (const stage of protocol.stages.slice(1)) {
        e = await recordEvent(
          db,
          e.id,
          { type: 'stage-entered', stageId: stage.id, reason: 'unresolved', ...(needsDays ? { agreedDays: 2 } : {}) },
          at(MON),
        );
        expect(e.currentStage).toBe(stage.id);
      }
      e = await recordEvent(
        db,
        e.id,
        { type: 'resolved', methodology: 'Resolution meeting', stageId: e.currentStage, lessonsLearned: 'Share plans early' },
        at(MON),
      );
      expect(e.status).toBe('resolved');
      expect(e.nextDueAt).toBeUndefined();
      expect(e.stages.map((s) => s.stageId)).toEqual(protocol.stages.map((s) => s.id));
      const history = await getHistory(db, e.id);
      expect(history.map(clockOf)).toEqual([...new Set(history.map(clockOf))].sort()); // each stamped after the last
      expect(deriveEscalation(history)).toEqual(e); // the stored state is exactly what the events add up to
    });
  }
});

describe('refused transitions write nothing and say why', () => {
  async function started(protocolId = 'herefordshire') {
    const db = await freshDb();
    const e = await createEscalation(db, newEscalation(protocolId), at(MON));
    return { db, e };
  }
  async function refused(db: Awaited<ReturnType<typeof freshDb>>, id: string, body: Parameters<typeof recordEvent>[2], message: RegExp) {
    const before = await db.events.count();
    const error = await recordEvent(db, id, body, at(MON)).catch((x) => x);
    expect(error).toBeInstanceOf(TransitionError);
    expect(error.message).toMatch(message);
    expect(await db.events.count()).toBe(before);
  }

  it('no stage entered twice, nor going back', async () => {
    const { db, e } = await started();
    await recordEvent(db, e.id, { type: 'stage-entered', stageId: 'stage-1', reason: 'unresolved' }, at(MON));
    await refused(db, e.id, { type: 'stage-entered', stageId: 'stage-1', reason: 'unresolved' }, /already been reached/);
    await refused(db, e.id, { type: 'stage-entered', stageId: 'initial', reason: 'unresolved' }, /already been reached/);
  });

  it('no skipping stages where the protocol does not allow it', async () => {
    const { db, e } = await started();
    await refused(db, e.id, { type: 'stage-entered', stageId: 'stage-3', reason: 'immediate-risk' }, /next stage is Stage 1/);
  });

  it('nothing after resolution but reopening (and recording the note of it)', async () => {
    const { db, e } = await started();
    await recordEvent(db, e.id, { type: 'resolved', methodology: 'Discussion', stageId: 'initial' }, at(MON));
    await refused(db, e.id, { type: 'stage-entered', stageId: 'stage-1', reason: 'unresolved' }, /resolved: reopen it/);
    await refused(db, e.id, { type: 'discussion-held', summary: 'Talked again' }, /resolved: reopen it/);
    await refused(db, e.id, { type: 'withdrawn', reason: 'x' }, /resolved/);
    await refused(db, e.id, { type: 'resolved', methodology: 'x', stageId: 'initial' }, /resolved/);
    await refused(db, e.id, { type: 'field-corrected', field: 'summary', oldValue: e.summary, newValue: 'y' }, /resolved/);
    await recordEvent(db, e.id, { type: 'note-copied', templateId: 'case-note-resolved', how: 'copied' }, at(MON));
    const reopened = await recordEvent(db, e.id, { type: 'reopened', reason: 'Agreed actions not done' }, at(MON));
    expect(reopened.status).toBe('open');
    expect(reopened.resolution).toBeUndefined();
    await refused(db, e.id, { type: 'reopened', reason: 'again' }, /already open/);
  });

  it('withdrawn escalations can be reopened only', async () => {
    const { db, e } = await started('enfield');
    await recordEvent(db, e.id, { type: 'withdrawn', reason: 'Raised on the wrong child' }, at(MON));
    await refused(db, e.id, { type: 'action-agreed', action: 'x', dueDay: '2026-11-30' }, /withdrawn/);
    expect((await recordEvent(db, e.id, { type: 'reopened', reason: 'Right child after all' }, at(MON))).status).toBe('open');
  });

  it('a timeframe only where the protocol has agreed timeframes, and for the current stage', async () => {
    const { db, e } = await started('enfield');
    await recordEvent(db, e.id, { type: 'stage-entered', stageId: 'stage-1', reason: 'unresolved' }, at(MON));
    await refused(db, e.id, { type: 'timeframe-agreed', stageId: 'stage-1', days: 3 }, /sets this stage's time limits itself/);
    const h = await started('herefordshire');
    await refused(h.db, h.e.id, { type: 'timeframe-agreed', stageId: 'stage-2', days: 3 }, /only for the current stage/);
  });

  it('duties must be the stage’s own, and done once', async () => {
    const { db, e } = await started();
    await recordEvent(db, e.id, { type: 'stage-entered', stageId: 'stage-1', reason: 'unresolved' }, at(MON));
    await refused(db, e.id, { type: 'duty-done', stageId: 'stage-1', dutyId: 'appendix-2' }, /not a duty of stage-1/);
    await recordEvent(db, e.id, { type: 'duty-done', stageId: 'stage-1', dutyId: 'notify-iro' }, at(MON));
    await refused(db, e.id, { type: 'duty-done', stageId: 'stage-1', dutyId: 'notify-iro' }, /already recorded/);
  });

  it('resolution only at a stage reached', async () => {
    const { db, e } = await started();
    await refused(db, e.id, { type: 'resolved', methodology: 'x', stageId: 'stage-4' }, /never reached/);
  });

  it('malformed event bodies are refused by validation', async () => {
    const { db, e } = await started();
    await expect(recordEvent(db, e.id, { type: 'action-agreed', action: '', dueDay: '30/11/2026' })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(recordEvent(db, e.id, { type: 'teleported' } as never)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(recordEvent(db, 'no-such-escalation-id', { type: 'discussion-held', summary: 'x' })).rejects.toThrow(/No escalation/);
  });
});

describe('timeframes and actions feed the due date', () => {
  it('an agreed timeframe earlier than the protocol limit brings the due date forward', async () => {
    const db = await freshDb();
    let e = await createEscalation(db, newEscalation('herefordshire'), at(MON));
    e = await recordEvent(db, e.id, { type: 'stage-entered', stageId: 'stage-1', reason: 'unresolved' }, at(MON));
    expect(e.nextDue).toBe('2026-11-26');
    e = await recordEvent(db, e.id, { type: 'timeframe-agreed', stageId: 'stage-1', days: 1 }, at('2026-11-23T15:00:00Z'));
    expect(e.nextDue).toBe('2026-11-24');
    expect(e.nextDueAt).toBe('2026-11-25T00:00:00.000Z');
    e = await recordEvent(
      db,
      e.id,
      { type: 'action-agreed', action: 'Health visitor to share the latest assessment', dueDay: '2026-11-25' },
      at(MON),
    );
    expect(e.actions).toEqual([expect.objectContaining({ action: 'Health visitor to share the latest assessment', dueDay: '2026-11-25' })]);
  });

  it('the overdue query finds open escalations past due and not closed ones', async () => {
    const db = await freshDb();
    const late = await createEscalation(db, newEscalation('pan-cheshire'), at(MON)); // due 24 Nov
    const closed = await createEscalation(db, newEscalation('pan-cheshire'), at(MON));
    await recordEvent(db, closed.id, { type: 'resolved', methodology: 'Discussion', stageId: 'initial' }, at(MON));
    await createEscalation(db, newEscalation('herefordshire'), at(MON)); // no clock at the initial discussion
    const overdue = await overdueEscalations(db, new Date('2026-11-26T09:00:00Z'));
    expect(overdue.map((e) => e.id)).toEqual([late.id]);
    expect(await overdueEscalations(db, new Date('2026-11-24T09:00:00Z'))).toEqual([]);
  });
});

describe('corrections never erase history', () => {
  it('keeps the old and the new value as an event and changes the state', async () => {
    const db = await freshDb();
    const e = await createEscalation(db, newEscalation('halton'), at(MON));
    const fixed = await recordEvent(
      db,
      e.id,
      {
        type: 'field-corrected',
        field: 'counterparts',
        oldValue: e.counterparts,
        newValue: [{ name: 'Sam Reed', role: 'Health Visitor', agency: 'Community Health' }],
      },
      at(MON),
    );
    expect(fixed.counterparts[0]!.name).toBe('Sam Reed');
    const history = await getHistory(db, e.id);
    expect(history[1]).toMatchObject({ type: 'field-corrected', oldValue: [expect.objectContaining({ name: 'Sam Reid' })] });
    expect(history[0]).toMatchObject({
      type: 'created',
      escalation: expect.objectContaining({ counterparts: [expect.objectContaining({ name: 'Sam Reid' })] }),
    });
  });

  it('refuses a correction made against a value that has since changed, or an invalid new value', async () => {
    const db = await freshDb();
    const e = await createEscalation(db, newEscalation('halton'), at(MON));
    await recordEvent(db, e.id, { type: 'field-corrected', field: 'summary', oldValue: e.summary, newValue: 'First fix' }, at(MON));
    await expect(
      recordEvent(db, e.id, { type: 'field-corrected', field: 'summary', oldValue: e.summary, newValue: 'Second fix' }, at(MON)),
    ).rejects.toThrow(/has changed since/);
    await expect(
      recordEvent(db, e.id, { type: 'field-corrected', field: 'child.dateOfBirth', oldValue: undefined, newValue: '31/02/2015' }, at(MON)),
    ).rejects.toThrow(/child.dateOfBirth must be a date/);
  });

  it('a concern date corrected into the past moves the clocks', async () => {
    const db = await freshDb();
    const e = await createEscalation(db, newEscalation('pan-cheshire'), at(MON));
    const fixed = await recordEvent(
      db,
      e.id,
      { type: 'field-corrected', field: 'concernRaisedAt', oldValue: MON, newValue: '2026-11-19T10:00:00Z' },
      at(MON),
    );
    expect(fixed.nextDue).toBe('2026-11-20');
  });
});

describe('concurrent writers', () => {
  it('two edits of the same escalation at once both land as events', async () => {
    const db = await freshDb();
    const e = await createEscalation(db, newEscalation('herefordshire'), at(MON));
    await Promise.all([
      recordEvent(db, e.id, { type: 'discussion-held', summary: 'Call with the health visitor' }, at(MON)),
      recordEvent(db, e.id, { type: 'action-agreed', action: 'Send the assessment', dueDay: '2026-11-25' }, at(MON)),
      recordEvent(db, e.id, { type: 'response-received', summary: 'Health agreed to review' }, at(MON)),
    ]);
    const history = await getHistory(db, e.id);
    expect(new Set(history.map(clockOf)).size).toBe(4); // each stamped after the one it followed
    expect(new Set(history.map((h) => h.type))).toEqual(new Set(['created', 'discussion-held', 'action-agreed', 'response-received']));
    expect((await db.escalations.get(e.id))!.lastSeq).toBe(4);
  });

  it('two connections (two tabs) writing at once both land', async () => {
    const db = await freshDb();
    const other = await (await import('../../lib/db')).openEscalationDb({ name: db.name });
    const e = await createEscalation(db, newEscalation('halton'), at(MON));
    await Promise.all([
      recordEvent(db, e.id, { type: 'discussion-held', summary: 'Tab one' }, at(MON)),
      recordEvent(other, e.id, { type: 'discussion-held', summary: 'Tab two' }, at(MON)),
    ]);
    expect((await getHistory(db, e.id)).length).toBe(3);
  });
});

describe('live queries', () => {
  it('see a change made through another connection', async () => {
    const db = await freshDb();
    const other = await (await import('../../lib/db')).openEscalationDb({ name: db.name });
    const e = await createEscalation(db, newEscalation('halton'), at(MON));
    const seen: string[] = [];
    const done = new Promise<void>((resolve) => {
      const sub = live.escalation(db, e.id).subscribe((value) => {
        seen.push(value?.currentStage ?? 'none');
        if (value?.currentStage === 'stage-1') {
          sub.unsubscribe();
          resolve();
        }
      });
    });
    await new Promise((r) => setTimeout(r, 20));
    await recordEvent(other, e.id, { type: 'stage-entered', stageId: 'stage-1', reason: 'unresolved' }, at(MON));
    await done;
    expect(seen).toEqual(['initial', 'stage-1']);
  });
});

describe('a newer version of a protocol never moves a running deadline', () => {
  /** Herefordshire as a partnership might reissue it (the built-in is version 2): Stage 1's 3 working days become 5. */
  function herefordshireVersion2() {
    const v2 = structuredClone(getProtocol('herefordshire')) as Record<string, unknown> & { stages: { clocks: { days?: number }[] }[] };
    v2.version = '3';
    v2.stages[1]!.clocks[0]!.days = 5;
    return parseProtocol(v2);
  }

  it('keeps the version it started under until the worker moves it, then follows the new one', async () => {
    const db = await freshDb();
    const started = await createEscalation(db, newEscalation('herefordshire'), at(MON));
    const atStage1 = await recordEvent(db, started.id, { type: 'stage-entered', stageId: 'stage-1', reason: 'unresolved' }, at(MON));
    expect(atStage1).toMatchObject({ protocolVersion: '2', nextDue: '2026-11-26' }); // Monday + 3 working days
    setProtocols('imported', [herefordshireVersion2()]);
    try {
      expect(getProtocol('herefordshire').version).toBe('3');
      // Any later change re-derives the state: still version 2's deadline.
      const after = await recordEvent(db, started.id, { type: 'discussion-held', summary: 'Spoke again' }, at(MON));
      expect(after).toMatchObject({ protocolVersion: '2', nextDue: '2026-11-26' });
      // A new escalation follows the current version.
      expect((await createEscalation(db, newEscalation('herefordshire'), at(MON))).protocolVersion).toBe('3');
      await expect(recordEvent(db, started.id, { type: 'protocol-version-moved', from: '3', to: '2' }, at(MON))).rejects.toThrow(
        /follows version 2, not 3/,
      );
      const moved = await recordEvent(db, started.id, { type: 'protocol-version-moved', from: '2', to: '3' }, at(MON));
      expect(moved).toMatchObject({ protocolVersion: '3', nextDue: '2026-11-30' }); // Monday + 5 working days
      await expect(recordEvent(db, started.id, { type: 'protocol-version-moved', from: '3', to: '7' }, at(MON))).rejects.toThrow(
        /Version "7" of protocol "herefordshire" is not on this device/,
      );
      expect((await getHistory(db, started.id)).map((e) => e.type)).toEqual([
        'created',
        'stage-entered',
        'discussion-held',
        'protocol-version-moved',
      ]);
    } finally {
      setProtocols('imported', []);
    }
    // The current version is the built-in again, and version 3 is still known for the escalation that follows it.
    expect(getProtocol('herefordshire').version).toBe('2');
    expect((await db.escalations.get(started.id))?.nextDue).toBe('2026-11-30');
  });

  it('a history written before protocols had versions follows the first version', () => {
    const state = deriveEscalation([
      {
        type: 'created',
        escalation: newEscalation('herefordshire') as never,
        reference: 'ESC-ABCDEF',
        id: 'legacy-event-1',
        escalationId: 'legacy-escalation',
        seq: 1,
        at: MON,
        by: 'Jo Patel',
      },
    ]);
    expect(state.protocolVersion).toBe('1');
  });
});

it('every event type is exercised by these tests', async () => {
  const source = (await import('node:fs')).readFileSync(__filename, 'utf8');
  for (const type of EVENT_TYPES) expect(source, type).toContain(`type: '${type}'`);
});

// Issue 36: second-edition protocols record answers to their questions and milestones their clocks count from.
describe('facts and milestones', () => {
  it('an answer must be one of the protocol’s questions, answered as it allows; a milestone needs its stage reached and a past time', async () => {
    const db = await freshDb();
    const e = await createEscalation(db, newEscalation('enfield'), at(MON));
    await expect(recordEvent(db, e.id, { type: 'fact-recorded', factId: 'no-such-question', value: true }, at(MON))).rejects.toThrow(
      /asks no question “no-such-question”/,
    );
    await expect(recordEvent(db, e.id, { type: 'fact-recorded', factId: 'cross-borough', value: 'maybe' }, at(MON))).rejects.toThrow(
      /answered yes or no/,
    );
    const answered = await recordEvent(db, e.id, { type: 'fact-recorded', factId: 'cross-borough', value: true }, at(MON));
    expect(answered.facts).toEqual({ 'cross-borough': true });
    await expect(
      recordEvent(db, e.id, { type: 'milestone', milestone: 'meeting-held', stageId: 'stage-2', happenedAt: MON }, at(MON)),
    ).rejects.toThrow(/stage-2 has not been reached/);
    await expect(
      recordEvent(
        db,
        e.id,
        { type: 'milestone', milestone: 'acknowledged', stageId: 'initial', happenedAt: '2026-11-24T10:00:00Z' },
        at(MON),
      ),
    ).rejects.toThrow(/later than now/);
    const held = await recordEvent(
      db,
      e.id,
      { type: 'milestone', milestone: 'acknowledged', stageId: 'initial', happenedAt: MON },
      at(MON),
    );
    expect(held.milestones).toEqual([{ milestone: 'acknowledged', stageId: 'initial', at: MON }]);
  });
});
