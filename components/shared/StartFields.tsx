// The parts of the start form every way of starting an escalation shares: the panel's form for the child on the
// record (components/panel/StartForm.tsx) and the dashboard's form for a theme across several children (issue 36).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TargetedEvent } from 'preact';
import { londonWallTime } from '../../lib/time/calendar';
import { WORKER_ITEM } from '../../lib/browser/storage';
import { DISAGREEMENT_KINDS } from '../../lib/protocols/kinds';
import { toNewEscalation, type StartFormValues, type StartSubject } from '../../lib/escalation/start-form';
import { InvalidInputError } from '../../lib/records/errors';
import type { Escalation } from '../../lib/records/model';
import { messageOf } from '../../lib/errors';
import { useChange } from './useChange';
import { records } from './useRecords';
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

/**
 * Checking and starting, the same for a child's form and a theme's: the form's errors (a refused "create" is shown
 * against the field it came from, `fields`), a message for anything else, and `start`, which resolves to the
 * escalation the records made, or undefined when something must be fixed first (the error summary takes focus).
 */
export function useStarting(fields: Record<string, string>) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const change = useChange();
  const summaryRef = useRef<HTMLDivElement>(null);

  async function start(v: StartFormValues, found: Record<string, string>, about: StartSubject): Promise<Escalation | undefined> {
    setFormError('');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => summaryRef.current?.querySelector<HTMLElement>('.error-summary')?.focus());
      return undefined;
    }
    try {
      return await change.run(async (changeId) => {
        await WORKER_ITEM.set({ name: v.myName, role: v.myRole, agency: v.myAgency });
        return records.command({ kind: 'create', changeId, input: toNewEscalation(v, about), by: v.myName });
      });
    } catch (error) {
      if (error instanceof InvalidInputError) {
        const field = (path: string) => fields[path] ?? fields[path.replace(/\.\d+$/, '')] ?? path;
        setErrors(Object.fromEntries(error.problems.map((p) => [field(p.path), p.message])));
      } else setFormError(messageOf(error));
      return undefined;
    }
  }

  return { errors, formError, setFormError, summaryRef, busy: change.busy, start };
}
