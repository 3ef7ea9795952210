// Issue 36: "A fresh reading of the five seeds against their encodings found these, each something a worker
// would be shown wrong or not shown." One test (or more) per finding, each naming the document's words.
import { describe, expect, it } from 'vitest';
import { createEscalation, getHistory, recordEvent } from '../../lib/db/escalations';
import { describeEvent } from '../../lib/escalation/history';
import { ladderView } from '../../lib/escalation/ladder';
import { getProtocol, getStage } from '../../lib/protocols';
import { dialHref, menuOptions, numberOnly } from '../../lib/protocols/contacts';
import { protocolChoice } from '../../lib/protocols/describe';
import { skipTargets } from '../../lib/protocols/skips';
import { IMMEDIATE_RISK_CLOCK, scheduleEscalation } from '../../lib/schedule/schedule';
import { resolveSettings } from '../../lib/settings/resolve';
import { needsTimeframe } from '../../lib/escalation/start-form';
import { freshDb, MON, newEscalation } from './fixtures/escalations';

const contact = (area: string, name: string) => getProtocol('pan-cheshire').contacts.find((c) => c.area === area && c.name === name)!;

describe('Pan-Cheshire: “0300 123 5012 (opt 3 opt 2)”: the number and its menu options stay apart', () => {
  it('the call link dials the number only, and the options are said after it', () => {
    const east = contact('Cheshire East', 'Cheshire East Children Consultation Service');
    expect(east.phone).toBe('0300 123 5012');
    expect(dialHref(east.phone!)).toBe('tel:03001235012');
    expect(menuOptions(east)).toEqual(['3', '2']);
    const mars = contact('Warrington', 'Multi Agency Referral Service');
    expect([dialHref(mars.phone!), menuOptions(mars)]).toEqual(['tel:01925443322', ['1']]);
    const edt = contact('Warrington', 'Emergency Duty Team');
    expect([dialHref(edt.phone!), menuOptions(edt)]).toEqual(['tel:01925443322', ['2']]);
  });

  it('every built-in number dials as a UK number of 11 digits (or 999), never with options run into it', () => {
    for (const id of ['pan-cheshire', 'halton', 'enfield', 'pan-sussex', 'herefordshire']) {
      for (const c of getProtocol(id).contacts) {
        if (c.phone) expect(dialHref(c.phone), `${id}: ${c.name}`).toMatch(/^tel:(0\d{10}|999)$/);
      }
    }
  });

  it('a first-edition file that wrote the options after the number (version 1) still dials the number only', () => {
    const v1 = getProtocol('pan-cheshire', '1').contacts.find((c) => c.area === 'Cheshire East' && c.kind === 'front-door')!;
    expect(v1.phone).toBe('0300 123 5012 (option 3, option 2)');
    expect(dialHref(v1.phone!)).toBe('tel:03001235012');
    expect(numberOnly(v1.phone!)).toBe('0300 123 5012');
    expect(menuOptions(v1)).toEqual(['3', '2']);
  });
});

describe('Pan-Sussex Stage 6 (the Secretary of State’s enforcement powers)', () => {
  it('asks the person escalating for no timeframe, and an immediate-risk start cannot land there', () => {
    const sussex = getProtocol('pan-sussex');
    expect(getStage(sussex, 'stage-6').clocks).toEqual([]);
    expect(needsTimeframe('pan-sussex', 'stage-6')).toBe(false);
    expect(getStage(sussex, 'stage-6').notes[0]!.quote).toContain('legislation allows the Secretary of State to take enforcement action');
    expect(skipTargets(sussex, -1).map((s) => s.id)).toEqual(['stage-1', 'stage-2', 'stage-3', 'stage-4', 'stage-5']);
    // Stage 5 can still go up to Stage 6 (on the Scrutineer's judgement).
    expect(skipTargets(sussex, 4).map((s) => s.id)).toEqual(['stage-6']);
  });

  it('the records refuse a start at Stage 6 even for immediate risk', async () => {
    const db = await freshDb();
    await expect(
      createEscalation(
        db,
        newEscalation('pan-sussex', {
          flags: { immediateRisk: true, childProtectionPlan: false, lookedAfter: false },
          startStage: 'stage-6',
          startReason: 'immediate-risk',
        }),
      ),
    ).rejects.toThrow(/passing over stages only to Stage 2.*Stage 5/);
  });
});

