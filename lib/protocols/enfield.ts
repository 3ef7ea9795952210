import { ENFIELD_SUMMARY } from '../templates/catalogue';
import type { ProtocolInput } from './schema';

// "Information will be collected where cases or situation required escalation to partnership
// meetings or chairs, as well as any incidents where escalation required Level 4 or above
// intervention (see Appendix 2). In these cases, the Enfield Safeguarding business unit should be
// included in the emails": two cases. Step 4 (the Chair of ESCP) is always one of them; at earlier
// stages it depends on the seniority Level of those involved (Appendix B's table), not the stage.
const BUSINESS_UNIT_QUOTE =
  'In these cases, the Enfield Safeguarding business unit should be included in the emails (safeguardingenfield@enfield.gov.uk).';
const LEVEL_4_SHARED = {
  id: 'level-4-shared',
  text: 'If this has needed Level 4 or above intervention (see the table of corresponding seniority), include the Enfield Safeguarding business unit (safeguardingenfield@enfield.gov.uk) in the emails.',
  quote: BUSINESS_UNIT_QUOTE,
  onlyIf: { fact: 'level-4-or-above', is: true },
};
const CHAIR_SHARED = {
  id: 'chair-shared',
  text: 'This has gone to the Chair of ESCP: include the Enfield Safeguarding business unit (safeguardingenfield@enfield.gov.uk) in the emails.',
  quote: BUSINESS_UNIT_QUOTE,
};

const CONDUCT_QUOTE =
  "In such cases, reference should be made to the agency's own Whistleblowing Policy and in the case of a child an initial discussion should be held with line management and the LADO";

