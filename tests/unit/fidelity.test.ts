// Protocol fidelity: each test names the sentence of the partnership's document it encodes, so a
// misreading shows up as a failing test with the words beside it. (Issue 13, review of 2026-11-23.)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEscalation, getHistory, recordEvent } from '../../lib/db/escalations';
import { ladderView } from '../../lib/escalation/ladder';
import { getProtocol, getStage, listProtocols } from '../../lib/protocols';
import { scheduleEscalation, setsNoTimescale } from '../../lib/schedule/schedule';
import { resolveSettings } from '../../lib/settings/resolve';
import { factsFor, getTemplate, referenceLine, renderTemplate, templatesFor, toPlainText, toTsv, BLANK } from '../../lib/case-notes/render';
import { freshDb, MON, newEscalation } from './fixtures/escalations';

const clockIds = (protocolId: string, stageId: string) => getStage(getProtocol(protocolId), stageId).clocks.map((c) => c.id);
const dutyIds = (protocolId: string, stageId: string) => getStage(getProtocol(protocolId), stageId).duties.map((d) => d.id);
const stageDue = (protocolId: string, stages: { stageId: string; enteredAt: string; agreedDays?: number }[], stageId: string) =>
  scheduleEscalation({ protocolId, concernRaisedAt: MON, stages }).stages.find((s) => s.stageId === stageId)!;

// A sentence founds a clock only if it says how long: a number of days or hours, "same working day",
// "next working day", or "Day N".
const TIME_EXPRESSION = /\b\d+\s*(?:-\s*\d+\s*)?(?:working\s+)?(?:days?|hours?)\b|same working day|next working day|\bday\s+\d+/i;

describe('no clock quotes a sentence without a time in it', () => {
  for (const protocol of listProtocols()) {
    const clocks = [...protocol.stages.flatMap((s) => s.clocks), ...protocol.clocks];
    it(`${protocol.id}: ${clocks.length} clocks`, () => {
      for (const clock of clocks) {
        // A timeframe agreed between the people involved is exempt: the document asks them to agree it.
        if (clock.kind === 'agreed') continue;
        expect(clock.quote, clock.id).toMatch(TIME_EXPRESSION);
      }
    });
  }

  it('the rule itself tells a time from a sentence without one', () => {
    expect('within 48 hours of the concern arising').toMatch(TIME_EXPRESSION);
    expect('Stage 1 should be completed within 1-3 working days').toMatch(TIME_EXPRESSION);
    expect('must be completed no later than by Day 8 from the initial concern').toMatch(TIME_EXPRESSION);
    expect('Professional disagreement is only dysfunctional if not resolved in a constructive and timely fashion.').not.toMatch(
      TIME_EXPRESSION,
    );
  });
});

