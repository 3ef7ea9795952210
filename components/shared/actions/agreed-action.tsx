import { londonDay } from '../../../lib/time/calendar';
import { t } from '../../../lib/strings';
import { Field } from '../Field';
import { ActionForm, field, type Action } from './action';

export const agreeAction: Action = {
  id: 'action',
  label: () => t('agreeAction'),
  available: (e) => e.status === 'open',
  done: 'doneAction',
  Form: ({ onRecord }) => (
    <ActionForm
      onRecord={onRecord}
      title={t('agreeAction')}
      submit={t('saveAction')}
      build={(d) =>
        field(d, 'action') && /^\d{4}-\d{2}-\d{2}$/.test(field(d, 'due'))
          ? { type: 'action-agreed', action: field(d, 'action'), owner: field(d, 'owner') || undefined, dueDay: field(d, 'due') }
          : t('sayActionAndDue')
      }
    >
      <Field id="action-what" label={t('actionWhat')}>
        <textarea id="action-what" name="action" rows={2} />
      </Field>
      <Field id="action-owner" label={t('actionOwner')}>
        <input id="action-owner" name="owner" />
      </Field>
      <Field id="action-due" label={t('actionDue')}>
        <input id="action-due" name="due" type="date" min={londonDay(new Date())} />
      </Field>
    </ActionForm>
  ),
};
