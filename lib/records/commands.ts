// The changes a page makes to the records, and how their answers and refusals travel as plain data (a page may
// be in another context than the records: the in-page panel asks the background). No browser APIs.
import { t } from '../strings';
import { InvalidInputError, TransitionError } from './errors';
import type { Escalation, EventBody, NewEscalation } from './model';

/** One change, with the id made when the worker pressed the button (reused on a retry; see lib/escalations.ts). */
export type RecordsCommand =
  | { kind: 'create'; changeId: string; input: NewEscalation; by?: string; at?: string }
  | { kind: 'record'; changeId: string; id: string; body: EventBody; by?: string; at?: string };

/** An error as it travels between contexts: its name and words, and a refused input's problems. */
export interface SerialError {
  name: string;
  message: string;
  problems?: { path: string; message: string }[];
}

/** The answer to one change: the new state, or why it was refused. */
export type CommandReply = { value: Escalation } | { error: SerialError };

/** What the records say of a change id: the escalation it changed, or null when it never landed. */
export type LandedReply = { landed: Escalation | null } | { error: SerialError };

/** The change did not reach the records: nothing was saved, and trying again is safe. */
export class NotSavedError extends Error {
  override name = 'NotSavedError';
  constructor() {
    super(t('notSaved'));
  }
}

/** Nobody could say whether the change landed (the extension did not answer, twice). Trying again cannot record it twice. */
export class OutcomeUnknownError extends Error {
  override name = 'OutcomeUnknownError';
  constructor() {
    super(t('outcomeUnknown'));
  }
}

export function serialise(error: unknown): SerialError {
  const e = error as Error & { problems?: SerialError['problems'] };
  return { name: e.name ?? 'Error', message: e.message ?? String(error), problems: e.problems };
}

/** The error again, as the class the rules threw where they can be told apart (the worker reads their words). */
export function revive(error: SerialError): Error {
  if (error.name === 'InvalidInputError' && error.problems) return new InvalidInputError(error.problems);
  if (error.name === 'TransitionError') return new TransitionError(error.message);
  return Object.assign(new Error(error.message), { name: error.name });
}
