// What an action is: a button the worker presses and a small form whose fields become one event
// (or a message saying what to fix). Each action is one file beside this one; index.ts lists them.
import { createContext, type ComponentChildren, type JSX } from 'preact';
import { useContext } from 'preact/hooks';
import type { Escalation, EventBody } from '../../../lib/records/model';
import { t, type StringKey } from '../../../lib/strings';
import { Field } from '../Field';
import { londonDay } from '../../../lib/time/calendar';

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

/** One text field of a text-only action's form. */
export interface TextField {
  /** The form field's name, which `build` reads it by. */
  name: string;
  /** The element's id, which its label points to: by default the action's id and the field's name. */
  id?: string;
  label: StringKey;
  /** A box of this many lines; without it, one line. */
  rows?: number;
  /** One line for a day from today on (London), or a whole number (a numeric keyboard); else free text. */
  kind?: 'day-from-today' | 'whole-number';
}

/**
 * An action whose form is text fields only, made into one event by `build` from each field's trimmed text
 * (or a message saying what to fix). By default it is for open escalations, titled and submitted by its label.
 */
export function textAction(spec: {
  id: string;
  label: StringKey;
  title?: StringKey;
  submit?: StringKey;
  done: StringKey;
  available?: Action['available'];
  fields: readonly TextField[];
  build: (text: (name: string) => string, escalation: Escalation) => EventBody | string;
}): Action {
  return {
    id: spec.id,
    label: () => t(spec.label),
    available: spec.available ?? ((e) => e.status === 'open'),
    done: spec.done,
    Form: ({ escalation, onRecord }) => (
      <ActionForm
        onRecord={onRecord}
        title={t(spec.title ?? spec.label)}
        submit={t(spec.submit ?? spec.label)}
        build={(d) => spec.build((name) => field(d, name), escalation)}
      >
        {spec.fields.map(({ name, id = `${spec.id}-${name}`, label, rows, kind }) => (
          <Field key={id} id={id} label={t(label)}>
            {rows ? (
              <textarea id={id} name={name} rows={rows} />
            ) : kind === 'day-from-today' ? (
              <input id={id} name={name} type="date" min={londonDay(new Date())} />
            ) : (
              <input id={id} name={name} inputMode={kind === 'whole-number' ? 'numeric' : undefined} />
            )}
          </Field>
        ))}
      </ActionForm>
    ),
  };
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
  return textAction({
    ...spec,
    fields: [{ name: 'reason', label: spec.why, rows: 2 }],
    build: (text) => (text('reason') ? { type: spec.type, reason: text('reason') } : t(spec.missing)),
  });
}
