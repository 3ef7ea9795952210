import { CHESHIRE_APPENDIX_A } from '../templates/catalogue';
import type { ProtocolInput } from './schema';

const RECORD_ON_FILE = {
  id: 'record-on-file',
  text: 'Make an entry on the child’s record that the escalation was raised.',
  quote: "an entry should be made on the child's record whenever an escalation is raised",
};

// Version 2 (issue 36): menu options kept apart from the numbers, Step 3's written representation and
// resolution meeting, the outcome to the line managers "involved at step 2" as the document says it, and the
// two Day 1-2 timescales said apart. Version 1 stays, as released, in docs/protocols/earlier/.
export const panCheshire: ProtocolInput = {
  edition: 2,
  id: 'pan-cheshire',
  version: '2',
  title: 'Multi-Agency Professional Challenge & Escalation Policy',
  partnership: 'Pan-Cheshire Safeguarding Children Partnerships',
  areas: ['Cheshire West', 'Cheshire East', 'Halton', 'Warrington'],
  stageWord: 'Step',
  source: {
    title: 'Procedure for resolution of professional disagreement relating to safeguarding and child protection',
    seedFile: '000_898df5a600ae9220.txt',
    version: 'Undated',
  },
  stages: [
    {
      id: 'initial',
      title: 'Professionals resolving disagreements (Day 1-2)',
      who: 'The practitioners who disagree',
      whoQuote:
        'Most disagreements can be resolved between professionals by having a conversation about the reasons for the difference of opinion and without having to escalate the matter further.',
      duties: [
        {
          id: 'record-within-agency',
          text: 'Record the matter on the child’s record in your agency.',
          quote: "The matter should be recorded within each agency on the child's record.",
        },
        {
          id: 'notify-line-manager',
          text: 'If it is still unresolved, tell your line manager, who then takes it to Step 1.',
          quote:
            "If the matter remains unresolved, it is the individual's responsibility to notify their line manager who should then progress step 1.",
          onlyIf: 'unresolved',
        },
      ],
      clocks: [
        {
          id: 'discussion-48h',
          kind: 'hours',
          hours: 48,
          anchor: 'concern',
          label: 'Discussion within 48 hours of the concern (clock hours, weekends included)',
          quote: 'The discussion should take place as soon as possible, and within 48 hours of the concern arising.',
        },
        {
          id: 'day-1-2',
          kind: 'day-window',
          fromDay: 1,
          toDay: 2,
          label: 'Day 1–2 (working days)',
          quote: 'Professionals resolving disagreements (Day 1-2)',
        },
      ],
      notes: [
        {
          text: 'The document gives this step two times: the discussion within 48 hours of the concern (counted in hours, weekends and bank holidays included) and the step’s window, Day 1–2 (working days). Across a weekend or bank holiday they fall on different days; both are shown, and the earlier is this step’s due. The document calls all its timescales guidelines.',
          quote: 'The discussion should take place as soon as possible, and within 48 hours of the concern arising.',
        },
        {
          text: 'If the professional you need to challenge is away, raise it with their immediate line manager.',
          quote:
            'If the professional with who the challenge should be raised is away, then the concern must be raised with the immediate line manager.',
        },
      ],
    },
    {
      id: 'stage-1',
      title: 'Step 1: Line Manager to Line Manager (Day 3-7)',
      who: 'Line managers of the practitioners involved',
      whoQuote: 'The line manager should discuss the concerns with their opposite manager in the other agency.',
      duties: [
        RECORD_ON_FILE,
        {
          id: 'confirm-outcome-in-writing',
          text: 'The manager receiving the escalation confirms the agreed outcome in writing to their counterpart.',
          quote: 'This must be documented, in writing to their counterpart.',
        },
        {
          id: 'tell-workers-outcome',
          text: 'Make sure the workers who raised the concern know the outcome.',
          quote: 'The managers must also ensure that the workers involved in the initial concern are made aware of the outcome.',
        },
        {
          id: 'notify-dsl',
          text: 'If the managers cannot resolve it, the professionals tell their Designated Safeguarding Lead; it moves to Step 2.',
          quote:
            "If a resolution can't be achieved, the professionals must notify their designated safeguarding lead and the escalation will move to step 2.",
          onlyIf: 'unresolved',
        },
      ],
      clocks: [
        {
          id: 'day-3-7',
          kind: 'day-window',
          fromDay: 3,
          toDay: 7,
          label: 'Day 3–7',
          quote: 'Step 1: Line Manager to Line Manager (Day 3-7)',
        },
        {
          id: 'five-working-days',
          kind: 'working-days',
          days: 5,
          anchor: 'stage-entered',
          label: 'Resolution within 5 working days of being notified',
          quote: "Line Manager's should seek resolution within 5 working days of being notified of the escalation.",
        },
      ],
      notes: [
        {
          text: 'If the manager you need to raise it with is away, bring it to their equivalent or their immediate line manager.',
          quote:
            'If the manager with whom the challenge should be raised is away, then the concern must be brought to the attention of their equivalent, or their immediate line manager, in order to progress resolution.',
        },
        {
          text: 'If the child is at risk of harm, the managers must try to resolve it as soon as possible.',
          quote:
            'Timescales should be based on risk assessment and if a child is deemed to be at risk of harm, then resolution must be attempted as soon as possible between the managers.',
        },
      ],
    },
    {
      id: 'stage-2',
      title: 'Step 2: Designated Safeguarding Leads (Day 8-13)',
      who: "Each agency's Designated Safeguarding Lead",
      whoQuote: 'If line managers are unable to resolve the concerns, they must be escalated to the agencies Designated Safeguarding Lead.',
      duties: [
        {
          id: 'record-challenge-and-outcome',
          text: 'Record the challenge and its outcome on the child’s record.',
          quote:
            "They will then seek resolution with their equivalent and a record of the challenge and outcome recorded on the child's record.",
        },
        {
          id: 'tell-line-managers',
          text: 'Tell the line managers the outcome: the document says those “involved at step 2” (in its ladder, line managers act at Step 1).',
          quote: 'The outcome of the challenge should also be communicated to the line managers who were involved at step 2.',
        },
        {
          id: 'bring-to-partnership-manager',
          text: 'If there is no agreement, bring it to the Safeguarding Partnership Manager; it moves to Step 3.',
          quote:
            "If an agreement can't be achieved the issue should be brought to the Safeguarding Partnership Manager who will draw it to the attention of Delegated Safeguarding Partners and the escalation will move to step 3.",
          onlyIf: 'unresolved',
        },
      ],
      clocks: [
        {
          id: 'day-8-13',
          kind: 'day-window',
          fromDay: 8,
          toDay: 13,
          label: 'Day 8–13',
          quote: 'Step 2: Designated Safeguarding Leads (Day 8-13)',
        },
      ],
      notes: [
        // These are who a line manager who is also the DSL seeks support from, not who acts at Step 2:
        // the actor is still each agency's DSL. The document lists them under Step 2 but its sentence
        // says "at Step 3"; the panel says both.
        {
          text: 'Where your line manager is also your Designated Safeguarding Lead (common in early years, schools, colleges, general practice and hospitals), they are already involved at Step 2 and should seek support from the following. The document lists them under Step 2; its sentence says “at Step 3”.',
          quote: 'Where this occurs, the Line Manager / Designated Safeguarding Lead should seek support from the following at Step 3:',
          byAgency: [
            { agency: 'Early Years', role: 'Local Authority Early Years team' },
            { agency: 'Schools', role: 'Safeguarding Children in Education Team (SCiE)' },
            { agency: 'College', role: 'Safeguarding Children in Education Team (SCiE)' },
            { agency: 'General Practice', role: 'Named Doctor' },
            { agency: 'Hospital Settings', role: 'Designated Doctor or Designated Nurse' },
          ],
        },
      ],
    },
    {
      id: 'stage-3',
      title: 'Step 3: Delegated Safeguarding Partners (Day 14-19)',
      who: 'Delegated Safeguarding Partners (the Safeguarding Children Partnership)',
      whoQuote:
        'In circumstances where the Designated Safeguarding Leads are unable to resolve the concern, it should be escalated to the Delegated Safeguarding Partners within the Multi-Agency Safeguarding Arrangements (often referred to as the Safeguarding Children Partnership) using the form at Appendix A.',
      duties: [
        {
          id: 'appendix-a',
          text: 'Send the Appendix A form to the Safeguarding Children Partnership for the child’s area.',
          quote:
            'In circumstances where the Designated Safeguarding Leads are unable to resolve the concern, it should be escalated to the Delegated Safeguarding Partners within the Multi-Agency Safeguarding Arrangements (often referred to as the Safeguarding Children Partnership) using the form at Appendix A.',
          form: 'cheshire-appendix-a',
        },
        {
          id: 'record-outcome',
          text: 'Tell everyone involved the Step 3 outcome and record it on the child’s record.',
          quote: "A record of the outcome at Step 3 should be communicated to all parties involved and recorded on the child's record.",
        },
        {
          id: 'written-representation',
          text: 'Be ready to give the statutory partners your written representation: they will ask for it.',
          quote: 'Statutory partners will ask for written representation and may request a meeting with the involved parties.',
        },
        {
          id: 'dsls-in-meeting',
          text: 'If a resolution meeting is convened, include the designated safeguarding leads in it.',
          quote: 'The designated safeguarding leads should be included in the resolution meeting',
        },
        {
          id: 'tell-earlier-parties',
          text: 'Tell those involved at earlier steps the outcome.',
          quote: 'The outcome of the challenge should also be communicated to those involved at earlier points in the escalation process.',
        },
      ],
      clocks: [
        {
          id: 'day-14-19',
          kind: 'day-window',
          fromDay: 14,
          toDay: 19,
          label: 'Day 14–19',
          quote: 'Step 3: Delegated Safeguarding Partners (Day 14-19)',
        },
      ],
      notes: [
        {
          text: 'The statutory partners will ask for written representation and may ask for a meeting with those involved; they then recommend the most appropriate action and resolution.',
          quote:
            'Statutory partners will ask for written representation and may request a meeting with the involved parties. A recommendation will be made based on the most appropriate action and resolution for the dispute.',
        },
      ],
    },
  ],
  immediateRisk: {
    sameWorkingDay: false,
    steps: [
      {
        text: 'If the child is considered at significant risk, contact the local authority children’s social care front door for the child’s area (numbers below).',
        quote:
          "The safety and wellbeing of the child or young person is paramount, and should they be considered at significant risk the local authority children's social care front door should be contacted.",
      },
      {
        text: 'Escalate and resolve at the earliest opportunity, with urgency: the timescales are guidelines.',
        quote:
          'Escalation and resolution should be achieved at the earliest opportunity and with urgency when there is any indication that the child could be at risk of suffering significant harm.',
      },
    ],
  },
  startAtLaterStage: { allowed: false },
  timescalesNote: {
    text: 'The timescales are guidelines: escalate and resolve at the earliest opportunity, urgently if the child could be at risk of significant harm.',
    quote:
      'Please note that the timescales provided within this policy are guidelines. Escalation and resolution should be achieved at the earliest opportunity and with urgency when there is any indication that the child could be at risk of suffering significant harm.',
  },
  contacts: [
    {
      name: 'Information Access and Referral Team',
      area: 'Cheshire West',
      kind: 'front-door',
      phone: '0300 123 7047',
      hours: 'Mon–Thu 08:30–17:00, Fri 08:30–16:30',
    },
    { name: 'Emergency Duty Team', area: 'Cheshire West', kind: 'out-of-hours', phone: '01244 977 277' },
    { name: 'Cheshire West SCP', area: 'Cheshire West', kind: 'partnership', email: 'SCP@cheshirewestandchester.gov.uk' },
    {
      name: 'Cheshire East Children Consultation Service',
      area: 'Cheshire East',
      kind: 'front-door',
      phone: '0300 123 5012',
      menu: ['3', '2'],
      hours: 'Mon–Thu 08:30–17:00, Fri 08:30–16:30',
    },
    { name: 'Emergency Duty Team', area: 'Cheshire East', kind: 'out-of-hours', phone: '0300 123 5022' },
    { name: 'Cheshire East SCP', area: 'Cheshire East', kind: 'partnership', email: 'CESCP@cheshireeast.gov.uk' },
    {
      name: 'Integrated Contact and Referral Team',
      area: 'Halton',
      kind: 'front-door',
      phone: '0151 907 8305',
      hours: 'Mon–Thu 09:00–17:00, Fri 09:00–16:30',
    },
    { name: 'Emergency Duty Team', area: 'Halton', kind: 'out-of-hours', phone: '0345 0500148' },
    { name: 'Halton SCP', area: 'Halton', kind: 'partnership', email: 'CYPsafeguardingPartnership@halton.gov.uk' },
    {
      name: 'Multi Agency Referral Service',
      area: 'Warrington',
      kind: 'front-door',
      phone: '01925 443322',
      menu: ['1'],
      hours: 'Mon–Thu 08:30–17:00, Fri 08:30–16:30',
    },
    { name: 'Emergency Duty Team', area: 'Warrington', kind: 'out-of-hours', phone: '01925 443322', menu: ['2'] },
    { name: 'Warrington SCP', area: 'Warrington', kind: 'partnership', email: 'safeguardingpartnerships@warrington.gov.uk' },
  ],
  // The partnership's own forms (the template format, lib/templates/schema.ts).
  forms: [CHESHIRE_APPENDIX_A],
};
