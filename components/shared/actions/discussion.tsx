import { t } from '../../../lib/strings';
import { textAction } from './action';

export const recordDiscussion = textAction({
  id: 'discussion',
  label: 'recordDiscussion',
  submit: 'saveDiscussion',
  done: 'doneDiscussion',
  fields: [
    { name: 'with', label: 'discussionWith' },
    { name: 'summary', label: 'discussionSummary', rows: 3 },
  ],
  build: (text) => (text('summary') ? { type: 'discussion-held', with: text('with'), summary: text('summary') } : t('sayWhatDiscussed')),
});