// Version 2 (issue 36): the Level 4 condition asked and recorded; §7's request for a conference, the
// "short notice response" round table and §9's cross-borough route; Appendix B's "Executive Director for
// People" and its Acute Hospital cell. Version 1 stays, as released, in docs/protocols/earlier/.
export const enfield: ProtocolInput = {
  edition: 2,
  id: 'enfield',
  version: '2',
  facts: [
    {
      id: 'level-4-or-above',
      question: 'Has this needed Level 4 or above intervention (see the table of corresponding seniority)?',
      quote: 'as well as any incidents where escalation required Level 4 or above intervention (see Appendix 2)',
    },
    {
      id: 'cross-borough',
      question: 'Is this a dispute across boroughs (with another local authority)?',
      quote:
        'Should it not be possible to resolve disagreements at first line manager level, they should be immediately escalated through the agency management structure who will liaise with their other LA counterpart to seek resolution.',
    },
  ],
  routes: [
    {
      id: 'conference-request',
      kinds: ['child-protection-conference'],
      title: 'An agency believes a child protection conference should be held and Children’s Social Care disagree',
      who: 'Children’s Social Care, when one or more professionals supported by a senior manager or named or designated professional formally request a conference',
      quote:
        "If concerns remain after this, the agency may formally request that children's social care convene a child protection conference. Where one or more professionals supported by a senior manager or named or designated professional makes this request, Children's Social Care should convene a conference.",
      notes: [
        {
          text: 'Follow Stage 1 first; if concerns remain, your agency may formally request that Children’s Social Care convene a child protection conference.',
          quote:
            "One agency believes a child protection conference should be held and Children's Social Care disagree: The procedure outlined above in stage 1 should be followed.",
        },
      ],
    },
  ],
  title: 'Inter-agency Escalation and Resolution Protocol',
  partnership: "Enfield Safeguarding Children's Partnership (ESCP)",
  areas: ['Enfield'],
  source: {
    title:
      "Inter-agency Escalation and Resolution Protocol: The resolution of professional disagreements in working together in children's safeguarding",
    seedFile: '002_c4333947cb7e0dcc.txt',
    version: 'Undated (refers to Working Together to Safeguard Children 2023)',
  },
  stages: [
    {
      id: 'initial',
      title: 'Practitioners working directly with the family',
      who: 'The practitioners working directly with the family',
      whoQuote:
        'If practitioners working directly with the family are unable to reach agreement about the way forward in an individual case, then their disagreement must be addressed by more senior staff.',
      duties: [
        {
          id: 'record-on-file',
          text: 'Record the key decisions and conversations on the child’s file.',
          quote:
            "Ensure accurate and contemporary recording on the child's file of key decisions and conversations in relation to the resolution process.",
        },
      ],
      clocks: [],
    },
    {
      id: 'stage-1',
      title: 'Stage 1',
      who: 'The first line manager, with their equivalent in the partner agency',
      whoQuote:
        'In most cases this will mean the first line manager who will discuss the disagreement with their equivalent in the partner agency.',
      duties: [
        {
          id: 'record-on-file',
          text: 'Record the discussion on the child’s file.',
          quote:
            "Ensure accurate and contemporary recording on the child's file of key decisions and conversations in relation to the resolution process.",
        },
        {
          id: 'cross-borough-management',
          text: 'Across boroughs: if first line managers cannot resolve it, escalate it immediately through your agency’s management structure, who liaise with their counterpart in the other local authority.',
          quote:
            'Should it not be possible to resolve disagreements at first line manager level, they should be immediately escalated through the agency management structure who will liaise with their other LA counterpart to seek resolution.',
          onlyIf: { fact: 'cross-borough', is: true },
        },
      ],
      clocks: [
        // In the Stage 1 paragraph: the line managers are told the day the practitioners fail to
        // agree, i.e. the day the escalation enters Stage 1, not the day the concern arose.
        {
          id: 'line-managers-same-day',
          kind: 'same-working-day',
          anchor: 'stage-entered',
          label: 'Line managers informed the same working day',
          quote: 'The line managers should be informed the same working day.',
        },
        {
          id: 'refer-next-working-day',
          kind: 'next-working-day',
          anchor: 'stage-entered',
          label: 'If unresolved, referred to Head of Service by the next working day',
          quote:
            'If the concern continues then the line manager should without delay, but no later than the next working day, refer to a Head of Service or equivalent and a discussion should take place with the equivalent in all the key agencies involved with the child and family, at a professionals meeting which is convened within 2 working days.',
        },
      ],
    },
    {
      id: 'stage-2',
      title: 'Stage 2',
      who: 'A Head of Service or equivalent, with the equivalent in all the key agencies',
      whoQuote:
        'If the concern continues then the line manager should without delay, but no later than the next working day, refer to a Head of Service or equivalent and a discussion should take place with the equivalent in all the key agencies involved with the child and family, at a professionals meeting which is convened within 2 working days.',
      duties: [
        {
          id: 'executive-summary',
          text: 'Keep written records of the discussions and an executive summary of the concerns and how they were resolved, on the child’s case file and in your agency.',
          quote:
            "Written records must be kept of all these discussions, as well as an executive summary of the concerns and how they were resolved, and these should be retained on the child's case file and by the agency raising the concern.",
          form: 'enfield-executive-summary',
        },
        {
          id: 'feedback',
          text: 'Tell the person who raised the concern what action has been taken.',
          quote:
            'It is important that timely feedback is given to the person who raised the concern as to what action has been taken in response.',
        },
        LEVEL_4_SHARED,
      ],
      clocks: [
        {
          id: 'professionals-meeting',
          kind: 'working-days',
          days: 2,
          anchor: 'stage-entered',
          label: 'Professionals meeting convened within 2 working days',
          quote:
            'If the concern continues then the line manager should without delay, but no later than the next working day, refer to a Head of Service or equivalent and a discussion should take place with the equivalent in all the key agencies involved with the child and family, at a professionals meeting which is convened within 2 working days.',
        },
      ],
    },
    {
      id: 'stage-3',
      title: 'Stage 3',
      who: "The next senior person in the agency's line management",
      whoQuote:
        "If matters cannot be resolved at step 2, then the matter should be escalated to the next senior person in the agency's line management.",
      duties: [LEVEL_4_SHARED],
      clocks: [],
    },
    {
      id: 'stage-4',
      title: 'Step 4',
      who: 'The Chair of ESCP, via the ESCP Strategic Safeguarding Partnership Manager',
      whoQuote:
        'At Step 4, the matter will be referred directly to the Chair of ESCP via the ESCP Strategic Safeguarding Partnership Manager.',
      duties: [CHAIR_SHARED],
      clocks: [],
    },
  ],
  clocks: [
    {
      id: 'five-days-to-resolution',
      kind: 'working-days',
      days: 5,
      anchor: 'entered:stage-1',
      stages: ['stage-1', 'stage-2', 'stage-3', 'stage-4'],
      label: 'Resolved within 5 working days of Stage 1',
      quote: 'The timescale for resolution should still be within 5 working days from initial stage 1 to resolution of the dispute.',
    },
  ],
  immediateRisk: {
    sameWorkingDay: false,
    steps: [
      {
        text: 'If the child is in immediate danger, phone 999.',
        quote: 'If you or a child is in immediate danger you should always phone 999.',
      },
      {
        text: 'If you are worried about the child, contact the MASH on 0208 379 5555.',
        quote: 'If you are worried about a child for any reason, contact MASH on 0208 379 5555.',
      },
      {
        text: 'Between 5pm and 9am on weekdays, or at any time at the weekend, call the emergency out-of-hours duty team on 020 8379 1000.',
        quote:
          'If you are calling between 5pm and 9am weekdays or anytime at the weekend, call the Emergency out-of-hours duty team on 020 8379 1000.',
      },
    ],
  },
  startAtLaterStage: { allowed: false },
  notes: [
    {
      text: 'This protocol does not cover concerns about the behaviour or conduct of another professional: follow your agency’s whistleblowing policy and, where a child is concerned, hold an initial discussion with line management and the LADO.',
      quote: CONDUCT_QUOTE,
    },
    {
      text: 'Complex high-risk cases (polarised views between children’s social care, police and health, or a contested risk management plan for an allegation against a professional): senior multi-agency oversight in a timely way, by convening a “short notice response” round table with Heads of Service, DCI and Designated leads, who propose actions for front-line staff.',
      quote:
        "In such cases, that multi-agency oversight of the case involving senior staff is undertaken in a timely way on by convening a 'short notice response' round table discussion, to include Heads of Service/ DCI/ Designated leads.",
    },
  ],
  onResolution: [
    {
      id: 'refer-learning',
      text: 'Refer any general issues to your agency’s ESCP representative for the Practice Improvement group.',
      quote:
        "Any general issues should be identified and referred to the agency's representative on the ESCP for consideration by the Practice Improvement group to inform future learning and possible changes to existing policies and procedures.",
    },
  ],
  contacts: [
    { name: 'Multi-Agency Safeguarding Hub (MASH)', area: 'Enfield', kind: 'front-door', phone: '0208 379 5555' },
    {
      name: 'Emergency out-of-hours duty team',
      area: 'Enfield',
      kind: 'out-of-hours',
      phone: '020 8379 1000',
      hours: '5pm to 9am weekdays, and all weekend',
    },
    { name: 'Police (immediate danger)', area: 'Enfield', kind: 'emergency', phone: '999' },
    { name: 'Enfield Safeguarding business unit', area: 'Enfield', kind: 'partnership', email: 'safeguardingenfield@enfield.gov.uk' },
  ],
  // Appendix B, "for indicative purposes only". The source is a flattened chart: a cell is encoded
  // only where its words sit in that agency's column on that level's row. Cells whose words fall
  // between rows or columns are listed as illegible, with the words, so the panel says so instead
  // of guessing.
  seniority: {
    quote: "ENFIELD SAFEGUARDING CHILDREN'S PARTNERSHIP - for indicative purposes only to show corresponding levels of seniority",
    agencies: [
      'Met Police',
      "Children's Social Care",
      'Early Help',
      'YOT Targeted Support',
      'Commissioning Orgs & Primary Care',
      'Community Health',
      'Acute Hospital',
      'Mental Health Services',
      'Education',
    ],
    levels: [
      {
        'Met Police': 'PC / DC (investigating officer)',
        "Children's Social Care": 'Social Worker',
        'Early Help': 'Early Help / Family',
        'YOT Targeted Support': 'YOT Worker',
        'Community Health': 'Health staff',
        'Acute Hospital': 'NMUH Frontline Staff',
        'Mental Health Services': 'CAMHS / BEH Frontline',
        Education: 'Support Staff',
      },
      {
        'Met Police': 'Detective Sergeant',
        "Children's Social Care": 'Team Manager',
        'Early Help': 'EH Team Manager',
        'YOT Targeted Support': 'YOT Team Manager',
        'Community Health': 'Named Nurse / CP Advisor',
        'Acute Hospital': 'Named Nurse / Dr. / Midwife',
        'Mental Health Services': 'Named Nurse / Named Doctor',
        Education: 'Teacher',
      },
      {
        'Met Police': 'Detective Inspector',
        "Children's Social Care": 'Service Manager',
        'Early Help': 'Head of Service EH',
        'YOT Targeted Support': 'Head of Service YOT',
        'Commissioning Orgs & Primary Care': 'Designated Doctor / Named GP',
        'Acute Hospital': 'Head of Safeguarding',
        Education: 'Headteacher / Assistant Headteacher',
      },
      {
        'Met Police': 'Inspector',
        'Early Help': 'Head of Service EH, Youth and Community Services',
        'YOT Targeted Support': 'Head of Service EH, Youth and Community Services',
        'Community Health': 'Provider Executive Lead',
        Education: 'Headteacher / Head of School',
      },
      {
        'Met Police': 'Det. Superintendent',
        "Children's Social Care": 'Director of Children and Family Services',
        'Community Health': 'CCG Director of Quality & Chief Nurse',
        Education: 'Executive Headteacher',
      },
      // The chart's top line, above Level 5 and unnumbered: only the words below (see `illegible`).
      {},
    ],
    levelNames: ['Level 1', 'Level 2', 'Level 3', 'Level 4', 'Level 5', 'Above Level 5'],
    illegible: [
      {
        level: 1,
        agency: 'Commissioning Orgs & Primary Care',
        words: 'GPs/Lead … Safeguarding GPs, Commissioners (across Levels 1 and 2)',
      },
      {
        level: 2,
        agency: 'Commissioning Orgs & Primary Care',
        words: 'GPs/Lead … Safeguarding GPs, Commissioners (across Levels 1 and 2)',
      },
      {
        level: 4,
        agency: 'Commissioning Orgs & Primary Care',
        words: 'Designated Nurse/ Designated Dr (between the columns, beside Level 4)',
      },
      {
        level: 4,
        agency: 'Acute Hospital',
        words: 'Designated Nurse/ Designated Dr (in the Acute Hospital column, on the line between Levels 4 and 5)',
      },
      {
        level: 6,
        agency: "Children's Social Care",
        words: 'Executive Director for People (the top of the chart, above Level 5; the chart names no agency for it)',
      },
    ],
  },
  // The partnership's own forms (the template format, lib/templates/schema.ts).
  forms: [ENFIELD_SUMMARY],
};
