import { reasonAction } from './action';

export const withdraw = reasonAction({
  id: 'withdraw',
  type: 'withdrawn',
  label: 'withdraw',
  title: 'withdrawTitle',
  why: 'withdrawWhy',
  missing: 'sayWhyWithdrawn',
  done: 'doneWithdrawn',
  available: (e) => e.status === 'open',
});
