import { useState } from 'preact/hooks';
import { nextStage } from '../../../lib/escalation/ladder';
import { protocolOf } from '../../../lib/protocols';
import { skipTargets } from '../../../lib/protocols/skips';
import { STAGE_ENTRY_REASONS } from '../../../lib/protocols/kinds';
import { needsTimeframe, offersTimeframe } from '../../../lib/escalation/start-form';
import { t } from '../../../lib/strings';
import { Field, Options } from '../Field';
import type { Action, ActionProps } from './action';

type Reason = 'unresolved' | 'no-response' | 'immediate-risk';

function EscalateForm({ escalation, onRecord }: ActionProps) {
  const protocol = protocolOf(escalation);
  const current = protocol.stages.findIndex((s) => s.id === escalation.currentStage);
  const later = skipTargets(protocol, current);
  const [target, setTarget] = useState(later[0]!.id);
  // One of the three reasons every escalation has, or `trigger:N`: the Nth reason the protocol gives for the stage.
  const [reason, setReason] = useState<Reason | `trigger:${number}` | ''>('');
  const [days, setDays] = useState('');
  const required = needsTimeframe(escalation.protocolId, target, protocol.version);
  const offered = offersTimeframe(escalation.protocolId, target, protocol.version);
  const targetStage = later.find((l) => l.id === target)!;
  const triggers = targetStage.triggers;
  return (
    <form
      class="action-form"
      aria-label={t('escalateTitle')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason) return onRecord(t('chooseWhyEscalated'));
        if (required && !/^\d+$/.test(days.trim())) return onRecord(t('stateTimeframeAt', { stage: targetStage.title }));
        if (days.trim() && !/^\d+$/.test(days.trim())) return onRecord(t('wholeDaysTimeframe'));
        const trigger = reason.startsWith('trigger:') ? triggers[Number(reason.slice('trigger:'.length))] : undefined;
        onRecord({
          type: 'stage-entered',
          stageId: target,
          ...(trigger ? { reason: 'protocol-reason', trigger: trigger.text } : { reason: reason as Reason }),
          ...(days.trim() ? { agreedDays: Number(days) } : {}),
        });
      }}
    >
      <h3>{t('escalateTitle')}</h3>
      {later.length > 1 && (
        <Field id="escalate-to" label={t('escalateTo')} hint={t('escalateLaterHint')}>
          <select
            id="escalate-to"
            value={target}
            onChange={(e) => {
              setTarget(e.currentTarget.value);
              setReason('');
            }}
          >
            <Options list={later.map((s) => [s.id, s.title])} />
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
        {/* The protocol's own reasons for this stage ("the discussion has raised significant policy issues"). */}
        {triggers.map((trigger, i) => (
          <label key={trigger.text} class="check" title={trigger.quote}>
            <input
              type="radio"
              name="reason"
              value={`trigger:${i}`}
              checked={reason === `trigger:${i}`}
              onChange={() => setReason(`trigger:${i}`)}
            />
            {t('reasonFromProtocol', { reason: trigger.text })}
          </label>
        ))}
      </fieldset>
      {offered && (
        <Field id="escalate-days" label={t('timeframe')} hint={required ? t('timeframeRequiredHint') : t('optional')}>
          <input id="escalate-days" inputMode="numeric" value={days} onInput={(e) => setDays(e.currentTarget.value)} />
        </Field>
      )}
      <button type="submit" class="primary">
        {t('escalateTo')} {targetStage.title}
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
