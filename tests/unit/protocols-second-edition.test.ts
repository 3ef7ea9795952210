// The second edition of the protocol format (issue 36), through a fixture written from the guide alone
// (tests/fixtures/protocols/afon-teifi.json) that uses every construct. Every date below is worked out by hand
// from the bank holidays of the nation named (the comments say how), and checked in three time zones.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEscalation, recordEvent } from '../../lib/db/escalations';
import { ladderView } from '../../lib/escalation/ladder';
import { rolesFor, routesFor } from '../../lib/escalation/applies';
import { getProtocol, setProtocols, type Protocol } from '../../lib/protocols';
import { lintProtocol } from '../../lib/protocols/lint';
import { readProtocolFile } from '../../lib/protocols/read';
import { skipTargets } from '../../lib/protocols/skips';
import { milestonesOffered } from '../../lib/protocols/milestones';
import { parseAnswer } from '../../lib/protocols/facts';
import { startFacts } from '../../lib/escalation/start-form';
import { translatedProtocol } from '../../lib/protocols/translate';
import { scheduleEscalation, type ScheduleInput } from '../../lib/schedule/schedule';
import { factsFor, renderTemplate } from '../../lib/case-notes/render';
import { freshDb, newEscalation } from './fixtures/escalations';

const TEXT = readFileSync(new URL('../fixtures/protocols/afon-teifi.json', import.meta.url), 'utf8');
const NATIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
type Nation = (typeof NATIONS)[number];
/** The fixture as each nation's partnership would have it: the same words, that nation's bank holidays. */
const idOf = (nation: Nation) => (nation === 'england-and-wales' ? 'afon-teifi' : `afon-teifi-${nation}`);
function variants(): Protocol[] {
  return NATIONS.map((nation) => {
    const json = JSON.parse(TEXT);
    return readProtocolFile(JSON.stringify({ ...json, id: idOf(nation), calendar: nation }));
  });
}

beforeAll(() => setProtocols('imported', variants()));
afterAll(() => setProtocols('imported', []));

/** The due of one clock, or undefined when it does not run. */
function due(nation: Nation, input: Omit<ScheduleInput, 'protocolId'>, stageId: string, clockId: string): string | undefined {
  const schedule = scheduleEscalation({ protocolId: idOf(nation), ...input });
  return schedule.stages.find((s) => s.stageId === stageId)!.clocks.find((c) => c.id === clockId)?.due;
}
const dutyDue = (nation: Nation, input: Omit<ScheduleInput, 'protocolId'>, stageId: string, dutyId: string) =>
  scheduleEscalation({ protocolId: idOf(nation), ...input })
    .stages.find((s) => s.stageId === stageId)!
    .duties.find((d) => d.dutyId === dutyId)?.due;

/** The same answers whatever the machine's zone: London, Auckland (the suite's two) and Los Angeles. */
function inEveryZone(check: () => void) {
  const before = process.env.TZ;
  try {
    for (const zone of ['Europe/London', 'Pacific/Auckland', 'America/Los_Angeles']) {
      process.env.TZ = zone;
      check();
    }
  } finally {
    process.env.TZ = before;
  }
}

describe('the fixture reads as a second-edition file', () => {
  it('is accepted, and every construct is in it', () => {
    const p = getProtocol('afon-teifi');
    expect(p.edition).toBe(2);
    expect(p.facts!.map((f) => f.id)).toEqual(['cp-plan', 'urgency', 'agency']);
    expect(p.cutOff!.hour).toBe(16);
    expect(p.routes![0]!.kinds).toEqual(['child-protection-conference']);
    expect(p.seniority!.levels).toHaveLength(3);
    expect(p.contacts[0]).toMatchObject({ menu: ['2', '1'], alsoServes: ['Teifi Valley'] });
  });

  it('the guide’s checks find nothing wrong with it', () => {
    expect(lintProtocol(getProtocol('afon-teifi'))).toEqual([]);
  });
});

