import type { ClockRule } from './schema';
import type { ProtocolInput } from './schema';

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
};

// Halton sets no fixed timescales; it asks for timely resolution, so each stage
// offers a timeframe the parties agree.
const AGREED_TIMEFRAME: ClockRule = {
  id: 'agreed-timeframe',
  kind: 'agreed',
  anchor: 'stage-entered',
  required: false,
  label: 'Timeframe agreed between the parties',
  quote:
    'Professional disagreement is only dysfunctional if not resolved in a constructive and timely fashion.',
};

export const halton: ProtocolInput = {
  id: 'halton',
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
      who: 'Each worker’s line manager (for school staff, the designated person), who discusses it with their opposite number',
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
      duties: [RECORD_IN_WRITING, WRITTEN_CONFIRMATION],
      clocks: [AGREED_TIMEFRAME],
    },
    {
      id: 'stage-2',
      title: 'HSCB representative for each agency',
      who: 'The HSCB representative for each agency involved',
      whoQuote:
        'When respective managers are unable to resolve the disagreements the matter should be referred up to the HSCB representative for each agency involved.',
      duties: [RECORD_IN_WRITING, WRITTEN_CONFIRMATION],
      clocks: [AGREED_TIMEFRAME],
    },
    {
      id: 'stage-3',
      title: "Multi-Agency Safeguarding Children's Unit Manager",
      who: 'The Multi-Agency Safeguarding Children’s Unit Manager, who offers mediation and reports to the HSCB Chair',
      whoQuote:
        "Where HSCB representatives are unable to resolve the matter the issue should be referred to the Multi-Agency Safeguarding Children's Unit Manager, who will determine a course of action; this will include reporting to the HSCB Chair.",
      duties: [RECORD_IN_WRITING, WRITTEN_CONFIRMATION],
      clocks: [AGREED_TIMEFRAME],
    },
  ],
  immediateRisk: {
    text: 'If you consider the child is at immediate risk of significant harm, escalate the same working day using established safeguarding procedures.',
    quote:
      'WHEN ANY PROFESSIONAL CONSIDERS A CHILD IS AT IMMEDIATE RISK OF SIGNIFICANT HARM, THEN THE INDIVIDUAL MUST ENSURE THEIR CONCERNS ARE ESCALATED ON THE SAME WORKING DAY USING ESTABLISHED SAFEGUARDING PROCEDURES.',
    sameWorkingDay: true,
  },
  startAtLaterStage: { allowed: false },
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
    { name: 'Integrated Contact and Referral Team', area: 'Halton', kind: 'front-door', phone: '0151 907 8305', hours: 'Mon–Thu 09:00–17:00, Fri 09:00–16:30', source: 'Pan-Cheshire protocol, Appendix B' },
    { name: 'Emergency Duty Team', area: 'Halton', kind: 'out-of-hours', phone: '0345 0500148', source: 'Pan-Cheshire protocol, Appendix B' },
  ],
};
