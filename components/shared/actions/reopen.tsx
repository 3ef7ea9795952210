import { reasonAction } from './action';

/** The only action on a resolved or withdrawn escalation. */
export const reopen = reasonAction({
  id: 'reopen',
  type: 'reopened',
  label: 'reopen',
  title: 'reopenTitle',
  why: 'reopenWhy',
  missing: 'sayWhyReopened',
  done: 'doneReopened',
  available: (e) => e.status !== 'open',
});
