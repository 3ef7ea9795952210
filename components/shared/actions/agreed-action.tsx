import { t } from '../../../lib/strings';
import { textAction } from './action';

export const agreeAction = textAction({
  id: 'action',
  label: 'agreeAction',
  submit: 'saveAction',
  done: 'doneAction',
  fields: [
    { name: 'action', id: 'action-what', label: 'actionWhat', rows: 2 },
    { name: 'owner', label: 'actionOwner' },
    { name: 'due', label: 'actionDue', kind: 'day-from-today' },
  ],
  build: (text) =>
    text('action') && /^\d{4}-\d{2}-\d{2}$/.test(text('due'))
      ? { type: 'action-agreed', action: text('action'), owner: text('owner') || undefined, dueDay: text('due') }
      : t('sayActionAndDue'),
});