describe('a clock chosen by a fact about the case: “within 24 hours if … a child protection plan, otherwise within 2 working days”', () => {
  const friday1530 = '2026-11-27T15:30:00Z'; // Friday 27 Nov, 15:30 GMT: before the 4pm cut-off
  it('not on a plan: 2 working days from Friday; in Scotland Monday 30 Nov is St Andrew’s Day', () => {
    inEveryZone(() => {
      const input = { concernRaisedAt: friday1530, facts: { 'cp-plan': false } };
      expect(due('england-and-wales', input, 'stage-1', 'talk-2-days')).toBe('2026-12-01'); // Mon 30, Tue 1
      expect(due('northern-ireland', input, 'stage-1', 'talk-2-days')).toBe('2026-12-01');
      expect(due('scotland', input, 'stage-1', 'talk-2-days')).toBe('2026-12-02'); // Tue 1, Wed 2
      expect(due('england-and-wales', input, 'stage-1', 'talk-24-hours')).toBeUndefined();
    });
  });

  it('on a plan: 24 hours from the moment, weekend and all (the cut-off moves days, not hours)', () => {
    const input = { concernRaisedAt: '2026-11-27T16:30:00Z', facts: { 'cp-plan': true } };
    expect(due('england-and-wales', input, 'stage-1', 'talk-24-hours')).toBe('2026-11-28T16:30:00.000Z');
    expect(due('england-and-wales', input, 'stage-1', 'talk-2-days')).toBeUndefined();
  });

  it('not answered yet: both run, each marked unanswered, and the earlier is the stage’s due', () => {
    const stage = scheduleEscalation({ protocolId: 'afon-teifi', concernRaisedAt: friday1530 }).stages[0]!;
    expect(stage.clocks.map((c) => [c.id, c.condition?.known])).toEqual([
      ['talk-24-hours', false],
      ['talk-2-days', false],
      ['whole-process', undefined],
    ]);
    expect(stage.due).toBe('2026-11-28T15:30:00.000Z');
  });
});

describe('the cut-off hour: “A concern raised after 4pm is treated as raised on the next working day”', () => {
  it('Friday 27 Nov at 16:30 counts from Monday 30 (Scotland: Tuesday 1 Dec, after St Andrew’s Day)', () => {
    inEveryZone(() => {
      const input = { concernRaisedAt: '2026-11-27T16:30:00Z', facts: { 'cp-plan': false } };
      expect(due('england-and-wales', input, 'stage-1', 'talk-2-days')).toBe('2026-12-02'); // Tue 1, Wed 2
      expect(due('scotland', input, 'stage-1', 'talk-2-days')).toBe('2026-12-03'); // Wed 2, Thu 3
    });
  });

  it('in summer time the hour is London’s: 15:30 UTC on Thursday 27 Aug is 16:30 BST, after the cut-off', () => {
    inEveryZone(() => {
      const input = { concernRaisedAt: '2026-08-27T15:30:00Z', facts: { 'cp-plan': false } };
      // Counted from Friday 28 Aug. England, Wales and Northern Ireland: Monday 31 Aug is a bank holiday.
      expect(due('england-and-wales', input, 'stage-1', 'talk-2-days')).toBe('2026-09-02');
      expect(due('northern-ireland', input, 'stage-1', 'talk-2-days')).toBe('2026-09-02');
      expect(due('scotland', input, 'stage-1', 'talk-2-days')).toBe('2026-09-01'); // Scotland's was 3 Aug
    });
  });

  it('Tuesday 16 Mar 2027 at 17:00 counts from the next working day: Wednesday, but Thursday in Northern Ireland (St Patrick’s Day)', () => {
    const input = { concernRaisedAt: '2027-03-16T17:00:00Z', facts: { 'cp-plan': false } };
    expect(due('england-and-wales', input, 'stage-1', 'talk-2-days')).toBe('2027-03-19'); // from Wed 17: Thu 18, Fri 19
    expect(due('scotland', input, 'stage-1', 'talk-2-days')).toBe('2027-03-19');
    expect(due('northern-ireland', input, 'stage-1', 'talk-2-days')).toBe('2027-03-22'); // from Thu 18: Fri 19, Mon 22
  });
});

