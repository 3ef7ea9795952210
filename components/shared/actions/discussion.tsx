import { t } from '../../../lib/strings';
import { Field } from '../Field';
import { ActionForm, field, type Action } from './action';

export const recordDiscussion: Action = {
  id: 'discussion',
  label: () => t('recordDiscussion'),
  available: (e) => e.status === 'open',
  done: 'doneDiscussion',
  Form: ({ onRecord }) => (
    <ActionForm
      onRecord={onRecord}
      title={t('recordDiscussion')}
      submit={t('saveDiscussion')}
      build={(d) =>
        field(d, 'summary') ? { type: 'discussion-held', with: field(d, 'with'), summary: field(d, 'summary') } : t('sayWhatDiscussed')
      }
    >
      <Field id="discussion-with" label={t('discussionWith')}>
        <input id="discussion-with" name="with" />
      </Field>
      <Field id="discussion-summary" label={t('discussionSummary')}>
        <textarea id="discussion-summary" name="summary" rows={3} />
      </Field>
    </ActionForm>
  ),
};
