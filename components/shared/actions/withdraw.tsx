import { t } from '../../../lib/strings';
import { Field } from '../Field';
import { ActionForm, field, type Action } from './action';

export const withdraw: Action = {
  id: 'withdraw',
  label: () => t('withdraw'),
  available: (e) => e.status === 'open',
  done: 'doneWithdrawn',
  Form: ({ onRecord }) => (
    <ActionForm
      onRecord={onRecord}
      title={t('withdrawTitle')}
      submit={t('withdraw')}
      build={(d) => (field(d, 'reason') ? { type: 'withdrawn', reason: field(d, 'reason') } : t('sayWhyWithdrawn'))}
    >
      <Field id="withdraw-reason" label={t('withdrawWhy')}>
        <textarea id="withdraw-reason" name="reason" rows={2} />
      </Field>
    </ActionForm>
  ),
};
