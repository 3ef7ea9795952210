import { useState } from 'preact/hooks';
import { nextStage } from '../../../lib/ladder';
import { getProtocol } from '../../../lib/protocols';
import { STAGE_ENTRY_REASONS } from '../../../lib/records/kinds';
import { needsTimeframe, offersTimeframe } from '../../../lib/start-form';
import { t } from '../../../lib/strings';
import { Field } from '../Field';
import type { Action, ActionProps } from './action';

function EscalateForm({ escalation, onRecord }: ActionProps) {
  const protocol = getProtocol(escalation.protocolId);
  const current = protocol.stages.findIndex((s) => s.id === escalation.currentStage);
  const later = protocol.stages.slice(current + 1);
  const [target, setTarget] = useState(later[0]!.id);
  const [reason, setReason] = useState<'unresolved' | 'no-response' | 'immediate-risk' | ''>('');
  const [days, setDays] = useState('');
  const required = needsTimeframe(escalation.protocolId, target);
  const offered = offersTimeframe(escalation.protocolId, target);
  const targetTitle = later.find((l) => l.id === target)!.title;
  return (
    <form
      class="action-form"
      aria-label={t('escalateTitle')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason) return onRecord(t('chooseWhyEscalated'));
        if (required && !/^\d+$/.test(days.trim())) return onRecord(t('stateTimeframeAt', { stage: targetTitle }));
        if (days.trim() && !/^\d+$/.test(days.trim())) return onRecord(t('wholeDaysTimeframe'));
        onRecord({ type: 'stage-entered', stageId: target, reason, ...(days.trim() ? { agreedDays: Number(days) } : {}) });
      }}
    >
      <h3>{t('escalateTitle')}</h3>
      {protocol.startAtLaterStage.allowed && later.length > 1 && (
        <Field id="escalate-to" label={t('escalateTo')} hint={t('escalateLaterHint')}>
          <select id="escalate-to" value={target} onChange={(e) => setTarget((e.currentTarget as HTMLSelectElement).value)}>
            {later.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </Field>
      )}
      <fieldset>
        <legend>{t('escalateWhy')}</legend>
        {(['unresolved', 'no-response', 'immediate-risk'] as const).map((r) => (
          <label key={r} class="check">
            <input type="radio" name="reason" value={r} checked={reason === r} onChange={() => setReason(r)} />
            {STAGE_ENTRY_REASONS[r]}
          </label>
        ))}
      </fieldset>
      {offered && (
        <Field id="escalate-days" label={t('timeframe')} hint={required ? t('timeframeRequiredHint') : t('optional')}>
          <input
            id="escalate-days"
            inputMode="numeric"
            value={days}
            onInput={(e) => setDays((e.currentTarget as HTMLInputElement).value)}
          />
        </Field>
      )}
      <button type="submit" class="primary">
        {t('escalateTo')} {targetTitle}
      </button>
    </form>
  );
}

/** Up to the next stage (or, where the protocol allows it for immediate risk, a later one). */
export const escalate: Action = {
  id: 'escalate',
  label: (e) => `${t('escalateTo')} ${nextStage(e)!.title}`,
  available: (e) => e.status === 'open' && nextStage(e) !== null,
  done: 'doneEscalated',
  Form: EscalateForm,
};
