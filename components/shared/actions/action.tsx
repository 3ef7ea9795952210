// What an action is: a button the worker presses and a small form whose fields become one event
// (or a message saying what to fix). Each action is one file beside this one; index.ts lists them.
import { createContext, type ComponentChildren, type JSX } from 'preact';
import { useContext } from 'preact/hooks';
import type { Escalation, EventBody } from '../../../lib/records/model';
import { t, type StringKey } from '../../../lib/strings';
import { Field } from '../Field';

export interface ActionProps {
  escalation: Escalation;
  /** Records the event, or shows the message when the form is not complete. */
  onRecord(body: EventBody | string): void;
}

export interface Action {
  id: string;
  /** The button's words. */
  label(escalation: Escalation): string;
  /** Whether the worker can take this action now. */
  available(escalation: Escalation): boolean;
  /** What the panel says once the change is saved. */
  done: StringKey;
  Form(props: ActionProps): JSX.Element;
}

export const field = (d: FormData, k: string) => String(d.get(k) ?? '').trim();

/** True while the open form's change is being saved (components/shared/useChange.ts). */
export const Saving = createContext(false);

/** A small form whose fields become one event (or a message saying what to fix). */
export function ActionForm({
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
  const saving = useContext(Saving);
  return (
    <form
      class="action-form"
      aria-label={title}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onRecord(build(new FormData(e.currentTarget)));
      }}
    >
      <h3>{title}</h3>
      {children}
      <button type="submit" class="primary" aria-disabled={saving}>
        {saving ? t('saving') : submit}
      </button>
    </form>
  );
}

/**
 * An action whose whole form is "why?": one required reason, recorded as `{ type, reason }`
 * (withdrawing and reopening an escalation).
 */
export function reasonAction(spec: {
  id: string;
  type: 'withdrawn' | 'reopened';
  label: StringKey;
  title: StringKey;
  why: StringKey;
  missing: StringKey;
  done: StringKey;
  available: Action['available'];
}): Action {
  const fieldId = `${spec.id}-reason`;
  return {
    id: spec.id,
    label: () => t(spec.label),
    available: spec.available,
    done: spec.done,
    Form: ({ onRecord }) => (
      <ActionForm
        onRecord={onRecord}
        title={t(spec.title)}
        submit={t(spec.label)}
        build={(d) => (field(d, 'reason') ? { type: spec.type, reason: field(d, 'reason') } : t(spec.missing))}
      >
        <Field id={fieldId} label={t(spec.why)}>
          <textarea id={fieldId} name="reason" rows={2} />
        </Field>
      </ActionForm>
    ),
  };
}
