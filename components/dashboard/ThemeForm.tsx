// Issue 36: start an escalation about practice across several children (a theme), from the dashboard, with no
// child on any page. Herefordshire Appendix 2: "If the escalation is not about a specific child, complete Section
// 2: Practice Issue / Themed Escalation"; Pan-Sussex Stage 5: "a number of similar concerns or disagreements have
// been recorded". The child IDs are typed by the worker and never matched to a record.
import { useState } from 'preact/hooks';
import { checkStartForm, checkThemeForm, themeFrom, type ThemeFormValues } from '../../lib/escalation/start-form';
import { t } from '../../lib/strings';
import { ErrorSummary, Field } from '../shared/Field';
import { ProtocolSelect } from '../shared/ProtocolSelect';
import { PeopleAndKind, START_LABELS, START_PROBLEM_FIELDS, StartText, useStarting, useStartValues } from '../shared/StartFields';
import { settings } from '../shared/settings-signal';

const LABELS = { ...START_LABELS, title: t('themeTitle'), childIds: t('themeChildIdsField') };
/** A refused "create": the theme's fields as the record names them → the form's. */
const PROBLEM_FIELDS: Record<string, string> = { ...START_PROBLEM_FIELDS, 'theme.title': 'title', 'theme.childIds': 'childIds' };

export function ThemeForm() {
  const form = useStartValues(settings.value.values.defaultProtocol);
  const { v, setV } = form;
  const [theme, setTheme] = useState<ThemeFormValues>({ title: '', childIds: '' });
  const { errors, formError, summaryRef, busy, start } = useStarting(PROBLEM_FIELDS);

  async function submit(e: Event) {
    e.preventDefault();
    const started = await start(v, { ...checkThemeForm(theme), ...checkStartForm(v, new Date()) }, { theme: themeFrom(theme) });
    // Opened only once the records said it was made: the view shows what was stored.
    if (started) location.hash = `view=escalation&id=${encodeURIComponent(started.id)}`;
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
      <button type="submit" class="primary" aria-disabled={busy}>
        {t('start')}
      </button>
      <p role="status">{busy ? t('starting') : ''}</p>
    </form>
  );
}