describe('deadlines', () => {
  it('Enfield: "The line managers should be informed the same working day." runs from entering Stage 1, not the concern', () => {
    expect(clockIds('enfield', 'initial')).not.toContain('line-managers-same-day');
    expect(clockIds('enfield', 'stage-1')).toContain('line-managers-same-day');
    // Concern on Monday 23 Nov; still at practitioner level: no clock runs, so nothing is overdue on Tuesday.
    expect(stageDue('enfield', [{ stageId: 'initial', enteredAt: MON }], 'initial').due).toBeNull();
    // Practitioners fail to agree on Thursday 26 Nov: the line managers are told that day.
    const s1 = stageDue(
      'enfield',
      [
        { stageId: 'initial', enteredAt: MON },
        { stageId: 'stage-1', enteredAt: '2026-11-26T15:00:00Z' },
      ],
      'stage-1',
    );
    expect(s1.clocks.find((c) => c.id === 'line-managers-same-day')!.due).toBe('2026-11-26');
  });

  it('Halton sets no timescale: an agreed date is the parties’ agreement and quotes nothing of the document', () => {
    const halton = getProtocol('halton');
    for (const stage of halton.stages.slice(1)) {
      expect(setsNoTimescale(halton, stage.id), stage.id).toBe(true);
      for (const clock of stage.clocks) {
        expect(clock.kind === 'agreed' && clock.setBy).toBe('parties');
        expect(clock.quote).toBeUndefined();
        expect(clock.label).toBe('Timeframe agreed between you');
      }
    }
    expect(JSON.stringify(halton)).not.toContain('only dysfunctional if not resolved');
    const s1 = stageDue(
      'halton',
      [
        { stageId: 'initial', enteredAt: MON },
        { stageId: 'stage-1', enteredAt: MON, agreedDays: 3 },
      ],
      'stage-1',
    );
    expect(s1.clocks[0]).toMatchObject({ due: '2026-11-26', agreedBetweenYou: true });
  });

  it('Halton: a case note calls an agreed date the parties’ agreement, not a deadline', async () => {
    const db = await freshDb();
    const e = await createEscalation(db, newEscalation('halton'), { at: MON });
    const moved = await recordEvent(
      db,
      e.id,
      { type: 'stage-entered', stageId: 'stage-1', reason: 'unresolved', agreedDays: 3 },
      { at: MON },
    );
    const facts = factsFor(moved, await getHistory(db, e.id), new Date(MON));
    expect(facts.nextDue).toBe(
      'Manager/Named Professional with responsibilities for Safeguarding: due Thu 26 Nov 2026 (agreed between you; the protocol sets no timescale)',
    );
  });

  it('Herefordshire: "these are indicative timeframes and, in some cases, the matter will require a swifter response"', () => {
    const note = getProtocol('herefordshire').timescalesNote!;
    expect(note.quote).toContain('indicative timeframes');
    expect(note.text).toContain('Do not delay if inaction will increase the risk to a child');
  });

  it('Herefordshire: "a referral must be made to the Local Authority Designated Officer (LADO) within 24 hours" is a note, not a stage clock', () => {
    const h = getProtocol('herefordshire');
    expect(h.notes.map((n) => n.quote).join()).toContain('(LADO) within 24 hours');
    expect(h.stages.flatMap((s) => s.clocks).some((c) => c.quote?.includes('LADO'))).toBe(false);
  });
});

describe('who acts', () => {
  it('Pan-Cheshire Step 2: the actor is each agency’s DSL; SCiE, Named Doctor… are who a line manager who is also the DSL "should seek support from"', () => {
    const step2 = getStage(getProtocol('pan-cheshire'), 'stage-2');
    expect(step2.who).toBe("Each agency's Designated Safeguarding Lead");
    expect(step2.byAgency).toEqual([]);
    const support = step2.notes.find((n) => n.byAgency)!;
    expect(support.quote).toContain('should seek support from the following at Step 3');
    expect(support.text).toMatch(/lists them under Step 2.*“at Step 3”/);
    expect(support.byAgency!.map((a) => a.role)).toContain('Safeguarding Children in Education Team (SCiE)');
  });

  it('Halton Stage 1 names both the line manager (2.4) and the designated safeguarding professional (flow chart)', () => {
    const s1 = getStage(getProtocol('halton'), 'stage-1');
    expect(s1.who).toMatch(/line manager.*designated professional with responsibilities for safeguarding/);
    expect(s1.notes.map((n) => n.quote)).toContain(
      'The respected professionals must refer the disagreement to their own designated professional in their organisation, who has responsibilities for safeguarding.',
    );
  });

  it('Halton’s Unit Manager stage and Pan-Sussex Stages 4–5 carry their alternative triggers ("significant policy issues", "a number of similar concerns")', () => {
    // Halton version 2 puts Appendix A's Next Level Management at stage-2: the Unit Manager is stage-4.
    expect(
      getStage(getProtocol('halton'), 'stage-4')
        .triggers.map((t) => t.quote)
        .join(),
    ).toContain('and /or the discussion has raised significant policy issues');
    expect(
      getStage(getProtocol('pan-sussex'), 'stage-4')
        .triggers.map((t) => t.text)
        .join(),
    ).toContain('significant policy issues');
    const s5 = getStage(getProtocol('pan-sussex'), 'stage-5')
      .triggers.map((t) => t.quote)
      .join();
    expect(s5).toContain('significant policy/procedure issues');
    expect(s5).toContain('a number of similar concerns or disagreements have been recorded');
  });

  it('Enfield’s seniority table: the Commissioning Orgs & Primary Care column, Provider Executive Lead at Level 4, no guessed words', () => {
    const table = getProtocol('enfield').seniority!;
    expect(table.agencies).toContain('Commissioning Orgs & Primary Care');
    expect(table.levels[2]!['Commissioning Orgs & Primary Care']).toBe('Designated Doctor / Named GP');
    expect(table.levels[3]!['Community Health']).toBe('Provider Executive Lead');
    expect(table.levels[0]!['Early Help']).toBe('Early Help / Family');
    // Cells that cannot be read are flagged, not guessed.
    expect(table.illegible.filter((c) => c.agency === 'Commissioning Orgs & Primary Care').map((c) => c.level)).toEqual([1, 2, 4]);
    for (const cell of table.illegible) expect(table.levels[cell.level - 1]![cell.agency]).toBeUndefined();
  });
});

