// The words for kinds of disagreement and reasons a stage was entered: plain data, so a page can show them
// without loading the record schemas (lib/records/model.ts) before its first paint.

/** The kinds of disagreement the seed protocols name. */
export const DISAGREEMENT_KINDS = {
  thresholds: 'Thresholds / levels of need',
  'roles-and-responsibilities': 'Roles and responsibilities',
  'action-or-inaction': 'Action or inaction',
  'drift-or-delay': 'Drift or delay',
  'service-provision': 'Service provision',
  'information-sharing': 'Information sharing',
  'child-protection-conference': 'A child protection conference',
  'plan-implementation': "The plan's implementation",
  'assessment-outcome': "An assessment's outcome",
  other: 'Other',
} as const;

/** Why a stage was entered, as the history says it. */
export const STAGE_ENTRY_REASONS = {
  start: 'Escalation started',
  unresolved: 'Not resolved at the previous stage',
  'no-response': 'No response within the agreed timeframe',
  'immediate-risk': 'Immediate risk to the child',
  /** Issue 36: one of the reasons the protocol itself gives for the stage ("the discussion has raised significant policy issues"). */
  'protocol-reason': 'A reason the protocol gives for this stage',
} as const satisfies Record<string, string>;
export type StageEntryReason = keyof typeof STAGE_ENTRY_REASONS;

/** Issue 36: milestones a second-edition protocol's clocks may count from, as the history says them. */
export const MILESTONE_WORDS = {
  'meeting-arranged': 'Meeting arranged',
  'meeting-held': 'Meeting held',
  'referral-received': 'Referral received',
  acknowledged: 'Acknowledged by the person escalated to',
  informed: 'Informed',
} as const;