describe('a clock chosen by the parties’ decision: urgent within 1 working day, non-urgent within 5', () => {
  // Stage 2 reached on Christmas Eve 2026 (Thursday), 10:00.
  const input = (urgency: string) => ({
    concernRaisedAt: '2026-12-21T10:00:00Z',
    stages: [
      { stageId: 'stage-1', enteredAt: '2026-12-21T10:00:00Z' },
      { stageId: 'stage-2', enteredAt: '2026-12-24T10:00:00Z' },
    ],
    facts: { urgency },
  });
  it('urgent: past Christmas Day and the Boxing Day substitute to Tuesday 29 Dec, in every nation', () => {
    for (const nation of NATIONS) expect(due(nation, input('urgent'), 'stage-2', 'urgent-response'), nation).toBe('2026-12-29');
    expect(due('england-and-wales', input('urgent'), 'stage-2', 'non-urgent-response')).toBeUndefined();
  });
  it('non-urgent: 29, 30, 31 Dec, 4 and 5 Jan; in Scotland 4 Jan is a holiday too, so 6 Jan', () => {
    expect(due('england-and-wales', input('non-urgent'), 'stage-2', 'non-urgent-response')).toBe('2027-01-05');
    expect(due('northern-ireland', input('non-urgent'), 'stage-2', 'non-urgent-response')).toBe('2027-01-05');
    expect(due('scotland', input('non-urgent'), 'stage-2', 'non-urgent-response')).toBe('2027-01-06');
  });
});

describe('clocks and duties that count from a recorded event', () => {
  const atStage3 = {
    concernRaisedAt: '2027-03-01T10:00:00Z',
    stages: [
      { stageId: 'stage-1', enteredAt: '2027-03-01T10:00:00Z' },
      { stageId: 'stage-2', enteredAt: '2027-03-08T10:00:00Z' },
      { stageId: 'stage-3', enteredAt: '2027-03-15T10:00:00Z' },
    ],
  };
  it('“within 5 working days of the panel”: from Wednesday 24 Mar 2027, past Good Friday (and Easter Monday, but not in Scotland)', () => {
    const held = { ...atStage3, events: [{ event: 'meeting-held' as const, stageId: 'stage-3', at: '2027-03-24T11:00:00Z' }] };
    inEveryZone(() => {
      expect(due('england-and-wales', held, 'stage-3', 'after-panel')).toBe('2027-04-02'); // 25, 30, 31, 1, 2
      expect(due('northern-ireland', held, 'stage-3', 'after-panel')).toBe('2027-04-02');
      expect(due('scotland', held, 'stage-3', 'after-panel')).toBe('2027-04-01'); // 25, 29, 30, 31, 1
    });
  });

  it('runs only once the meeting is recorded, and only a meeting at the stage it names', () => {
    expect(due('england-and-wales', atStage3, 'stage-3', 'after-panel')).toBeUndefined();
    const elsewhere = { ...atStage3, events: [{ event: 'meeting-held' as const, stageId: 'stage-2', at: '2027-03-10T11:00:00Z' }] };
    expect(due('england-and-wales', elsewhere, 'stage-3', 'after-panel')).toBeUndefined();
  });

  it('a duty’s own deadline: “circulated within 2 working days of the meeting”, after the cut-off from the next day', () => {
    const stages = atStage3.stages.slice(0, 2);
    const meeting = (at: string) => ({ ...atStage3, stages, events: [{ event: 'meeting-held' as const, stageId: 'stage-2', at }] });
    expect(dutyDue('england-and-wales', { ...atStage3, stages }, 'stage-2', 'circulate-outcome')).toBeUndefined();
    // Friday 18 Dec 2026, 15:00: Mon 21, Tue 22. At 16:30: counted from Mon 21, so Tue 22, Wed 23.
    expect(dutyDue('england-and-wales', meeting('2026-12-18T15:00:00Z'), 'stage-2', 'circulate-outcome')).toBe('2026-12-22');
    expect(dutyDue('england-and-wales', meeting('2026-12-18T16:30:00Z'), 'stage-2', 'circulate-outcome')).toBe('2026-12-23');
  });
});