describe('immediate risk: each protocol’s own route', () => {
  const route = (id: string) =>
    getProtocol(id)
      .immediateRisk.steps.map((s) => s.text)
      .join(' ');
  it('only Halton and Herefordshire say "the same working day"', () => {
    for (const p of listProtocols()) {
      const says = /same working day/.test(route(p.id));
      expect(says, p.id).toBe(p.id === 'halton' || p.id === 'herefordshire');
      expect(p.immediateRisk.sameWorkingDay, p.id).toBe(says);
    }
  });
  it('Pan-Cheshire: the front door; Enfield: 999, MASH, out of hours; Pan-Sussex: any stage and its child-protection route', () => {
    expect(route('pan-cheshire')).toContain('children’s social care front door');
    expect(route('enfield')).toMatch(/999.*MASH on 0208 379 5555.*020 8379 1000/);
    expect(route('pan-sussex')).toMatch(/act without delay/i);
    expect(route('pan-sussex')).toContain('Start at whichever stage fits the risk');
    expect(route('pan-sussex')).toContain('Resolving Professional Differences in the Child Protection Process');
  });
});

describe('duties', () => {
  it('on resolution: Herefordshire re-submits Appendix 2; Halton and Enfield refer learning; shown in the resolution case note', async () => {
    expect(getProtocol('herefordshire').onResolution[0]!.quote).toContain('re-submitting it when the issue is resolved');
    expect(getProtocol('halton').onResolution[0]!.quote).toContain('referred to the Multi Agency Safeguarding Children');
    expect(getProtocol('enfield').onResolution[0]!.quote).toContain('Practice Improvement group');
    const db = await freshDb();
    const e = await createEscalation(db, newEscalation('herefordshire'), { at: MON });
    const note = (x: Awaited<ReturnType<typeof recordEvent>>) =>
      toPlainText(renderTemplate(getTemplate('case-note'), factsFor(x, [], new Date(MON)), referenceLine(x)));
    expect(note(e)).not.toContain('Now it is resolved');
    const resolved = await recordEvent(db, e.id, { type: 'resolved', methodology: 'Meeting', stageId: 'initial' }, { at: MON });
    expect(note(resolved)).toContain(
      'Now it is resolved, the protocol asks:\n- Update the Report to HSCP (Section C) and re-submit it to the Partnership Team.',
    );
  });

  it('Enfield: the business unit is copied in at Step 4 whatever the level; before that only for "Level 4 or above intervention"', () => {
    const step4 = getStage(getProtocol('enfield'), 'stage-4').duties;
    expect(step4.find((d) => d.quote.includes('business unit'))!.onlyIf).toBeUndefined();
    for (const stageId of ['stage-2', 'stage-3']) {
      // Version 2 asks the question and records the answer (issue 36): a fact, no longer a condition the worker judges unrecorded.
      expect(getStage(getProtocol('enfield'), stageId).duties.find((d) => d.id === 'level-4-shared')!.onlyIf).toEqual({
        fact: 'level-4-or-above',
        is: true,
      });
    }
  });

  it('Pan-Cheshire Step 1: "manager away → their equivalent or immediate line manager" and "unresolved → notify your DSL"', () => {
    const s1 = getStage(getProtocol('pan-cheshire'), 'stage-1');
    expect(s1.notes.map((n) => n.quote).join()).toContain('brought to the attention of their equivalent, or their immediate line manager');
    expect(s1.duties.find((d) => d.id === 'notify-dsl')).toMatchObject({ onlyIf: 'unresolved' });
  });

  it('Herefordshire: Stage 3 agrees who records and shares; Stage 2 "details of dispute must be recorded"', () => {
    expect(dutyIds('herefordshire', 'stage-3')).toContain('agree-who-records');
    expect(getStage(getProtocol('herefordshire'), 'stage-2').duties.find((d) => d.id === 'record-dispute-details')!.quote).toBe(
      'If matters remain unresolved at Stage 2, details of dispute must be recorded and escalated to Stage 3.',
    );
  });

  it('Halton: "communicating such concerns through agreed child protection procedures" is shown at every stage', () => {
    expect(
      getProtocol('halton')
        .notes.map((n) => n.quote)
        .join(),
    ).toContain('through agreed child protection procedures');
  });

  it('the ladder lists every stage’s duties for a child on neither plan (the IRO duty stays conditional)', async () => {
    const db = await freshDb();
    const e = await createEscalation(db, newEscalation('herefordshire'), { at: MON });
    const stage1 = ladderView(e, new Date(MON)).stages.find((s) => s.stage.id === 'stage-1')!;
    expect(stage1.duties.map((d) => d.duty.id)).not.toContain('notify-iro');
  });
});

