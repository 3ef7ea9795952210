// What the worker can record next. Each action writes one event through the
// records module; the protocol's rules refuse what is not allowed, with why.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { londonDay } from '../lib/calendar';
import { nextStage } from '../lib/ladder';
import { getProtocol, type Protocol } from '../lib/protocols';
import { STAGE_ENTRY_REASONS, type Escalation, type EventBody } from '../lib/records/model';
import { needsTimeframe, offersTimeframe } from '../lib/start-form';
import { t } from '../lib/strings';
import { Field } from './Field';
import { QuotedList } from './Ladder';
import { records } from './useRecords';

type ActionId = 'discussion' | 'timeframe' | 'action' | 'response' | 'escalate' | 'resolve' | 'withdraw' | 'reopen';

/** A small form whose fields become one event (or a message saying what to fix). */
function Form({
  title,
  build,
  onRecord,
  children,
  submit,
}: {
  title: string;
  build: (data: FormData) => EventBody | string;
  onRecord: (body: EventBody | string) => void;
  children: ComponentChildren;
  submit: string;
}) {
  return (
    <form
      class="action-form"
      aria-label={title}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onRecord(build(new FormData(e.currentTarget as HTMLFormElement)));
      }}
    >
      <h3>{title}</h3>
      {children}
      <button type="submit" class="primary">
        {submit}
      </button>
    </form>
  );
}

const str = (d: FormData, k: string) => String(d.get(k) ?? '').trim();

/** What the protocol asks once an escalation is resolved (Herefordshire: re-submit Appendix 2; Halton, Enfield: refer learning). */
export function ResolutionDuties({ protocol }: { protocol: Protocol }) {
  return <QuotedList class="duties on-resolution" heading={t('onResolutionTitle')} items={protocol.onResolution} />;
}

