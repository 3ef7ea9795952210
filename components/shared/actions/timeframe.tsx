import { offersTimeframe } from '../../../lib/escalation/start-form';
import { t } from '../../../lib/strings';
import { Field } from '../Field';
import { ActionForm, field, type Action } from './action';

/** Only where the stage has a timeframe the people involved agree (Sussex, Herefordshire, Halton). */
export const agreeTimeframe: Action = {
  id: 'timeframe',
  label: () => t('agreeTimeframe'),
  available: (e) => e.status === 'open' && offersTimeframe(e.protocolId, e.currentStage),
  done: 'doneTimeframe',
  Form: ({ escalation, onRecord }) => (
    <ActionForm
      onRecord={onRecord}
      title={t('agreeTimeframe')}
      submit={t('saveTimeframe')}
      build={(d) =>
        /^\d+$/.test(field(d, 'days'))
          ? { type: 'timeframe-agreed', stageId: escalation.currentStage, days: Number(field(d, 'days')) }
          : t('wholeDaysTimeframe')
      }
    >
      <Field id="timeframe-days" label={t('timeframeDays')}>
        <input id="timeframe-days" name="days" inputMode="numeric" />
      </Field>
    </ActionForm>
  ),
};