describe('forms', () => {
  async function resolvedHerefordshire(child = {}) {
    const db = await freshDb();
    const e = await createEscalation(
      db,
      newEscalation('herefordshire', {
        child: { hostId: 'demo', childId: '1000001', ...child },
        levelOfNeed: { current: 'Level 3', proposed: 'Level 4' },
      }),
      { at: MON },
    );
    return { e, events: await getHistory(db, e.id) };
  }

  it('Herefordshire Appendix 1: "Name: DOB: Age: Unique identifier:" and current and proposed level of need', async () => {
    const { e, events } = await resolvedHerefordshire({ name: 'Amelia Hart', dateOfBirth: '2016-11-24' });
    const cells = toTsv(
      renderTemplate(getTemplate('herefordshire-appendix-1'), factsFor(e, events, new Date('2026-11-23T12:00:00Z'))),
    ).split('\t');
    expect(cells[1]).toBe('Name: Amelia Hart; DOB: Thu 24 Nov 2016; Age: 9; Unique identifier: 1000001');
    expect(cells[3]).toBe('Current: Level 3; proposed: Level 4');
    const unknown = await resolvedHerefordshire();
    const blank = toTsv(renderTemplate(getTemplate('herefordshire-appendix-1'), factsFor(unknown.e, unknown.events, new Date(MON)))).split(
      '\t',
    );
    expect(blank[1]).toBe(`Name: ${BLANK}; DOB: ${BLANK}; Age: ${BLANK}; Unique identifier: 1000001`);
  });

  it('Herefordshire Appendix 2: its send-to line and the prompts of 2.1, 2.2, 4.1 and 4.2', async () => {
    const { e, events } = await resolvedHerefordshire();
    const text = toPlainText(renderTemplate(getTemplate('herefordshire-appendix-2'), factsFor(e, events, new Date(MON))));
    expect(text).toContain(
      'Completed forms should be sent to the HSCP Partnership Team: admin.sbu@herefordshire.gov.uk, and to the relevant professional at Stage 2',
    );
    expect(text).toContain('desired outcome');
    expect(text).toContain('Please note if this is a recurring issue');
    expect(text).toContain('4.1 Current level of need (Right help right time, also state any legal orders, CIN / CP Plan, etc.): Level 3');
    expect(text).toContain(
      '4.2 Perceived level of need (Right help right time, also state any legal orders, CIN / CP Plan, etc.): Level 4',
    );
  });

  it('Halton’s written confirmation asks "how any outstanding issues will be pursued"', async () => {
    expect(templatesFor('halton').map((t) => t.id)).toContain('halton-written-confirmation');
    const db = await freshDb();
    const e = await createEscalation(db, newEscalation('halton'), { at: MON });
    const text = toPlainText(renderTemplate(getTemplate('halton-written-confirmation'), factsFor(e, [], new Date(MON)), referenceLine(e)));
    expect(text).toContain(`How any outstanding issues will be pursued: ${BLANK}`);
  });

  it('example policies use a fictional area for their invented numbers, and are valid policies', () => {
    const file = resolve(__dirname, '../../docs/policies/chrome-edge-policy.json');
    const policy = Object.values(JSON.parse(readFileSync(file, 'utf8'))['3rdparty'].extensions)[0];
    const { values, warnings } = resolveSettings(policy, undefined);
    expect(warnings).toEqual([]);
    expect(values.contacts.length).toBeGreaterThan(0);
    const real = listProtocols().flatMap((p) => p.areas);
    for (const c of values.contacts) expect(real, c.area).not.toContain(c.area);
  });
});
