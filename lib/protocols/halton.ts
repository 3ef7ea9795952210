import { HALTON_WRITTEN_CONFIRMATION } from '../templates/catalogue';
import type { ClockRuleInput, ProtocolInput } from './schema';

const RECORD_IN_WRITING = {
  id: 'record-in-writing',
  text: 'Record the actions and decisions in writing and share them with the people who need them.',
  quote: 'At all stages actions/decisions must be recorded in writing and shared with relevant personnel.',
};

const WRITTEN_CONFIRMATION = {
  id: 'written-confirmation',
  text: 'Confirm in writing between the parties the agreed outcome and how outstanding issues will be pursued.',
  quote:
    'A clear record must be kept at all stages, by all parties, in particular this must include written confirmation between the parties about an agreed outcome of the disagreements and how any outstanding issues will be pursued.',
  form: 'halton-written-confirmation',
};

// Halton sets no timescale for any stage (only "the same working day" for immediate risk). If the
// people involved agree a date anyway, the panel keeps it as their agreement; no sentence of the
// document founds it, so it quotes none.
const AGREED_BETWEEN_YOU: ClockRuleInput = {
  id: 'agreed-timeframe',
  kind: 'agreed',
  setBy: 'parties',
  anchor: 'stage-entered',
  required: false,
  label: 'Timeframe agreed between you',
};

