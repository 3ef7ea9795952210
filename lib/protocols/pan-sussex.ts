import { WRITTEN_RECORD } from '../templates/catalogue';
import type { ClockRuleInput, ProtocolInput } from './schema';

// "At each stage the person escalating should clearly state the timeframe":
// Sussex gives no fixed days, so every stage requires an agreed timeframe.
const STATED_TIMEFRAME: ClockRuleInput = {
  id: 'stated-timeframe',
  kind: 'agreed',
  anchor: 'stage-entered',
  required: true,
  label: 'Timeframe stated by the person escalating',
  quote:
    'At each stage the person escalating should clearly state the timeframe in which for a resolution should be reached before it is escalated to the next stage.',
};

const STAGE_6_QUOTE =
  'If the Independent Scrutineer commissioned by the Safeguarding Children Partnership considers the leadership arrangements are weak or malfunctioning and all attempts at resolution have failed, legislation allows the Secretary of State to take enforcement action against any agency that is not meeting its statutory obligations as part of local safeguarding arrangements.';

// Version 2 (issue 36): Stage 6 is the Secretary of State's power, reached on the Independent Scrutineer's
// judgement: no timeframe is stated for it and an immediate-risk start cannot land on it.
// Version 1 stays, as released, in docs/protocols/earlier/.
export const panSussex: ProtocolInput = {
  edition: 2,
  id: 'pan-sussex',
  version: '2',
  title: 'Professional Challenge & Resolving Professional Differences Guidance',
  partnership: 'Pan Sussex Safeguarding Children Partnerships (BHSCP, ESSCP, WSSCP)',
  areas: ['Brighton and Hove', 'East Sussex', 'West Sussex'],
  source: {
    title: 'Professional Challenge & Resolving Professional Differences Guidance',
    seedFile: '003_873db8a2bcefc668.txt',
    version: 'Reviewed January 2025',
  },
  stages: [
    {
      id: 'stage-1',
      title: 'Stage 1 Professional to Professional',
      who: 'The professional who made the decision or took the action',
      whoQuote:
        'Any professional who is unhappy about a decision/action should contact the professional who made the decision/took the action to express their views and concern and discuss/explore the basis of that decision.',
      duties: [
        {
          id: 'be-specific',
          text: 'Be specific and evidence-based about what the difference is and how it affects the child.',
          quote:
            'Be specific and evidence based as to what the difference of opinion is about and how this affects the outcomes for the child.',
        },
        {
          id: 'records-of-discussions',
          text: 'Keep a record of the discussions in your agency.',
          quote: 'Records of discussions must be maintained by all the agencies involved.',
        },
      ],
      clocks: [STATED_TIMEFRAME],
    },
    {
      id: 'stage-2',
      title: 'Stage 2 Manager to Manager',
      who: 'More experienced or more senior staff: your line manager',
      whoQuote:
        'If you are unable to resolve differences through discussion and/or meeting within a time scale, which is acceptable to all parties, your disagreement must be addressed by more experienced / more senior staff',
      duties: [
        {
          id: 'written-record',
          text: 'Make a written record of the issue raised, the action taken and the outcome for the child.',
          quote:
            'Raising the issue with your line manager can be done in written or verbal format but there must be a written record of the issue raised, the action taken and the outcome for the child.',
          form: 'written-record',
        },
        {
          id: 'dsl-advice',
          text: 'Line managers seek advice from their agency’s nominated or designated safeguarding lead.',
          quote:
            "In line with the Pan Sussex Safeguarding Children Partnerships' six stage process, line managers should seek advice from their agency's nominated / designated safeguarding lead.",
        },
      ],
      clocks: [STATED_TIMEFRAME],
    },
    {
      id: 'stage-3',
      title: 'Stage 3 Senior Manager to Senior Manager',
      who: 'The equivalent of Head of Service / detective inspector / head teacher / Named Doctor or Nurse',
      whoQuote:
        "If agreement cannot be reached following discussions between the 'first line' managers the issue must be referred without delay through the line management to the equivalent of Head of Service / detective inspector / head teacher / Named Doctor or Nurse.",
      duties: [
        {
          id: 'refer-without-delay',
          text: 'Refer it through line management without delay.',
          quote:
            "If agreement cannot be reached following discussions between the 'first line' managers the issue must be referred without delay through the line management to the equivalent of Head of Service / detective inspector / head teacher / Named Doctor or Nurse.",
        },
      ],
      clocks: [STATED_TIMEFRAME],
    },
    {
      id: 'stage-4',
      title: 'Stage 4 Professional Leads for Safeguarding',
      who: 'The professional leads for safeguarding and child protection in the agencies involved',
      whoQuote:
        'the matter should be raised with the professional leads for safeguarding and child protection within the agencies involved and include the senior child protection manager / Designated Doctor or Nurse.',
      triggers: [
        {
          text: 'Serious professional disagreements remain unresolved after the stages above.',
          quote:
            'In the unlikely event that the issue is not resolved by the steps described above and serious professional disagreements remain unresolved /or the discussions raise significant policy issues',
        },
        {
          text: 'Or the discussions raise significant policy issues.',
          quote: 'serious professional disagreements remain unresolved /or the discussions raise significant policy issues',
        },
      ],
      duties: [],
      clocks: [STATED_TIMEFRAME],
    },
    {
      id: 'stage-5',
      title: 'Stage 5 Escalation to the Safeguarding Children Partnership (BHSCP, ESSCP, WSSCP)',
      who: 'An Independent Scrutineer commissioned by the Safeguarding Children Partnership(s)',
      whoQuote:
        'the matter should be referred to an Independent Scrutineer commissioned by the Safeguarding Children Partnership(s) to determine the appropriate process for resolution.',
      triggers: [
        {
          text: 'The stages above do not resolve it.',
          quote: 'In the unlikely event that the steps outlined above do not resolve the issue',
        },
        {
          text: 'Or the discussions raise significant policy or procedure issues.',
          quote: 'and / or the discussions raise significant policy/procedure issues',
        },
        {
          text: 'Or a number of similar concerns or disagreements have been recorded.',
          quote: 'and / or a number of similar concerns or disagreements have been recorded',
        },
      ],
      duties: [
        {
          id: 'directors',
          text: 'The issue is raised with the Directors / Chief Executives of the three Safeguarding Partners.',
          quote: 'This will include raising the issue with the Directors / Chief Executives of the three Safeguarding Partners.',
        },
      ],
      clocks: [STATED_TIMEFRAME],
    },
    {
      id: 'stage-6',
      title: 'Stage 6 Escalation to the Secretary of State',
      who: 'The Secretary of State, where the Independent Scrutineer judges leadership arrangements weak or malfunctioning',
      whoQuote: STAGE_6_QUOTE,
      notes: [
        {
          text: 'This stage is the Secretary of State’s power of enforcement, used when the Independent Scrutineer judges the leadership arrangements weak or malfunctioning: the person escalating states no timeframe for it, and an escalation cannot start here.',
          quote: STAGE_6_QUOTE,
        },
      ],
      duties: [],
      clocks: [],
    },
  ],
  immediateRisk: {
    sameWorkingDay: false,
    steps: [
      {
        text: 'Act without delay to safeguard the child: for example, call for the case to be allocated, or for a strategy meeting or discussion, a core group meeting, or a child protection conference or review conference.',
        quote:
          'Professionals in all agencies have a responsibility to act without delay to safeguard the child (e.g. by calling for a case to be allocated or for a strategy meeting / discussion, for a core group meeting or for a child protection conference or review conference).',
      },
      {
        text: 'Start at whichever stage fits the risk: you need not begin at Stage 1.',
        quote:
          'However if a child is thought to be at risk of immediate harm, discretion should be used as to which stage (overleaf) is initiated.',
      },
      {
        text: 'If the management of the concern seems inadequate to protect the child, use the Sussex procedure “Resolving Professional Differences in the Child Protection Process”.',
        quote:
          "Where professional concerns or suspicions around the child's safety and wellbeing remains, and there are concerns that the management around this is inadequate to protect the child, professionals are urged to initiate Resolving Professional Differences in the Child Protection Process.",
      },
    ],
  },
  startAtLaterStage: {
    allowed: true,
    quote:
      'However if a child is thought to be at risk of immediate harm, discretion should be used as to which stage (overleaf) is initiated.',
    onlyTo: ['stage-2', 'stage-3', 'stage-4', 'stage-5'],
    onlyToQuote: STAGE_6_QUOTE,
  },
  // The guidance lists no telephone numbers or mailboxes; organisations add
  // their own front-door contacts through settings.
  contacts: [],
  // The partnership's own forms (the template format, lib/templates/schema.ts).
  forms: [WRITTEN_RECORD],
};