describe('the immediate-risk route’s “same working day” is shown as a deadline (Halton 1.5, Herefordshire 3.0)', () => {
  it.each([
    ['halton', 'ESCALATED ON THE SAME WORKING DAY'],
    ['herefordshire', 'addressed on the same working day'],
  ])('%s: a child marked at immediate risk on a Saturday is due by the end of Monday', (id, words) => {
    const schedule = scheduleEscalation({ protocolId: id, concernRaisedAt: '2026-11-28T11:00:00Z', immediateRisk: true });
    const clock = schedule.stages[0]!.clocks.find((c) => c.id === IMMEDIATE_RISK_CLOCK)!;
    expect(clock.due).toBe('2026-11-30');
    expect(clock.quote).toContain(words);
    expect(schedule.stages[0]!.due).toBe('2026-11-30');
  });

  it('not for a child not at risk, nor where the protocol sets no same-day rule (Pan-Cheshire)', () => {
    const none = scheduleEscalation({ protocolId: 'halton', concernRaisedAt: MON, immediateRisk: false });
    expect(none.stages.flatMap((s) => s.clocks).map((c) => c.id)).not.toContain(IMMEDIATE_RISK_CLOCK);
    const cheshire = scheduleEscalation({ protocolId: 'pan-cheshire', concernRaisedAt: MON, immediateRisk: true });
    expect(cheshire.stages.flatMap((s) => s.clocks).map((c) => c.id)).not.toContain(IMMEDIATE_RISK_CLOCK);
  });

  it('the panel’s ladder and the escalation’s next due show it', async () => {
    const db = await freshDb();
    const e = await createEscalation(
      db,
      newEscalation('herefordshire', { flags: { immediateRisk: true, childProtectionPlan: false, lookedAfter: false } }),
    );
    expect(e.nextDue).toBe('2026-11-23');
    const initial = ladderView(e, new Date('2026-11-23T12:00:00Z')).stages[0]!;
    expect(initial.clocks.map((c) => [c.id, c.due, c.left.text])).toEqual([[IMMEDIATE_RISK_CLOCK, '2026-11-23', 'due today']]);
  });
});

describe('Pan-Cheshire', () => {
  it('Step 3: “Statutory partners will ask for written representation” and the designated safeguarding leads in the resolution meeting', () => {
    const step3 = getStage(getProtocol('pan-cheshire'), 'stage-3');
    expect(step3.duties.find((d) => d.id === 'written-representation')!.quote).toContain(
      'Statutory partners will ask for written representation',
    );
    expect(step3.duties.find((d) => d.id === 'dsls-in-meeting')!.quote).toBe(
      'The designated safeguarding leads should be included in the resolution meeting',
    );
  });

  it('tell-line-managers says what the document says (“involved at step 2”), not Step 1 alone', () => {
    const duty = getStage(getProtocol('pan-cheshire'), 'stage-2').duties.find((d) => d.id === 'tell-line-managers')!;
    expect(duty.quote).toContain('involved at step 2');
    expect(duty.text).toContain('involved at step 2');
  });

  it('“within 48 hours” and “Day 1-2” are both shown, each saying how it counts, and a note says which is the due', () => {
    // Concern on Friday 27 Nov 2026 at 15:00: 48 hours is Sunday 15:00; Day 1 is Friday, Day 2 Monday.
    const schedule = scheduleEscalation({ protocolId: 'pan-cheshire', concernRaisedAt: '2026-11-27T15:00:00Z' });
    const initial = schedule.stages[0]!;
    expect(initial.clocks.map((c) => [c.label, c.due])).toEqual([
      ['Discussion within 48 hours of the concern (clock hours, weekends included)', '2026-11-29T15:00:00.000Z'],
      ['Day 1–2 (working days)', '2026-11-30'],
    ]);
    expect(initial.due).toBe('2026-11-29T15:00:00.000Z');
    expect(
      getStage(getProtocol('pan-cheshire'), 'initial')
        .notes.map((n) => n.text)
        .join(),
    ).toContain('the earlier is this step’s due');
  });
});

describe('Halton’s 2013 Board protocol', () => {
  it('the picker says who issued it and when', () => {
    expect(protocolChoice(getProtocol('halton'))).toBe('Halton Safeguarding Children Board (Revised September 2013)');
    expect(protocolChoice(getProtocol('pan-cheshire'))).toBe('Pan-Cheshire Safeguarding Children Partnerships (Undated)');
  });

  it('an organisation can mark it superseded by policy, and the picker says so', () => {
    const resolved = resolveSettings({ supersededProtocols: { halton: 'Replaced by the Pan-Cheshire policy' } }, {});
    expect(resolved.warnings).toEqual([]);
    expect(protocolChoice(getProtocol('halton'), resolved.values.supersededProtocols)).toBe(
      'Halton Safeguarding Children Board (Revised September 2013) – superseded: Replaced by the Pan-Cheshire policy',
    );
  });

  it('Appendix A’s “Next Level Management” tier is on the ladder, between the managers and the HSCB representative', () => {
    expect(getProtocol('halton').stages.map((s) => s.title)).toEqual([
      'Resolving Disagreements',
      'Manager/Named Professional with responsibilities for Safeguarding',
      'Next Level Management',
      'HSCB representative for each agency',
      "Multi-Agency Safeguarding Children's Unit Manager",
    ]);
  });

  it('its scope (“when determining levels of need”) is shown with the ladder', () => {
    expect(getProtocol('halton').scope!.quote).toContain('when determining levels of need');
  });

  it('escalations that started under version 1 keep version 1’s ladder', () => {
    expect(getProtocol('halton', '1').stages.map((s) => s.id)).toEqual(['initial', 'stage-1', 'stage-2', 'stage-3']);
  });
});

