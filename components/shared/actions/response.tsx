import { t } from '../../../lib/strings';
import { Field } from '../Field';
import { ActionForm, field, type Action } from './action';

export const recordResponse: Action = {
  id: 'response',
  label: () => t('recordResponse'),
  available: (e) => e.status === 'open',
  done: 'doneResponse',
  Form: ({ onRecord }) => (
    <ActionForm
      onRecord={onRecord}
      title={t('recordResponse')}
      submit={t('saveResponse')}
      build={(d) =>
        field(d, 'summary') ? { type: 'response-received', from: field(d, 'from'), summary: field(d, 'summary') } : t('sayResponse')
      }
    >
      <Field id="response-from" label={t('responseFrom')}>
        <input id="response-from" name="from" />
      </Field>
      <Field id="response-summary" label={t('responseSummary')}>
        <textarea id="response-summary" name="summary" rows={3} />
      </Field>
    </ActionForm>
  ),
};
