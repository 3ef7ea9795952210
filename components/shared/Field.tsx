import { t } from '../../lib/strings';
import type { ComponentChildren } from 'preact';

/** A labelled input with its error message tied to it for screen readers. */
export function Field({
  id,
  label,
  error,
  children,
  hint,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ComponentChildren;
}) {
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span class="field-error" id={`${id}-error`}>
          <span class="visually-hidden">{t('errorPrefix')} </span>
          {error}
        </span>
      )}
      {children}
    </div>
  );
}

/** The GOV.UK-style summary of what to fix, linking to each field. */
export function ErrorSummary({ errors, labels }: { errors: Record<string, string>; labels: Record<string, string> }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <h3>{t('errorSummary')}</h3>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${field}`}>
              {labels[field] ?? field}: {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A labelled "choose a JSON file" field (backups, adapter files): calls back with the file chosen. */
export function JsonFileField({ id, label, onFile }: { id: string; label: string; onFile: (file: File) => void }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept="application/json,.json"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) onFile(file);
        }}
      />
    </div>
  );
}

/** A select's options from [value, words] pairs, after a first one (value '') for "any" or "none chosen" if given. */
export function Options({ list, first }: { list: readonly (readonly [string, string])[]; first?: string }) {
  return (
    <>
      {first !== undefined && <option value="">{first}</option>}
      {list.map(([value, words]) => (
        <option key={value} value={value}>
          {words}
        </option>
      ))}
    </>
  );
}
