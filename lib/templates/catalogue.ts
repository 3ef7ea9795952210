// The built-in templates: the case note every protocol offers, and the five built-in partnerships' own forms,
// each carried by its protocol (`forms` in lib/protocols/ID.ts) as any partnership's protocol may carry its own.
import type { ProtocolForm, Template } from './schema';

/** A case note for each step, for every protocol. */
const CASE_NOTE: Template = {
  id: 'case-note',
  name: 'Case note for this step',
  protocols: ['*'],
  kind: 'note',
  noteTitle: 'Multi-agency escalation {reference}: {stage}',
  referenceLine: true,
  sections: [
    {
      fields: [
        { label: 'This step', fact: 'thisStep' },
        { label: 'The disagreement', fact: 'kind' },
        { label: 'Details', fact: 'summary' },
        { label: 'With', fact: 'counterparts' },
        { label: 'Raised by', fact: 'raisedBy' },
        { label: 'Protocol', fact: 'partnership' },
        { label: 'Stage', fact: 'stage' },
        { label: 'What was agreed', fact: 'agreed' },
        { label: 'Actions', fact: 'actions' },
        { label: 'Next deadline', fact: 'nextDue' },
        { label: 'Now it is resolved, the protocol asks', fact: 'resolutionDuties', onlyWhenKnown: true },
      ],
    },
  ],
};

/** The opening rows of a written record: what the issue is and between whom. */
const ISSUE_AND_PARTIES: Template['sections'][number]['fields'] = [
  { label: 'Issue raised', fact: 'summary' },
  { label: 'The disagreement', fact: 'kind' },
  { label: 'Between', fact: 'raisedBy' },
  { label: 'And', fact: 'counterparts' },
];

/** Pan-Sussex asks for "a written record of the issue raised, the action taken and the outcome for the child". */
export const WRITTEN_RECORD: ProtocolForm = {
  id: 'written-record',
  name: 'Written record: issue raised, action taken, outcome',
  kind: 'note',
  noteTitle: 'Written record of professional disagreement {reference}',
  referenceLine: true,
  sections: [
    {
      fields: [
        ...ISSUE_AND_PARTIES,
        { label: 'Action taken', fact: 'progress' },
        { label: 'Outcome for the child', fact: 'outcome' },
        { label: 'Stage reached', fact: 'stage' },
      ],
    },
  ],
};

/**
 * Halton 2.5: "written confirmation between the parties about an agreed outcome of the disagreements
 * and how any outstanding issues will be pursued".
 */
export const HALTON_WRITTEN_CONFIRMATION: ProtocolForm = {
  id: 'halton-written-confirmation',
  name: 'Written confirmation: agreed outcome and how outstanding issues will be pursued',
  source: 'Halton policy, section 2.5',
  kind: 'note',
  noteTitle: 'Written confirmation of professional disagreement {reference}',
  referenceLine: true,
  sections: [
    {
      fields: [
        ...ISSUE_AND_PARTIES,
        { label: 'Actions and decisions', fact: 'progress' },
        { label: 'Agreed outcome of the disagreement', fact: 'outcome' },
        { label: 'How any outstanding issues will be pursued', fact: 'outstandingIssues' },
        { label: 'Stage reached', fact: 'stage' },
      ],
    },
  ],
};

export const ENFIELD_SUMMARY: ProtocolForm = {
  id: 'enfield-executive-summary',
  name: 'Executive summary of the concerns and how they were resolved',
  source: 'Enfield protocol, section 6, Stage 2',
  kind: 'note',
  noteTitle: 'Executive summary: inter-agency escalation {reference}',
  referenceLine: true,
  sections: [
    {
      heading: 'The concerns',
      fields: [
        { label: 'Concern', fact: 'summary' },
        { label: 'The disagreement', fact: 'kind' },
        { label: 'Agencies involved', fact: 'counterparts' },
        { label: 'Raised by', fact: 'raisedBy' },
      ],
    },
    {
      heading: 'Escalation',
      fields: [
        { label: 'Stages and actions', fact: 'progress' },
        { label: 'Stage reached', fact: 'stage' },
      ],
    },
    {
      heading: 'How they were resolved',
      fields: [
        { label: 'How', fact: 'methodology' },
        { label: 'Outcome', fact: 'outcome' },
        { label: 'Learning', fact: 'lessons' },
      ],
    },
  ],
};