export function Actions({ escalation, by }: { escalation: Escalation; by: string }) {
  const [open, setOpen] = useState<ActionId | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  // After saving, the form closes: keep keyboard focus on the confirmation, not lost.
  useEffect(() => {
    if (message) statusRef.current?.focus();
  }, [message]);
  const protocol = getProtocol(escalation.protocolId);
  const next = nextStage(escalation);
  const current = protocol.stages.find((s) => s.id === escalation.currentStage)!;
  const later = protocol.stages.slice(protocol.stages.indexOf(current) + 1);

  async function record(detail: EventBody | string, done: string) {
    setError('');
    setMessage('');
    if (typeof detail === 'string') return setError(detail);
    try {
      await records.command({ kind: 'record', id: escalation.id, body: detail, by });
      setOpen(null);
      setMessage(done);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const button = (id: ActionId, label: string) => (
    <button type="button" aria-expanded={open === id} onClick={() => setOpen(open === id ? null : id)}>
      {label}
    </button>
  );

  const onRecord = (done: string) => (body: EventBody | string) => void record(body, done);

  if (escalation.status !== 'open') {
    return (
      <section aria-labelledby="actions-title" class="actions">
        <h2 id="actions-title">{t('actions')}</h2>
        <p role="status" tabIndex={-1} ref={statusRef}>
          {message}
        </p>
        {button('reopen', t('reopen'))}
        {open === 'reopen' && (
          <Form title={t('reopenTitle')} submit={t('reopen')} onRecord={onRecord(t('doneReopened'))} build={(d) => (str(d, 'reason') ? { type: 'reopened', reason: str(d, 'reason') } : t('sayWhyReopened'))}>
            <Field id="reopen-reason" label={t('reopenWhy')}>
              <textarea id="reopen-reason" name="reason" rows={2} />
            </Field>
          </Form>
        )}
        {error && <p role="alert" class="error">{error}</p>}
      </section>
    );
  }

  return (
    <section aria-labelledby="actions-title" class="actions">
      <h2 id="actions-title">{t('actions')}</h2>
      <div class="action-buttons">
        {button('discussion', t('recordDiscussion'))}
        {offersTimeframe(escalation.protocolId, escalation.currentStage) && button('timeframe', t('agreeTimeframe'))}
        {button('action', t('agreeAction'))}
        {button('response', t('recordResponse'))}
        {next && button('escalate', `${t('escalateTo')} ${next.title}`)}
        {button('resolve', t('resolve'))}
        {button('withdraw', t('withdraw'))}
      </div>
      {open === 'discussion' && (
          <Form onRecord={onRecord(t('doneDiscussion'))} title={t('recordDiscussion')} submit={t('saveDiscussion')} build={(d) => (str(d, 'summary') ? { type: 'discussion-held', with: str(d, 'with'), summary: str(d, 'summary') } : t('sayWhatDiscussed'))}>
            <Field id="discussion-with" label={t('discussionWith')}>
              <input id="discussion-with" name="with" />
            </Field>
            <Field id="discussion-summary" label={t('discussionSummary')}>
              <textarea id="discussion-summary" name="summary" rows={3} />
            </Field>
          </Form>
        )}
      {open === 'timeframe' && (
          <Form onRecord={onRecord(t('doneTimeframe'))}
            title={t('agreeTimeframe')}
            submit={t('saveTimeframe')}
            build={(d) => (/^\d+$/.test(str(d, 'days')) ? { type: 'timeframe-agreed', stageId: escalation.currentStage, days: Number(str(d, 'days')) } : t('wholeDaysTimeframe'))}
          >
            <Field id="timeframe-days" label={t('timeframeDays')}>
              <input id="timeframe-days" name="days" inputMode="numeric" />
            </Field>
          </Form>
        )}
      {open === 'action' && (
          <Form onRecord={onRecord(t('doneAction'))}
            title={t('agreeAction')}
            submit={t('saveAction')}
            build={(d) =>
              str(d, 'action') && /^\d{4}-\d{2}-\d{2}$/.test(str(d, 'due'))
                ? { type: 'action-agreed', action: str(d, 'action'), owner: str(d, 'owner') || undefined, dueDay: str(d, 'due') }
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
          </Form>
        )}
      {open === 'response' && (
          <Form onRecord={onRecord(t('doneResponse'))} title={t('recordResponse')} submit={t('saveResponse')} build={(d) => (str(d, 'summary') ? { type: 'response-received', from: str(d, 'from'), summary: str(d, 'summary') } : t('sayResponse'))}>
            <Field id="response-from" label={t('responseFrom')}>
              <input id="response-from" name="from" />
            </Field>
            <Field id="response-summary" label={t('responseSummary')}>
              <textarea id="response-summary" name="summary" rows={3} />
            </Field>
          </Form>
        )}
      {open === 'escalate' && next && (
        <EscalateForm escalation={escalation} later={later} onDone={(body) => record(body, t('doneEscalated'))} />
      )}
      {open === 'resolve' && (
          <Form onRecord={onRecord(t('doneResolved'))}
            title={t('resolveTitle')}
            submit={t('resolve')}
            build={(d) =>
              str(d, 'methodology')
                ? { type: 'resolved', methodology: str(d, 'methodology'), stageId: str(d, 'stage') || escalation.currentStage, outcome: str(d, 'outcome'), lessonsLearned: str(d, 'lessons') }
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
          </Form>
        )}
      {open === 'withdraw' && (
          <Form onRecord={onRecord(t('doneWithdrawn'))} title={t('withdrawTitle')} submit={t('withdraw')} build={(d) => (str(d, 'reason') ? { type: 'withdrawn', reason: str(d, 'reason') } : t('sayWhyWithdrawn'))}>
            <Field id="withdraw-reason" label={t('withdrawWhy')}>
              <textarea id="withdraw-reason" name="reason" rows={2} />
            </Field>
          </Form>
        )}
      <p role="status" class="recorded" tabIndex={-1} ref={statusRef}>
        {message}
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}

function EscalateForm({ escalation, later, onDone }: { escalation: Escalation; later: { id: string; title: string }[]; onDone: (body: EventBody | string) => void }) {
  const protocol = getProtocol(escalation.protocolId);
  const [target, setTarget] = useState(later[0]!.id);
  const [reason, setReason] = useState<'unresolved' | 'no-response' | 'immediate-risk' | ''>('');
  const [days, setDays] = useState('');
  const required = needsTimeframe(escalation.protocolId, target);
  const offered = offersTimeframe(escalation.protocolId, target);
  return (
    <form
      class="action-form"
      aria-label={t('escalateTitle')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason) return onDone(t('chooseWhyEscalated'));
        if (required && !/^\d+$/.test(days.trim())) return onDone(t('stateTimeframeAt', { stage: later.find((l) => l.id === target)!.title }));
        if (days.trim() && !/^\d+$/.test(days.trim())) return onDone(t('wholeDaysTimeframe'));
        onDone({ type: 'stage-entered', stageId: target, reason, ...(days.trim() ? { agreedDays: Number(days) } : {}) });
      }}
    >
      <h3>{t('escalateTitle')}</h3>
      {protocol.startAtLaterStage.allowed && later.length > 1 && (
        <Field id="escalate-to" label="Escalate to" hint={t('escalateLaterHint')}>
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
          <input id="escalate-days" inputMode="numeric" value={days} onInput={(e) => setDays((e.currentTarget as HTMLInputElement).value)} />
        </Field>
      )}
      <button type="submit" class="primary">
        {t('escalateTo')} {later.find((l) => l.id === target)!.title}
      </button>
    </form>
  );
}
