import { useEffect, useState } from 'preact/hooks';
import { previewLadder } from '../../lib/escalation/ladder';
import { getProtocol } from '../../lib/protocols';
import { skipTargets } from '../../lib/protocols/skips';
import { answerOptions } from '../../lib/protocols/facts';
import { checkStartForm, needsTimeframe, offersTimeframe, type StartFormValues } from '../../lib/escalation/start-form';
import { t } from '../../lib/strings';
import { ErrorSummary, Field } from '../shared/Field';
import { PeopleAndKind, START_LABELS, START_PROBLEM_FIELDS, StartText, useStarting, useStartValues } from '../shared/StartFields';
import { ImmediateRisk } from '../shared/ImmediateRisk';
import { Ladder } from '../shared/Ladder';
import { ProtocolSelect } from '../shared/ProtocolSelect';
import { justStarted, now } from '../shared/now';
import { useProtocolInView } from '../shared/protocol-in-view';
import { settings } from '../shared/settings-signal';
import { protocolLanguage } from '../shared/protocol-language';
import { translatedProtocol } from '../../lib/protocols/translate';
import { formFor, named, sameChild, savedFor, type FormChild } from './form-child';
import { tabChild } from './tab-child';

export function StartForm({
  child: given,
  defaultProtocol,
  tracking,
}: {
  /** The child this form is for: the one shown when it opened, whatever the record shows later. */
  child: FormChild;
  defaultProtocol: string;
  tracking?: { reference: string; line: string };
}) {
  const [child] = useState(given);
  const [kept, setKept] = useState(false);
  const onPage = tabChild.value;
  const moved = !(onPage.found && sameChild(onPage, child));
  // Once the worker has typed, the panel stays on this form's child until it is saved or discarded.
  const touch = () => {
    if (formFor.value) return;
    formFor.value = child;
    savedFor.value = null;
  };
  const holding = formFor.value !== null && sameChild(formFor.value, child);
  // Leaving the form lets go of the child it was opened for (not one the page shows later).
  const [openedFor] = useState(child);
  useEffect(
    () => () => {
      if (formFor.value && sameChild(formFor.value, openedFor)) formFor.value = null;
    },
    [openedFor],
  );
  const form = useStartValues(defaultProtocol, tracking ? t('trackedSummary', { line: tracking.line }) : '', tracking?.reference);
  const { v, setV, set } = form;
  const { errors, formError, setFormError, summaryRef, busy, start } = useStarting(START_PROBLEM_FIELDS);

  // The protocol's questions in the language its words are shown in.
  const protocol = translatedProtocol(getProtocol(v.protocolId), protocolLanguage());
  useProtocolInView(v.protocolId);
  const stage = v.startStage || protocol.stages[0]!.id;
  const text = (name: keyof StartFormValues, type?: string) => <StartText name={name} type={type} form={form} errors={errors} />;

  async function submit(e: Event) {
    e.preventDefault();
    setFormError('');
    // Never saved for a child the worker did not choose: the record moved, and they have not said which.
    if (moved && !kept) return setFormError(t('formDecideFirst', { child: named(child) }));
    const started = await start(v, checkStartForm(v, new Date()), { child: { hostId: child.hostId, childId: child.childId } });
    if (started) justStarted.value = true;
    if (started && moved) savedFor.value = child;
  }

  const preview = previewLadder(v.protocolId, new Date().toISOString(), now.value, settings.value.values.closureDays, {
    language: protocolLanguage(),
  });
  return (
    <>
      {v.immediateRisk && <ImmediateRisk protocol={protocol} />}
      <form class="start" onSubmit={submit} onInput={touch} onChange={touch} noValidate aria-labelledby="start-title">
        <h2 id="start-title">{tracking ? t('trackHere', { reference: tracking.reference }) : t('startTitle')}</h2>
        <p class="form-child" data-child-id={child.childId}>
          {t('startFormFor', { child: named(child) })}
        </p>
        {moved && holding && (
          <MovedNotice child={child} shown={onPage.found ? onPage.childId : null} kept={kept} keep={() => setKept(true)} />
        )}
        <div ref={summaryRef}>
          <ErrorSummary errors={errors} labels={START_LABELS} />
        </div>
        {formError && (
          <p role="alert" class="error">
            {formError}
          </p>
        )}
        <ProtocolSelect
          id="protocolId"
          value={v.protocolId}
          onChange={(protocolId) => setV((old) => ({ ...old, protocolId, startStage: '', agreedDays: '' }))}
        />
        <fieldset>
          <legend>{t('flags')}</legend>
          <label class="check">
            <input id="immediateRisk" type="checkbox" checked={v.immediateRisk} onChange={set('immediateRisk')} />
            {t('immediateRisk')}
          </label>
          <label class="check">
            <input type="checkbox" checked={v.cpPlan} onChange={set('cpPlan')} />
            {t('cpPlan')}
          </label>
          <label class="check">
            <input type="checkbox" checked={v.lookedAfter} onChange={set('lookedAfter')} />
            {t('lookedAfter')}
          </label>
        </fieldset>
        {/* Issue 36: the protocol's own questions, whose answers decide which time limits and duties apply. */}
        {(protocol.facts?.length ?? 0) > 0 && (
          <fieldset class="protocol-questions">
            <legend>{t('protocolQuestions')}</legend>
            {protocol.facts!.map((f) => (
              <Field key={f.id} id={`fact-${f.id}`} label={f.question}>
                <select
                  id={`fact-${f.id}`}
                  value={v.facts?.[f.id] ?? ''}
                  onChange={(e) => {
                    const answer = e.currentTarget.value;
                    setV((old) => ({ ...old, facts: { ...old.facts, [f.id]: answer } }));
                  }}
                >
                  <option value="">{t('notAnswered')}</option>
                  {answerOptions(f).map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </Field>
            ))}
          </fieldset>
        )}
        <PeopleAndKind form={form} errors={errors} />
        {text('currentNeed')}
        {text('proposedNeed')}
        {text('concernAt', 'datetime-local')}
        {protocol.startAtLaterStage.allowed && (
          <Field id="startStage" label={t('startStage')} error={errors.startStage} hint={t('startStageHint')}>
            <select id="startStage" value={stage} onChange={set('startStage')}>
              {skipTargets(protocol, -1).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </Field>
        )}
        {offersTimeframe(v.protocolId, stage) && (
          <Field
            id="agreedDays"
            label={t('timeframe')}
            error={errors.agreedDays}
            hint={needsTimeframe(v.protocolId, stage) ? t('timeframeStatedHint') : t('timeframeAgreedHint')}
          >
            <input
              id="agreedDays"
              inputMode="numeric"
              value={v.agreedDays}
              onInput={set('agreedDays')}
              aria-invalid={errors.agreedDays ? 'true' : undefined}
              aria-describedby={errors.agreedDays ? 'agreedDays-error' : 'agreedDays-hint'}
            />
          </Field>
        )}
        <button type="submit" class="primary" aria-disabled={busy}>
          {t('start')}
        </button>
        <p role="status">{busy ? t('starting') : ''}</p>
      </form>
      <Ladder protocol={preview.protocol} stages={preview.stages} />
    </>
  );
}

/** The record moved to another child while this form was open: keep it for its own child, or discard it. */
function MovedNotice({ child, shown, kept, keep }: { child: FormChild; shown: string | null; kept: boolean; keep: () => void }) {
  const words = { child: named(child), shown: shown === null ? '' : `${child.label} ${shown}` };
  if (kept)
    return (
      <p role="status" class="form-kept">
        {t('formKeptFor', words)}
      </p>
    );
  return (
    <div role="alert" class="form-moved">
      <p>{t(shown === null ? 'formChildGone' : 'formChildMoved', words)}</p>
      <button type="button" onClick={keep}>
        {t('keepFormFor', words)}
      </button>
      <button type="button" onClick={() => (formFor.value = null)}>
        {t('discardForm')}
      </button>
    </div>
  );
}
