import { t } from '../../../lib/strings';
import { Field } from '../Field';
import { ActionForm, field, type Action } from './action';

/** The only action on a resolved or withdrawn escalation. */
export const reopen: Action = {
  id: 'reopen',
  label: () => t('reopen'),
  available: (e) => e.status !== 'open',
  done: 'doneReopened',
  Form: ({ onRecord }) => (
    <ActionForm
      onRecord={onRecord}
      title={t('reopenTitle')}
      submit={t('reopen')}
      build={(d) => (field(d, 'reason') ? { type: 'reopened', reason: field(d, 'reason') } : t('sayWhyReopened'))}
    >
      <Field id="reopen-reason" label={t('reopenWhy')}>
        <textarea id="reopen-reason" name="reason" rows={2} />
      </Field>
    </ActionForm>
  ),
};
