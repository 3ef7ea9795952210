// Every action the worker can take on an escalation, in the order the panel shows their buttons.
import type { Action } from './action';
import { agreeAction } from './agreed-action';
import { recordDiscussion, recordResponse } from './conversation';
import { escalate } from './escalate';
import { reopen } from './reopen';
import { resolve } from './resolve';
import { agreeTimeframe } from './timeframe';
import { withdraw } from './withdraw';
import { moveVersion } from './move-version';
import { recordMilestone } from './milestone';
import { recordAnswer } from './answer';

export type { Action } from './action';
export { ResolutionDuties } from './resolve';

export const ACTIONS: readonly Action[] = [
  recordDiscussion,
  agreeTimeframe,
  agreeAction,
  recordResponse,
  recordMilestone,
  recordAnswer,
  escalate,
  resolve,
  withdraw,
  reopen,
  moveVersion,
];