export const CHESHIRE_APPENDIX_A: ProtocolForm = {
  id: 'cheshire-appendix-a',
  name: 'Appendix A: professional challenge form (Step 3)',
  source: 'Pan-Cheshire policy, Appendix A',
  kind: 'form',
  noteTitle: 'Appendix A Step 3 escalation form {reference}',
  referenceLine: false,
  sections: [
    {
      heading:
        "Form for submitting professional challenge cases for escalation and resolution to the Local Safeguarding Children's Partnership (Step 3)",
      fields: [
        { label: 'Name of Child/Young Person', fact: 'childName' },
        { label: 'Date of Birth', fact: 'childDob' },
        { label: 'Address', fact: 'childAddress' },
        { label: 'Name of Manager who escalated concern at Step 1, Role and Agency', fact: 'stage1Manager' },
        { label: 'Name of Manager who escalated concern at Step 2, Role and Agency', fact: 'stage2Manager' },
        { label: 'Date that Step 2 was concluded', fact: 'stage2Concluded' },
        { label: 'Name of Board Members, Roles and Agencies Involved', fact: 'boardMembers' },
        { label: 'Brief details about the inter-agency disagreement', fact: 'summary' },
        { label: 'What was the methodology used to resolve the disagreement?', fact: 'methodology' },
        { label: 'Please submit this referral to', fact: 'submitTo' },
      ],
    },
  ],
};

export const HEREFORDSHIRE_LOG_ROW: ProtocolForm = {
  id: 'herefordshire-appendix-1',
  name: 'Appendix 1: agency escalation summary log row',
  source: 'Herefordshire protocol, Appendix 1',
  kind: 'log-row',
  noteTitle: 'Escalation summary log {reference}',
  referenceLine: false,
  sections: [
    {
      fields: [
        { label: 'Escalation Ref Number', fact: 'reference' },
        { label: 'Child Details (Name, DOB, Age, Unique identifier)', fact: 'childDetails' },
        { label: 'Concern', fact: 'kind' },
        { label: 'Level of Need (current and proposed)', fact: 'levelOfNeed' },
        { label: 'Summary of Professional Difference', fact: 'summary' },
        { label: 'Date initial escalation raised', fact: 'concernDate' },
        { label: 'Action taken / Progress updates', fact: 'progress' },
        { label: 'Outcome / Summary of Resolution', fact: 'outcome' },
      ],
    },
  ],
};

export const HEREFORDSHIRE_APPENDIX_2: ProtocolForm = {
  id: 'herefordshire-appendix-2',
  name: 'Appendix 2: Report to HSCP – Multi-Agency Resolution',
  source: 'Herefordshire protocol, Appendix 2',
  kind: 'form',
  noteTitle: 'Report to HSCP – Multi-Agency Resolution {reference}',
  referenceLine: false,
  sections: [
    {
      heading: 'Section A: Escalation Information',
      intro:
        'Completed forms should be sent to the HSCP Partnership Team: admin.sbu@herefordshire.gov.uk, and to the relevant professional at Stage 2 in the organisation to which the challenge is being raised. The relevant professional is the Designated Safeguarding Lead / Service Manager / Head of Service (as per Stage 2 of the policy).',
      fields: [
        { label: '1.1 Name of child/young person', fact: 'childName' },
        { label: '1.2 D.O.B', fact: 'childDob' },
        { label: "1.3 Child's Address", fact: 'childAddress' },
        { label: '1.4 Unique child reference number (e.g. Mosaic I.D)', fact: 'childId' },
        {
          label: '2.1 Brief details of professional difference (please describe the issue, concerns, and desired outcome)',
          fact: 'summary',
        },
        {
          label:
            '2.2 What are the key themes or practice issues in this matter? (Please note if this is a recurring issue. If so, it is helpful to reference previous escalations.)',
          fact: 'themes',
        },
        {
          label: '3.1 Name of Professional, role, agency and email contact details of the person escalating a concern',
          fact: 'raisedByEmail',
        },
        { label: '3.2 Name(s) of other professionals involved, roles and agency', fact: 'counterparts' },
        {
          label: '4.1 Current level of need (Right help right time, also state any legal orders, CIN / CP Plan, etc.)',
          fact: 'levelCurrent',
        },
        {
          label: '4.2 Perceived level of need (Right help right time, also state any legal orders, CIN / CP Plan, etc.)',
          fact: 'levelProposed',
        },
        { label: '4.3 Date of initial concern', fact: 'concernDate' },
        { label: '4.4 Action taken', fact: 'agreed' },
      ],
    },
    {
      heading: 'Section B: Progress Updates',
      fields: [{ label: 'Progress update (meetings, agreed actions, timeframes, higher stages)', fact: 'progress' }],
    },
    {
      heading: 'Section C: Resolution Summary',
      fields: [
        { label: 'Methodology used to resolve disagreement', fact: 'methodology' },
        { label: 'Difference resolved at: Escalation Stage', fact: 'resolvedStage' },
        { label: 'Difference resolved at: Date', fact: 'resolvedAt' },
        { label: 'Lessons learned, themes, recommendations for the HSCP to consider, and feedback', fact: 'lessons' },
        { label: 'Form completed by', fact: 'completedBy' },
        { label: 'Date', fact: 'today' },
      ],
    },
  ],
};

/** The case notes every protocol offers; a partnership's own forms come with its protocol (`forms`). */
export const TEMPLATES: Template[] = [CASE_NOTE];
