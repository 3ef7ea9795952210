// Issue 36: start an escalation about practice across several children (a theme), from the dashboard, with no
// child on any page. Herefordshire Appendix 2: "If the escalation is not about a specific child, complete Section
// 2: Practice Issue / Themed Escalation"; Pan-Sussex Stage 5: "a number of similar concerns or disagreements have
// been recorded". The child IDs are typed by the worker and never matched to a record.
import { useRef, useState } from 'preact/hooks';
import { WORKER_ITEM } from '../../lib/browser/storage';
import { InvalidInputError } from '../../lib/records/errors';
import { checkStartForm, checkThemeForm, themeFrom, toNewEscalation, type ThemeFormValues } from '../../lib/escalation/start-form';
import { messageOf } from '../../lib/errors';
import { t } from '../../lib/strings';
import { ErrorSummary, Field } from '../shared/Field';
import { ProtocolSelect } from '../shared/ProtocolSelect';
import { PeopleAndKind, START_LABELS, START_PROBLEM_FIELDS, StartText, useStartValues } from '../shared/StartFields';
import { settings } from '../shared/settings-signal';
import { useChange } from '../shared/useChange';
import { records } from '../shared/useRecords';

const LABELS = { ...START_LABELS, title: t('themeTitle'), childIds: t('themeChildIdsField') };
/** A refused "create": the theme's fields as the record names them → the form's. */
const PROBLEM_FIELDS: Record<string, string> = { ...START_PROBLEM_FIELDS, 'theme.title': 'title', 'theme.childIds': 'childIds' };

export function ThemeForm() {
  const form = useStartValues(settings.value.values.defaultProtocol);
  const { v, setV } = form;
  const [theme, setTheme] = useState<ThemeFormValues>({ title: '', childIds: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const change = useChange();
  const summaryRef = useRef<HTMLDivElement>(null);

  async function submit(e: Event) {
    e.preventDefault();
    setFormError('');
    const found = { ...checkThemeForm(theme), ...checkStartForm(v, new Date()) };
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => summaryRef.current?.querySelector<HTMLElement>('.error-summary')?.focus());
      return;
    }
    try {
      const started = await change.run(async (changeId) => {
        await WORKER_ITEM.set({ name: v.myName, role: v.myRole, agency: v.myAgency });
        return records.command({ kind: 'create', changeId, input: toNewEscalation(v, { theme: themeFrom(theme) }), by: v.myName });
      });
      // Opened only once the records said it was made: the view shows what was stored.
      if (started) location.hash = `view=escalation&id=${encodeURIComponent(started.id)}`;
    } catch (error) {
      if (error instanceof InvalidInputError) {
        setErrors(Object.fromEntries(error.problems.map((p) => [PROBLEM_FIELDS[p.path.replace(/\.\d+$/, '')] ?? p.path, p.message])));
      } else setFormError(messageOf(error));
    }
  }

  return (
    <form class="start theme-form" onSubmit={submit} noValidate aria-labelledby="theme-form-title">
      <h2 id="theme-form-title">{t('themeFormTitle')}</h2>
      <div ref={summaryRef}>
        <ErrorSummary errors={errors} labels={LABELS} />
      </div>
      {formError && (
        <p role="alert" class="error">
          {formError}
        </p>
      )}
      <ProtocolSelect id="protocolId" value={v.protocolId} onChange={(protocolId) => setV((old) => ({ ...old, protocolId }))} />
      <Field id="title" label={LABELS.title} error={errors.title}>
        <input
          id="title"
          value={theme.title}
          onInput={(e) => setTheme((old) => ({ ...old, title: e.currentTarget.value }))}
          aria-invalid={errors.title ? 'true' : undefined}
          aria-describedby={errors.title ? 'title-error' : undefined}
        />
      </Field>
      <PeopleAndKind form={form} errors={errors} summaryLabel={t('themeSummary')} />
      <Field id="childIds" label={LABELS.childIds} error={errors.childIds}>
        <textarea
          id="childIds"
          rows={4}
          value={theme.childIds}
          onInput={(e) => setTheme((old) => ({ ...old, childIds: e.currentTarget.value }))}
          aria-invalid={errors.childIds ? 'true' : undefined}
          aria-describedby={errors.childIds ? 'childIds-error' : undefined}
        />
      </Field>
      <StartText name="concernAt" type="datetime-local" form={form} errors={errors} />
      <button type="submit" class="primary" aria-disabled={change.busy}>
        {t('start')}
      </button>
      <p role="status">{change.busy ? t('starting') : ''}</p>
    </form>
  );
}
