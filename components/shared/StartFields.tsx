// The parts of the start form every way of starting an escalation shares: the panel's form for the child on the
// record (components/panel/StartForm.tsx) and the dashboard's form for a theme across several children (issue 36).
import { useEffect, useState } from 'preact/hooks';
import type { TargetedEvent } from 'preact';
import { londonWallTime } from '../../lib/time/calendar';
import { WORKER_ITEM } from '../../lib/browser/storage';
import { DISAGREEMENT_KINDS } from '../../lib/protocols/kinds';
import type { StartFormValues } from '../../lib/escalation/start-form';
import { t } from '../../lib/strings';
import { Field } from './Field';

export const START_LABELS: Record<string, string> = {
  protocolId: t('protocol'),
  myName: t('myName'),
  myRole: t('myRole'),
  myAgency: t('myAgency'),
  theirName: t('theirName'),
  theirRole: t('theirRole'),
  theirAgency: t('theirAgency'),
  kind: t('kind'),
  concernAt: t('concernAt'),
  agreedDays: t('timeframe'),
  startStage: t('startStage'),
};

/** A refused "create": the record's field → the form's field it came from. */
export const START_PROBLEM_FIELDS: Record<string, keyof StartFormValues> = {
  'raisedBy.name': 'myName',
  'raisedBy.role': 'myRole',
  'raisedBy.agency': 'myAgency',
  'counterparts.0.name': 'theirName',
  'counterparts.0.role': 'theirRole',
  'counterparts.0.agency': 'theirAgency',
  kind: 'kind',
  concernRaisedAt: 'concernAt',
  summary: 'summary',
};

/** The start form's values, blank but for the protocol and now, with "who I am" as remembered on this device. */
export function useStartValues(protocolId: string, summary = '', reference?: string) {
  const [v, setV] = useState<StartFormValues>({
    protocolId,
    myName: '',
    myRole: '',
    myAgency: '',
    theirName: '',
    theirRole: '',
    theirAgency: '',
    kind: '',
    summary,
    currentNeed: '',
    proposedNeed: '',
    concernAt: londonWallTime(new Date()),
    immediateRisk: false,
    cpPlan: false,
    lookedAfter: false,
    startStage: '',
    agreedDays: '',
    reference,
  });
  useEffect(() => {
    void WORKER_ITEM.get().then((w) => {
      if (w) setV((old) => ({ ...old, myName: w.name, myRole: w.role, myAgency: w.agency }));
    });
  }, []);
  const set = (key: keyof StartFormValues) => (e: TargetedEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => {
    const el = e.currentTarget;
    const value = el instanceof HTMLInputElement && el.type === 'checkbox' ? el.checked : el.value;
    setV((old) => ({ ...old, [key]: value }));
  };
  return { v, setV, set };
}

type Values = ReturnType<typeof useStartValues>;
type Errors = Record<string, string>;

/** One text field of the start form, labelled, with its error tied to it. */
export function StartText({
  name,
  type = 'text',
  form,
  errors,
}: {
  name: keyof StartFormValues;
  type?: string;
  form: Values;
  errors: Errors;
}) {
  return (
    <Field id={name} label={START_LABELS[name] ?? t(name as never)} error={errors[name]}>
      <input
        id={name}
        type={type as 'text'}
        value={form.v[name] as string}
        onInput={form.set(name)}
        aria-invalid={errors[name] ? 'true' : undefined}
        aria-describedby={errors[name] ? `${name}-error` : undefined}
      />
    </Field>
  );
}

/** Who I am, who the disagreement is with, what kind it is and what it is about. */
export function PeopleAndKind({ form, errors, summaryLabel = t('summary') }: { form: Values; errors: Errors; summaryLabel?: string }) {
  const text = (name: keyof StartFormValues) => <StartText name={name} form={form} errors={errors} />;
  return (
    <>
      <fieldset>
        <legend>{t('whoIAm')}</legend>
        {text('myName')}
        {text('myRole')}
        {text('myAgency')}
      </fieldset>
      <fieldset>
        <legend>{t('counterpart')}</legend>
        {text('theirName')}
        {text('theirRole')}
        {text('theirAgency')}
      </fieldset>
      <Field id="kind" label={t('kind')} error={errors.kind}>
        <select
          id="kind"
          value={form.v.kind}
          onChange={form.set('kind')}
          aria-invalid={errors.kind ? 'true' : undefined}
          aria-describedby={errors.kind ? 'kind-error' : undefined}
        >
          <option value="">{t('choose')}</option>
          {Object.entries(DISAGREEMENT_KINDS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="summary" label={summaryLabel}>
        <textarea id="summary" rows={3} value={form.v.summary} onInput={form.set('summary')} />
      </Field>
    </>
  );
}
