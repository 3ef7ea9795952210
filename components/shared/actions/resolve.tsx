import { getProtocol, type Protocol } from '../../../lib/protocols';
import { t } from '../../../lib/strings';
import { Field } from '../Field';
import { QuotedList } from '../Ladder';
import { ActionForm, field, type Action } from './action';

/** What the protocol asks once an escalation is resolved (Herefordshire: re-submit Appendix 2; Halton, Enfield: refer learning). */
export function ResolutionDuties({ protocol }: { protocol: Protocol }) {
  return <QuotedList class="duties on-resolution" heading={t('onResolutionTitle')} items={protocol.onResolution} protocol={protocol} />;
}

export const resolve: Action = {
  id: 'resolve',
  label: () => t('resolve'),
  available: (e) => e.status === 'open',
  done: 'doneResolved',
  Form: ({ escalation, onRecord }) => {
    const protocol = getProtocol(escalation.protocolId);
    return (
      <ActionForm
        onRecord={onRecord}
        title={t('resolveTitle')}
        submit={t('resolve')}
        build={(d) =>
          field(d, 'methodology')
            ? {
                type: 'resolved',
                methodology: field(d, 'methodology'),
                stageId: field(d, 'stage') || escalation.currentStage,
                outcome: field(d, 'outcome'),
                lessonsLearned: field(d, 'lessons'),
              }
            : t('sayHowResolved')
        }
      >
        <Field id="resolve-how" label={t('resolveHow')}>
          <textarea id="resolve-how" name="methodology" rows={2} />
        </Field>
        <Field id="resolve-stage" label={t('resolvedAt')}>
          <select id="resolve-stage" name="stage" value={escalation.currentStage}>
            {escalation.stages.map((s) => (
              <option key={s.stageId} value={s.stageId}>
                {protocol.stages.find((p) => p.id === s.stageId)!.title}
              </option>
            ))}
          </select>
        </Field>
        <Field id="resolve-outcome" label={t('outcome')}>
          <textarea id="resolve-outcome" name="outcome" rows={2} />
        </Field>
        <Field id="resolve-lessons" label={t('lessons')}>
          <textarea id="resolve-lessons" name="lessons" rows={2} />
        </Field>
        <ResolutionDuties protocol={protocol} />
      </ActionForm>
    );
  },
};