describe('calendar days, weeks and months', () => {
  it('“within 10 calendar days of acknowledging”: Christmas Eve 2026 → Sunday 3 Jan 2027 (not moved to a working day)', () => {
    const input = {
      concernRaisedAt: '2026-12-21T10:00:00Z',
      stages: [
        { stageId: 'stage-1', enteredAt: '2026-12-21T10:00:00Z' },
        { stageId: 'stage-2', enteredAt: '2026-12-23T10:00:00Z' },
      ],
      events: [{ event: 'acknowledged' as const, stageId: 'stage-2', at: '2026-12-24T09:00:00Z' }],
    };
    inEveryZone(() => expect(due('scotland', input, 'stage-2', 'reply-after-acknowledging')).toBe('2027-01-03'));
  });

  it('“within one month”: 31 January → 28 February; 30 October → 30 November', () => {
    const from = (entered: string) => ({
      concernRaisedAt: '2026-10-01T10:00:00Z',
      stages: ['stage-1', 'stage-2', 'stage-3'].map((stageId) => ({ stageId, enteredAt: entered })),
    });
    expect(due('england-and-wales', from('2027-01-31T10:00:00Z'), 'stage-3', 'within-one-month')).toBe('2027-02-28');
    expect(due('england-and-wales', from('2026-10-30T10:00:00Z'), 'stage-3', 'within-one-month')).toBe('2026-11-30');
  });

  it('“within two weeks of the referral being received” and “within 8 weeks of the concern”', () => {
    const input = {
      concernRaisedAt: '2026-11-27T15:00:00Z',
      stages: ['stage-1', 'stage-2', 'stage-3', 'stage-4'].map((stageId) => ({ stageId, enteredAt: '2026-12-18T10:00:00Z' })),
      events: [{ event: 'referral-received' as const, stageId: 'stage-4', at: '2026-12-21T12:00:00Z' }],
    };
    expect(due('northern-ireland', input, 'stage-4', 'two-weeks-of-referral')).toBe('2027-01-04');
    expect(due('northern-ireland', input, 'stage-4', 'whole-process')).toBe('2027-01-22');
  });
});

describe('limits on where a skip may go: “A stage may be omitted only to go straight to Stage 3”', () => {
  it('offers Stage 1 or Stage 3 only, and the records refuse Stage 2 or 4', async () => {
    expect(skipTargets(getProtocol('afon-teifi'), -1).map((s) => s.id)).toEqual(['stage-1', 'stage-3']);
    const db = await freshDb();
    const risk = { immediateRisk: true, childProtectionPlan: false, lookedAfter: false };
    const start = (startStage: string) =>
      createEscalation(db, newEscalation('afon-teifi', { flags: risk, startStage, startReason: 'immediate-risk' }));
    await expect(start('stage-2')).rejects.toThrow(/only to Stage 3: Heads of service/);
    expect((await start('stage-3')).currentStage).toBe('stage-3');
  });
});

describe('duties and roles for one kind of agency', () => {
  it('“Health practitioners must also inform their named nurse”: shown until answered, then only for health', async () => {
    const db = await freshDb();
    const e = await createEscalation(db, newEscalation('afon-teifi'));
    const duties = (x: typeof e) => ladderView(x, new Date()).stages[0]!.duties.map((d) => d.duty.id);
    expect(duties(e)).toEqual(['tell-named-nurse']);
    expect(duties(await recordEvent(db, e.id, { type: 'fact-recorded', factId: 'agency', value: 'police' }))).toEqual([]);
    expect(duties(await recordEvent(db, e.id, { type: 'fact-recorded', factId: 'agency', value: 'health' }))).toEqual(['tell-named-nurse']);
  });
});

describe('roles for one kind of agency: “Health: Your named nurse for safeguarding” only for health', () => {
  const roles = (facts: Record<string, string>) => rolesFor(getProtocol('afon-teifi').stages[0]!.byAgency, facts);
  it('a police worker does not see health’s row; a health worker sees it with no condition left to answer', () => {
    expect(roles({ agency: 'police' })).toEqual([]);
    expect(roles({ agency: 'health' })).toEqual([{ agency: 'Health', role: 'Your named nurse for safeguarding' }]);
  });
  it('until the question is answered, the row shows with its condition', () => {
    expect(roles({})).toEqual([
      { agency: 'Health', role: 'Your named nurse for safeguarding', condition: { fact: 'agency', is: 'health' } },
    ]);
  });
  it('a row with no condition shows to everyone', () => {
    const rows = [{ agency: 'Police', role: 'Sergeant' }];
    expect(rolesFor(rows, { agency: 'health' })).toEqual(rows);
  });
});

describe('routes chosen by the kind of disagreement', () => {
  const route = (kind?: Parameters<typeof routesFor>[1]) => {
    const r = routesFor(getProtocol('afon-teifi'), kind);
    return { forThisKind: r.forThisKind.map((x) => x.id), others: r.others.map((x) => x.id) };
  };
  it('a disagreement with a child protection conference’s decision is given the conference route', () => {
    expect(route('child-protection-conference')).toEqual({ forThisKind: ['conference-decision'], others: [] });
  });
  it('any other kind sees it only as guidance for other kinds, and so does a preview (no escalation yet)', () => {
    expect(route('thresholds')).toEqual({ forThisKind: [], others: ['conference-decision'] });
    expect(route(undefined)).toEqual({ forThisKind: [], others: ['conference-decision'] });
  });
  it('a protocol without routes gives none', () => {
    expect(routesFor(getProtocol('halton'), 'child-protection-conference')).toEqual({ forThisKind: [], others: [] });
  });
});

