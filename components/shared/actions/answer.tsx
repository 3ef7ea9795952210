import { protocolOf } from '../../../lib/protocols';
import { answerOptions, parseAnswer } from '../../../lib/protocols/facts';
import { t } from '../../../lib/strings';
import { Field } from '../Field';
import { ActionForm, field, type Action } from './action';

/** Answers one of the protocol's questions (second edition): which clocks, duties and roles apply follows the answer. */
export const recordAnswer: Action = {
  id: 'answer',
  label: () => t('recordAnswer'),
  available: (e) => e.status === 'open' && (protocolOf(e).facts?.length ?? 0) > 0,
  done: 'doneAnswer',
  Form: ({ escalation, onRecord }) => {
    const facts = protocolOf(escalation).facts ?? [];
    return (
      <ActionForm
        onRecord={onRecord}
        title={t('recordAnswer')}
        submit={t('saveAnswer')}
        build={(d) => {
          const [factId, answer = ''] = field(d, 'answer').split('|');
          const fact = facts.find((f) => f.id === factId);
          const value = fact ? parseAnswer(fact, answer) : undefined;
          return fact && value !== undefined ? { type: 'fact-recorded', factId: fact.id, value } : t('chooseAnswer');
        }}
      >
        {/* One list: each question is a group of its answers, so a question and an answer cannot be mismatched. */}
        <Field id="answer-value" label={t('answerQuestion')}>
          <select id="answer-value" name="answer">
            <option value="">{t('choose')}</option>
            {facts.map((f) => (
              <optgroup key={f.id} label={f.question}>
                {answerOptions(f).map((o) => (
                  <option key={o.value} value={`${f.id}|${o.value}`}>
                    {o.label}
                    {escalation.facts?.[f.id] === parseAnswer(f, o.value) ? ` (${t('answeredAlready')})` : ''}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
      </ActionForm>
    );
  },
};
