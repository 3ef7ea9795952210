// Words the panel shows, in one place (en-GB), so a Welsh translation can be
// added as a second table. Protocol text stays in the documents' own words.
const en = {
  startTitle: 'Start an escalation',
  noEscalation: 'No escalation for this child yet.',
  protocol: 'Protocol',
  whoIAm: 'About you',
  myName: 'Your name',
  myRole: 'Your role',
  myAgency: 'Your agency',
  counterpart: 'The professional you disagree with',
  theirName: 'Their name',
  theirRole: 'Their role',
  theirAgency: 'Their agency',
  kind: 'What the disagreement is about',
  summary: 'Brief details (what, and the outcome you want for the child)',
  currentNeed: 'Current level of need',
  proposedNeed: 'Level of need you think is right',
  concernAt: 'When the concern arose (UK time)',
  flags: 'About the child',
  immediateRisk: 'The child may be at immediate risk of significant harm',
  cpPlan: 'The child is on a child protection plan',
  lookedAfter: 'The child is looked after',
  timeframe: 'Timeframe for resolution at this stage (working days)',
  startStage: 'Start at stage',
  start: 'Start escalation',
  askImmediateRisk: 'Is the child at immediate risk?',
  errorSummary: 'There is a problem',
  required: 'Enter this',
  recorded: 'Recorded.',
  history: 'History',
  ladder: 'The escalation ladder',
  whoActs: 'Who acts',
  mustDo: 'What must be done',
  timeLimits: 'Time limits',
  notCounted: 'Not counted',
} as const;

export type StringKey = keyof typeof en;

export function t(key: StringKey): string {
  return en[key];
}