describe('form rows no recorded fact fills', () => {
  it('print as a blank to complete, and the preview does not call them a mistake', () => {
    const form = getProtocol('afon-teifi').forms[0]!;
    const doc = renderTemplate({ ...form, protocols: ['afon-teifi'] } as never, {} as ReturnType<typeof factsFor>);
    expect(doc.sections[0]!.rows.map((r) => [r.label, r.value])).toEqual([
      ["Child's ID", null],
      ["Date of the professionals' meeting", null],
      ['Outcome sought', null],
    ]);
  });
});

describe('the protocol’s own words in Welsh', () => {
  it('replace the words they translate; the rest stay in the document’s English', () => {
    const cy = translatedProtocol(getProtocol('afon-teifi'), 'cy');
    expect(cy.title).toBe('Datrys gwahaniaethau proffesiynol');
    expect(cy.stages[0]!.title).toBe('Cam 1: Ymarferydd i ymarferydd');
    expect(cy.stages[0]!.duties[0]!.text).toBe('Dywedwch wrth eich nyrs enwebedig ar gyfer diogelu.');
    expect(cy.stages[2]!.title).toBe('Stage 3: Heads of service');
    expect(translatedProtocol(getProtocol('afon-teifi'), 'fr')).toBe(getProtocol('afon-teifi'));
  });
});

