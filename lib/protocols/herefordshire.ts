import { HEREFORDSHIRE_LOG_ROW, HEREFORDSHIRE_APPENDIX_2 } from '../templates/catalogue';
import type { ClockRuleInput, ProtocolInput } from './schema';

const AGREED_RESPONSE_TIMEFRAME: ClockRuleInput = {
  id: 'agreed-response',
  kind: 'agreed',
  anchor: 'stage-entered',
  required: false,
  label: 'Response within the agreed timeframe',
  quote:
    'At all formal stages of the protocol, agencies should agree the timeframes for when a response to the issue/concern raised will be provided.',
};

const RECORD_ON_FILE = {
  id: 'record-on-file',
  text: 'Both parties record what was resolved or agreed, with timescales, on the child’s file.',
  quote: 'Matters resolved or actions agreed including timescales must be recorded on the child’s file by both parties.',
};

const AGREE_WHO_RECORDS = {
  id: 'agree-who-records',
  text: 'Agree who records the agreed actions and shares them with the other agency, then check they are done in time.',
  quote:
    'To ensure a shared understanding of the agreed action, the agencies must agree who will make a record of the agreed actions and share it with the other agency.',
};

// Version 2 (issue 36): Stage 4's independent chair and the SPG's agreed plan, and professionals' continuing
// responsibility from Stage 2. Version 1 stays, as released, in docs/protocols/earlier/.
export const herefordshire: ProtocolInput = {
  id: 'herefordshire',
  version: '2',
  title: 'Multi-agency resolution protocol / guidance',
  partnership: 'Herefordshire Safeguarding Children Partnership (HSCP)',
  areas: ['Herefordshire'],
  source: {
    title: 'Multi-agency resolution protocol / guidance',
    seedFile: '004_15680833d3c1ccff.txt',
    version: 'Undated',
  },
  stages: [
    {
      id: 'initial',
      title: 'Raise the issue with your counterpart (not a formal stage)',
      who: 'The practitioner with the concern and their counterpart in the other agency',
      whoQuote: 'The practitioner with the concern should raise the issue/concern with their counterpart',
      duties: [
        {
          id: 'record-agreed-outcome',
          text: 'Record the agreed outcome of the discussion or actions on the child’s case records.',
          quote:
            'This is not a formal stage in the protocol and the agreed outcome of discussions or actions must be recorded on the child’s case records',
        },
      ],
      clocks: [],
    },
    {
      id: 'stage-1',
      title: 'Stage 1 Line/Team Manager to Line/Team Manager',
      who: 'The line or team manager, with their counterpart in the other agency',
      whoQuote: 'The line or team manager should discuss the issue with their counterpart in the other agency.',
      duties: [
        {
          id: 'summary-on-file',
          text: 'Both parties record a summary of the issues and the actions agreed, with timescales, on the child’s case file.',
          quote:
            'A summary of the issues and actions agreed including timescales must be recorded on the child’s case file by both parties.',
          form: 'herefordshire-appendix-1',
        },
        {
          id: 'notify-iro',
          text: 'Notify the Independent Reviewing Officer (the child is on a Child Protection Plan or looked after).',
          quote:
            'Where a child is subject to a Child Protection Plan or is a Looked-After Child, the Independent Reviewing Officer must also be notified.',
          onlyIf: 'cp-plan-or-looked-after',
        },
        AGREE_WHO_RECORDS,
      ],
      clocks: [
        {
          id: 'within-3-days',
          kind: 'working-days',
          days: 3,
          anchor: 'concern',
          label: 'Stage 1 completed within 1–3 working days of the initial concern',
          quote: 'Stage 1 should be completed within 1-3 working days however do not delay if inaction will increase the risk to a child.',
        },
        AGREED_RESPONSE_TIMEFRAME,
      ],
    },
    {
      id: 'stage-2',
      title: 'Stage 2 Safeguarding Lead/Service Manager/Head of Service to Safeguarding Lead/Service Manager/Head of Service',
      who: 'The Safeguarding Lead, Service Manager or Head of Service in each agency',
      whoQuote:
        'The relevant professional is the Designated Safeguarding Lead / Service Manager / Head of Service (at Stage 2 of the policy) in the organisation to which the challenge is being raised.',
      notes: [
        {
          text: 'You stay responsible for progressing the escalation, including convening meetings, from Stage 2 on: the Partnership Team logs it, and helps only to arrange a meeting of the Safeguarding Partners at Stage 4.',
          quote:
            'Professionals continue to be responsible for progressing the escalation, including convening meetings, at Stage 2 and beyond.',
        },
      ],
      duties: [
        {
          id: 'appendix-2',
          text: 'Complete the Report to HSCP (Appendix 2) and submit it to the Partnership team.',
          quote:
            'The Report to HSCP: Multi-agency resolution template (Appendix 2) must be completed and submitted to the Partnership team for escalations at Stage 2.',
          form: 'herefordshire-appendix-2',
        },
        {
          id: 'appendix-2-to-other-agency',
          text: 'Send the form to the relevant professional (Stage 2) in the other organisation too.',
          quote: 'The Form must also be sent to the relevant professional in the other organisation.',
        },
        RECORD_ON_FILE,
        AGREE_WHO_RECORDS,
        {
          id: 'record-dispute-details',
          text: 'If it is still unresolved, record the details of the dispute and escalate to Stage 3.',
          quote: 'If matters remain unresolved at Stage 2, details of dispute must be recorded and escalated to Stage 3.',
          onlyIf: 'unresolved',
        },
        {
          id: 'inform-service-director',
          text: 'Before going to Stage 3, the local authority children’s services manager informs the Service Director Safeguarding and Family Support.',
          quote:
            'NB For all escalations in respect of Local Authority Children’s Services, if resolution is not agreed at Stage 2, then before going to Stage 3, the Service Director Safeguarding and Family Support must be informed by the Local Authority Children’s Services manager involved at Stage 2.',
          onlyIf: 'local-authority-childrens-services',
        },
      ],
      clocks: [
        {
          id: 'by-day-8',
          kind: 'working-days',
          days: 8,
          anchor: 'concern',
          label: 'Stage 2 completed by Day 8 from the initial concern',
          quote:
            'The outcome of discussions at Stage 2 must be completed no later than by Day 8 from the initial concern (working days) however do not delay if inaction will increase the risk to a child.',
        },
        AGREED_RESPONSE_TIMEFRAME,
      ],
    },
    {
      id: 'stage-3',
      title: 'Stage 3: Escalation to Executive Leader/Director/Senior Manager',
      who: 'Executive Leaders, Directors or Senior Managers of the agencies',
      whoQuote:
        'If matters remain unresolved, consideration should be given to arranging a meeting between Executive Leaders and relevant professionals in order to explore and resolve the issues/concerns.',
      duties: [
        {
          id: 'appendix-2-update',
          text: 'Update the Report to HSCP (Appendix 2) and submit it to the Partnership team.',
          quote:
            'The Report to HSCP: Multi-agency resolution template (Appendix 2) must be updated and submitted to the Partnership team for escalations at Stage 3.',
          form: 'herefordshire-appendix-2',
        },
        RECORD_ON_FILE,
        {
          ...AGREE_WHO_RECORDS,
          quote:
            'Matters resolved or actions agreed including timescales must be recorded on the child’s file by both parties and to ensure a shared understanding of the agreed action, the agencies must agree who will make a record of the agreed actions and share it with the other agency.',
        },
      ],
      clocks: [
        {
          id: 'by-day-13',
          kind: 'working-days',
          days: 13,
          anchor: 'concern',
          label: 'Stage 3 completed by day 13 from the initial concern',
          quote:
            'This stage must be completed by day 13 (working days) from the initial concern, however do not delay if inaction will increase the risk to a child.',
        },
        AGREED_RESPONSE_TIMEFRAME,
      ],
    },
    {
      id: 'stage-4',
      title: 'Stage 4: Escalation to Safeguarding Partners Board (SPG)',
      who: 'The Chair of the Safeguarding Partners Board (SPG)',
      whoQuote:
        'If it has not been possible to resolve professional differences following discussion between Executive Leaders, the matters should be referred by the concerned agency for the attention of the Chair of the SPG.',
      duties: [
        {
          id: 'appendix-2-partnership',
          text: 'Update the Report to HSCP (Appendix 2) to inform the Partnership Team, who help arrange the resolution meeting.',
          quote:
            'The Partnership Team should be informed, through updating the Report to HSCP: Multi-Agency Resolution template (Appendix 2), and the Partnership Team will support arranging the resolution meeting.',
          form: 'herefordshire-appendix-2',
        },
        {
          id: 'spg-agreed-plan',
          text: 'The Safeguarding Partners Board (SPG) agrees a plan to resolve the matter.',
          quote: 'An agreed plan to resolve the matter should be agreed by the SPG.',
        },
        {
          id: 'copy-in-records',
          text: 'Keep a copy of the meeting record in the child’s records in both agencies.',
          quote: 'A copy should be held within the child’s records in both agencies.',
        },
      ],
      notes: [
        {
          text: 'The resolution meeting is chaired by a member of the Safeguarding Partners Board who is not from one of the agencies involved.',
          quote: 'The Chair of the resolution meeting should not be from one of the agencies involved in the escalation matter.',
        },
      ],
      clocks: [
        {
          id: 'by-day-20',
          kind: 'working-days',
          days: 20,
          anchor: 'concern',
          label: 'Stage 4 completed by day 20 from the initial concern',
          quote:
            'This stage should be completed by day 20 (working days) from the initial concern however do not delay if inaction will increase the risk to a child.',
        },
        AGREED_RESPONSE_TIMEFRAME,
      ],
    },
  ],
  immediateRisk: {
    sameWorkingDay: true,
    steps: [
      {
        text: 'Make sure your concerns are addressed the same working day using established safeguarding referral procedures.',
        quote:
          'When any professional considers a child is at immediate risk of significant harm, then the individual must ensure their concerns are addressed on the same working day using established safeguarding referral procedures.',
      },
      {
        text: 'Do not delay if inaction will increase the risk to the child.',
        quote: 'Do not delay if inaction will increase the risk to a child',
      },
    ],
  },
  startAtLaterStage: { allowed: false },
  timescalesNote: {
    text: 'The timeframes are indicative: some matters need a swifter response. Do not delay if inaction will increase the risk to a child.',
    quote:
      'Timeframes, set out in working days from the initial escalation, are suggested for each stage in the protocol however these are indicative timeframes and, in some cases, the matter will require a swifter response.',
  },
  notes: [
    {
      text: 'If the concern is that an adult working or volunteering with children may have harmed a child, a referral must be made to the Local Authority Designated Officer (LADO) within 24 hours.',
      quote:
        'If an adult who is working or volunteering with children and young people is subject to an allegation that they may have harmed a child, a referral must be made to the Local Authority Designated Officer (LADO) within 24 hours to report the concern.',
    },
  ],
  onResolution: [
    {
      id: 'appendix-2-resolved',
      text: 'Update the Report to HSCP (Section C) and re-submit it to the Partnership Team.',
      quote:
        'Professionals should continue to update the Partnership Team by updating the form and re-submitting it when the issue is resolved, and/or if the escalation progresses to a higher Stage.',
      form: 'herefordshire-appendix-2',
    },
  ],
  contacts: [{ name: 'HSCP Partnership Team', area: 'Herefordshire', kind: 'partnership', email: 'admin.sbu@herefordshire.gov.uk' }],
  // The partnership's own forms (the template format, lib/templates/schema.ts).
  forms: [HEREFORDSHIRE_LOG_ROW, HEREFORDSHIRE_APPENDIX_2],
};