// Version 2 (issue 36): Appendix A's "Next Level Management" tier in the ladder, and the document's scope.
// Version 1 stays, as released, in docs/protocols/earlier/.
export const halton: ProtocolInput = {
  edition: 2,
  id: 'halton',
  version: '2',
  scope: {
    text: 'Professional disagreements when determining levels of need when working with children and families (Halton Safeguarding Children Board, revised September 2013)',
    quote: '(For professional disagreements when determining levels of need when working with Children and Families)',
  },
  title: 'Escalation Policy Resolution Pathways',
  partnership: 'Halton Safeguarding Children Board',
  areas: ['Halton'],
  source: {
    title:
      'Escalation Policy Resolution Pathways (for professional disagreements when determining levels of need when working with Children and Families)',
    seedFile: '001_c8dc86532af16df6.txt',
    version: 'Revised September 2013',
  },
  stages: [
    {
      id: 'initial',
      title: 'Resolving Disagreements',
      who: 'The workers involved, at practitioner/case worker level',
      whoQuote:
        'Initial attempts should be taken to resolve the problem; the aim should be to resolve difficulties at practitioner/case worker level between agencies.',
      duties: [
        {
          id: 'identify-the-problem',
          text: 'Say exactly what the problem is, what the disagreement is about and what each of you wants to achieve.',
          quote:
            'When there is recognition that there is a disagreement over a significant issue, which impacts on the safety and welfare of a child, the respective workers must identify explicitly what the problem is and have absolute clarity about the nature of the disagreement and what the respective workers aim to achieve.',
        },
        {
          id: 'record-discussions',
          text: 'Raise it with the other agency as soon as possible and record the discussions clearly.',
          quote:
            'On those occasions where concerns need to be raised with another agency, workers should ensure this happens as soon as possible and that discussions are clearly recorded.',
        },
      ],
      clocks: [],
    },
    {
      id: 'stage-1',
      title: 'Manager/Named Professional with responsibilities for Safeguarding',
      // Section 2.4 names the line manager; the flow chart names the designated safeguarding professional.
      who: 'Each worker’s line manager (for school staff, the designated person) or the designated professional with responsibilities for safeguarding in their organisation, who discusses it with their opposite number',
      whoQuote:
        'If unresolved, the problem should be referred by each worker to their respective line manager, for school staff this will be the designated person, who in turn is expected to discuss with their opposite number in the other agency.',
      byAgency: [
        { agency: 'Social Worker', role: 'Line Manager' },
        { agency: 'Health Visitor', role: 'Family Health Co-ordinator' },
        { agency: 'Community Midwife', role: 'Manager or Matron' },
        { agency: 'GP', role: 'CCG Named Doctor for Safeguarding' },
        { agency: 'Paediatric Staff', role: 'Sister' },
        { agency: 'Hospital Consultant', role: 'Named Doctor for Safeguarding' },
        { agency: 'Community Mental Health Team', role: 'Line manager' },
        { agency: 'Staff in schools', role: 'Designated Person in school with Safeguarding Responsibility' },
      ],
      notes: [
        {
          text: 'The flow chart names the designated professional in your organisation who has responsibilities for safeguarding; section 2.4 names your line manager. Either may be the one you refer it to.',
          quote:
            'The respected professionals must refer the disagreement to their own designated professional in their organisation, who has responsibilities for safeguarding.',
        },
      ],
      duties: [RECORD_IN_WRITING, WRITTEN_CONFIRMATION],
      clocks: [AGREED_BETWEEN_YOU],
    },
    {
      id: 'stage-2',
      title: 'Next Level Management',
      who: 'Next Level Management in each agency: the tier above the Manager/Named Professional in Appendix A’s line of accountability',
      whoQuote: 'Manager/Named Professional Safeguarding Next Level Management HSCB Representative for Agency',
      notes: [
        {
          text: 'Appendix A’s line of accountability puts Next Level Management between the Manager/Named Professional and the HSCB Representative; the policy’s text and flow chart go from the managers straight to the HSCB representative. Appendix A’s contacts are named people, which are not shipped here: use your agency’s own.',
          quote: 'A clear line of accountability with contact details is available at Appendix A.',
        },
      ],
      duties: [RECORD_IN_WRITING, WRITTEN_CONFIRMATION],
      clocks: [AGREED_BETWEEN_YOU],
    },
    {
      id: 'stage-3',
      title: 'HSCB representative for each agency',
      who: 'The HSCB representative for each agency involved',
      whoQuote:
        'When respective managers are unable to resolve the disagreements the matter should be referred up to the HSCB representative for each agency involved.',
      duties: [RECORD_IN_WRITING, WRITTEN_CONFIRMATION],
      clocks: [AGREED_BETWEEN_YOU],
    },
    {
      id: 'stage-4',
      title: "Multi-Agency Safeguarding Children's Unit Manager",
      who: 'The Multi-Agency Safeguarding Children’s Unit Manager, who offers mediation and reports to the HSCB Chair',
      whoQuote:
        "Where HSCB representatives are unable to resolve the matter the issue should be referred to the Multi-Agency Safeguarding Children's Unit Manager, who will determine a course of action; this will include reporting to the HSCB Chair.",
      triggers: [
        {
          text: 'The HSCB representatives cannot resolve it.',
          quote:
            "Where HSCB representatives are unable to resolve the matter the issue should be referred to the Multi-Agency Safeguarding Children's Unit Manager",
        },
        {
          text: 'Or the discussion has raised significant policy issues.',
          quote:
            'In the unlikely event that the steps described above do not resolve the issue and /or the discussion has raised significant policy issues, it should be referred to the Multi Agency Safeguarding Children’s Unit Manager, who will offer mediation and determine a course of action.',
        },
      ],
      duties: [RECORD_IN_WRITING, WRITTEN_CONFIRMATION],
      clocks: [AGREED_BETWEEN_YOU],
    },
  ],
  immediateRisk: {
    sameWorkingDay: true,
    steps: [
      {
        text: 'Escalate your concerns the same working day using established safeguarding procedures.',
        quote:
          'WHEN ANY PROFESSIONAL CONSIDERS A CHILD IS AT IMMEDIATE RISK OF SIGNIFICANT HARM, THEN THE INDIVIDUAL MUST ENSURE THEIR CONCERNS ARE ESCALATED ON THE SAME WORKING DAY USING ESTABLISHED SAFEGUARDING PROCEDURES.',
      },
    ],
  },
  startAtLaterStage: { allowed: false },
  notes: [
    {
      text: 'If, after trying to resolve it, you believe the child may be at risk of significant harm, it is your responsibility (or your agency’s) to communicate that through agreed child protection procedures.',
      quote:
        'Attempts at problem resolution may leave one worker/agency believing that a child/children may be at risk of significant harm. This person/agency has responsibility for communicating such concerns through agreed child protection procedures.',
    },
  ],
  onResolution: [
    {
      id: 'refer-general-issues',
      text: 'Refer any general issues to the Multi Agency Safeguarding Children’s Unit to inform future learning.',
      quote:
        "When the issue is resolved, any general issues should be identified and referred to the Multi Agency Safeguarding Children's Unit for consideration to inform future learning.",
    },
  ],
  // The 2013 document lists only named individuals, which we never ship. Halton's
  // front door and out-of-hours numbers come from the Pan-Cheshire protocol.
  contacts: [
    {
      name: 'Integrated Contact and Referral Team',
      area: 'Halton',
      kind: 'front-door',
      phone: '0151 907 8305',
      hours: 'Mon–Thu 09:00–17:00, Fri 09:00–16:30',
      source: 'Pan-Cheshire protocol, Appendix B',
    },
    {
      name: 'Emergency Duty Team',
      area: 'Halton',
      kind: 'out-of-hours',
      phone: '0345 0500148',
      source: 'Pan-Cheshire protocol, Appendix B',
    },
  ],
  // The partnership's own forms (the template format, lib/templates/schema.ts).
  forms: [HALTON_WRITTEN_CONFIRMATION],
};
