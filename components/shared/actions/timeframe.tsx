import { offersTimeframe } from '../../../lib/escalation/start-form';
import { t } from '../../../lib/strings';
import { textAction } from './action';

/** Only where the stage has a timeframe the people involved agree (Sussex, Herefordshire, Halton). */
export const agreeTimeframe = textAction({
  id: 'timeframe',
  label: 'agreeTimeframe',
  submit: 'saveTimeframe',
  done: 'doneTimeframe',
  available: (e) => e.status === 'open' && offersTimeframe(e.protocolId, e.currentStage),
  fields: [{ name: 'days', label: 'timeframeDays', kind: 'whole-number' }],
  build: (text, escalation) =>
    /^\d+$/.test(text('days'))
      ? { type: 'timeframe-agreed', stageId: escalation.currentStage, days: Number(text('days')) }
      : t('wholeDaysTimeframe'),
});
