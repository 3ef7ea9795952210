import { t } from '../../../lib/strings';
import { textAction } from './action';

export const recordResponse = textAction({
  id: 'response',
  label: 'recordResponse',
  submit: 'saveResponse',
  done: 'doneResponse',
  fields: [
    { name: 'from', label: 'responseFrom' },
    { name: 'summary', label: 'responseSummary', rows: 3 },
  ],
  build: (text) => (text('summary') ? { type: 'response-received', from: text('from'), summary: text('summary') } : t('sayResponse')),
});