describe('what a second-edition file is refused for, said in words', () => {
  const refused = (change: (p: Record<string, any>) => void) => {
    const json = JSON.parse(TEXT);
    change(json);
    try {
      readProtocolFile(JSON.stringify(json));
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  };
  it('second-edition fields without "edition": 2', () => {
    expect(refused((p) => delete p.edition)).toMatch(/second-edition fields need "edition": 2 .*facts.*cutOff/);
  });
  it('a condition naming a fact the protocol does not ask, or an answer it does not allow', () => {
    expect(refused((p) => (p.stages[0].clocks[0].when.fact = 'on-plan'))).toMatch(
      /Stage 1: Practitioner to practitioner, clock “Talk within 24 hours \(child on a plan\)”: its condition names the fact “on-plan”/,
    );
    expect(refused((p) => (p.stages[1].clocks[0].when.is = 'very'))).toMatch(/the fact “urgency” is one of urgent, non-urgent, not "very"/);
  });
  it('menu options written into the number', () => {
    expect(refused((p) => (p.contacts[0].phone = '01545 570881 (option 2)'))).toMatch(/put menu options in "menu"/);
  });
  it('a skip limit naming a stage that does not exist, or with no quote', () => {
    expect(refused((p) => (p.startAtLaterStage.onlyTo = ['stage-7']))).toMatch(/onlyTo names stage-7/);
    expect(refused((p) => delete p.startAtLaterStage.onlyToQuote)).toMatch(/onlyTo needs onlyToQuote/);
  });
  it('a translation of something the protocol does not have', () => {
    expect(refused((p) => (p.translations.cy['stages[9].title'] = 'Cam 10'))).toMatch(/translations.cy: “stages\[9\].title”/);
  });
  it('second-edition constructs in onResolution or a note’s roles, without "edition": 2, said where', () => {
    const resolutionDuty = { id: 'check-actions', text: 'Check the agreed actions.', quote: 'Check the agreed actions are implemented.' };
    const withoutEdition = (change: (p: Record<string, any>) => void) =>
      refused((p) => {
        delete p.edition;
        change(p);
      });
    expect(withoutEdition((p) => (p.onResolution = [{ ...resolutionDuty, onlyIf: { fact: 'cp-plan', is: true } }]))).toMatch(
      /need "edition": 2 .*onResolution\[0\] \(check-actions\)/,
    );
    expect(
      withoutEdition(
        (p) =>
          (p.notes = [
            {
              text: 'Ask for advice.',
              quote: 'Ask for advice.',
              byAgency: [{ agency: 'Health', role: 'Named nurse', when: { fact: 'agency', is: 'health' } }],
            },
          ]),
      ),
    ).toMatch(/need "edition": 2 .*notes\[0\]\.byAgency\[0\]/);
    // In a second-edition file the same conditions are checked like a stage's.
    expect(refused((p) => (p.onResolution = [{ ...resolutionDuty, onlyIf: { fact: 'on-plan', is: true } }]))).toMatch(
      /On resolution, duty “check-actions”: its condition names the fact “on-plan”/,
    );
    expect(
      refused(
        (p) =>
          (p.stages[0].notes = [
            { text: 'Ask.', quote: 'Ask.', byAgency: [{ agency: 'Health', role: 'Nurse', when: { fact: 'agency', is: 'vet' } }] },
          ]),
      ),
    ).toMatch(
      /Stage 1: Practitioner to practitioner, a note, the role for Health: the fact “agency” is one of health, police, other, not "vet"/,
    );
  });
  it('a deadline on a duty done once resolved: nothing counts it, so it is refused rather than shown and never scheduled', () => {
    const due = { id: 'd', kind: 'working-days', days: 10, anchor: 'concern', label: 'Within 10 days', quote: 'within 10 working days' };
    expect(refused((p) => (p.onResolution = [{ id: 'check-actions', text: 'Check.', quote: 'Check.', due }]))).toMatch(
      /On resolution, duty “check-actions”: a duty done once resolved cannot have a deadline \("due"\)/,
    );
  });
  it('seniority level names that do not match the levels', () => {
    expect(refused((p) => p.seniority.levelNames.pop())).toMatch(/levelNames has 2 names for 3 levels/);
  });
});

describe('what the panel offers and shows for a second-edition protocol', () => {
  it('the milestones to record at a stage: an acknowledgement always, and what the protocol counts from there', () => {
    const p = getProtocol('afon-teifi');
    expect(milestonesOffered(p, 'stage-1')).toEqual(['acknowledged']);
    expect(milestonesOffered(p, 'stage-2')).toEqual(['meeting-held', 'acknowledged']);
    expect(milestonesOffered(p, 'stage-3')).toEqual(['meeting-held', 'acknowledged']);
    expect(milestonesOffered(p, 'stage-4')).toEqual(['referral-received', 'acknowledged']);
    expect(milestonesOffered(getProtocol('halton'), 'stage-1')).toEqual(['acknowledged']);
  });

  it('the start form’s answers become the escalation’s facts; unanswered questions are left out', () => {
    const values = { protocolId: 'afon-teifi', facts: { 'cp-plan': 'yes', urgency: '', agency: 'health', stray: 'yes' } };
    expect(startFacts(values)).toEqual({ 'cp-plan': true, agency: 'health' });
    expect(parseAnswer(getProtocol('afon-teifi').facts![1]!, 'Not urgent')).toBe('non-urgent');
    expect(parseAnswer(getProtocol('afon-teifi').facts![1]!, 'maybe')).toBeUndefined();
  });

  it('acknowledgement per stage, apart from any response; and how long it has run in calendar and working days', async () => {
    const db = await freshDb();
    const raised = '2026-11-20T10:00:00Z'; // Friday
    let e = await createEscalation(db, newEscalation('afon-teifi', { concernRaisedAt: raised }), { at: raised });
    e = await recordEvent(db, e.id, { type: 'response-received', summary: 'Will look at it' }, { at: '2026-11-23T09:00:00Z' });
    expect(ladderView(e, new Date('2026-11-23T12:00:00Z')).stages[0]!.acknowledgedAt).toBeUndefined();
    e = await recordEvent(
      db,
      e.id,
      { type: 'milestone', milestone: 'acknowledged', stageId: 'stage-1', happenedAt: '2026-11-23T09:30:00Z' },
      { at: '2026-11-23T10:00:00Z' },
    );
    const view = ladderView(e, new Date('2026-12-07T12:00:00Z'));
    expect(view.stages[0]!.acknowledgedAt).toBe('2026-11-23T09:30:00Z');
    // Friday 20 Nov to Monday 7 Dec: 17 calendar days, 11 working days (England and Wales).
    expect(view.age).toEqual({ calendarDays: 17, workingDays: 11 });
    // Scotland's St Andrew's Day (Monday 30 Nov) is not a working day there.
    const scottish = await createEscalation(db, newEscalation('afon-teifi-scotland', { concernRaisedAt: raised }), { at: raised });
    expect(ladderView(scottish, new Date('2026-12-07T12:00:00Z')).age).toEqual({ calendarDays: 17, workingDays: 10 });
  });
});