describe('Enfield', () => {
  const enfield = () => getProtocol('enfield');
  it('§7: the right to ask Children’s Social Care to convene a conference, as a route for that kind of disagreement', () => {
    const route = enfield().routes!.find((r) => r.kinds.includes('child-protection-conference'))!;
    expect(route.quote).toContain('may formally request that children');
  });

  it('§7: the “short notice response” round table', () => {
    expect(
      enfield()
        .notes.map((n) => n.quote)
        .join(),
    ).toContain("'short notice response' round table discussion");
  });

  it('§9: cross-borough disputes escalate immediately through the agency’s management, asked and applied by the answer', async () => {
    const db = await freshDb();
    const duties = async (facts: Record<string, boolean>) => {
      const e = await createEscalation(db, newEscalation('enfield', { facts }));
      const atStage1 = await recordEvent(db, e.id, { type: 'stage-entered', stageId: 'stage-1', reason: 'unresolved' });
      return ladderView(atStage1, new Date()).stages[1]!.duties.map((d) => d.duty.id);
    };
    expect(await duties({ 'cross-borough': true })).toContain('cross-borough-management');
    expect(await duties({ 'cross-borough': false })).not.toContain('cross-borough-management');
  });

  it('the Level 4 condition is recorded: the business unit duty applies once answered yes, and not when answered no', async () => {
    const db = await freshDb();
    let e = await createEscalation(db, newEscalation('enfield'));
    e = await recordEvent(db, e.id, { type: 'stage-entered', stageId: 'stage-1', reason: 'unresolved' });
    e = await recordEvent(db, e.id, { type: 'stage-entered', stageId: 'stage-2', reason: 'unresolved' });
    const level4Duty = () => ladderView(e, new Date()).stages[2]!.duties.some((d) => d.duty.id === 'level-4-shared');
    expect(level4Duty()).toBe(true); // not yet answered: shown, with its condition
    e = await recordEvent(db, e.id, { type: 'fact-recorded', factId: 'level-4-or-above', value: false });
    expect(level4Duty()).toBe(false);
    e = await recordEvent(db, e.id, { type: 'fact-recorded', factId: 'level-4-or-above', value: true });
    expect(level4Duty()).toBe(true);
    const history = await getHistory(db, e.id);
    expect(describeEvent(history.at(-1)!, e)).toBe(
      'Answered: Has this needed Level 4 or above intervention (see the table of corresponding seniority)? Yes',
    );
  });

  it('Appendix B: “Executive Director for People” above Level 5, and the Acute Hospital cell’s words, said as the chart has them', () => {
    const table = enfield().seniority!;
    expect(table.levels).toHaveLength(6);
    expect(table.levelNames![5]).toBe('Above Level 5');
    expect(table.illegible.find((c) => c.level === 6)!.words).toContain('Executive Director for People');
    expect(table.illegible.find((c) => c.level === 4 && c.agency === 'Acute Hospital')!.words).toContain('Designated Nurse/ Designated Dr');
  });
});

describe('Herefordshire Stage 4 and Section 5', () => {
  it('the chair “should not be from one of the agencies involved”, the plan agreed “by the SPG”, and “Professionals continue to be responsible…”', () => {
    const h = getProtocol('herefordshire');
    expect(getStage(h, 'stage-4').notes[0]!.quote).toBe(
      'The Chair of the resolution meeting should not be from one of the agencies involved in the escalation matter.',
    );
    expect(getStage(h, 'stage-4').duties.find((d) => d.id === 'spg-agreed-plan')!.quote).toBe(
      'An agreed plan to resolve the matter should be agreed by the SPG.',
    );
    expect(getStage(h, 'stage-2').notes[0]!.quote).toContain('Professionals continue to be responsible for progressing the escalation');
  });
});

describe('“Policy issues” triggers are offered as a reason to escalate', () => {
  it('Halton: escalating to the Unit Manager because “the discussion has raised significant policy issues” is recorded in those words', async () => {
    const db = await freshDb();
    let e = await createEscalation(db, newEscalation('halton'));
    for (const stageId of ['stage-1', 'stage-2', 'stage-3'])
      e = await recordEvent(db, e.id, { type: 'stage-entered', stageId, reason: 'unresolved' });
    const trigger = getStage(getProtocol('halton'), 'stage-4').triggers.find((t) => t.quote.includes('significant policy issues'))!;
    e = await recordEvent(db, e.id, { type: 'stage-entered', stageId: 'stage-4', reason: 'protocol-reason', trigger: trigger.text });
    const history = await getHistory(db, e.id);
    expect(describeEvent(history.at(-1)!, e)).toBe(
      "Escalated to Multi-Agency Safeguarding Children's Unit Manager: Or the discussion has raised significant policy issues.",
    );
    await expect(
      recordEvent(db, (await createEscalation(db, newEscalation('halton'))).id, {
        type: 'stage-entered',
        stageId: 'stage-1',
        reason: 'protocol-reason',
        trigger: 'Because I said so',
      }),
    ).rejects.toThrow(/gives no such reason/);
  });
});
