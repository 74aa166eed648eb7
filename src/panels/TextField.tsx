import { useId } from 'react';
import { useT } from '../i18n/useT';
import { errorText } from './errorText';
import type { Parsed } from './tensorText';
import { useDraft } from './useDraft';

/** Props of a labelled text field bound to a document value. */
export interface TextFieldProps<T> {
  /** The field's test-id suffix: the input is `inspector.<field>`, its error `inspector.error.<field>`. */
  readonly field: string;
  readonly label: string;
  readonly value: T;
  readonly format: (v: T) => string;
  readonly parse: (text: string) => Parsed<T>;
  readonly commit: (v: T) => void;
  readonly hint?: string;
  readonly inputMode?: 'decimal' | 'numeric' | 'text';
  readonly placeholder?: string;
  readonly maxLength?: number;
}

/** A labelled input that writes valid text to the document at once and shows invalid text as an error beside it. */
export function TextField<T>({ field, label, value, format, parse, commit, hint, inputMode = 'decimal', placeholder, maxLength }: TextFieldProps<T>) {
  const t = useT();
  const id = useId();
  const draft = useDraft(value, format, parse, commit);
  const describedBy = [draft.error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="insp-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        data-testid={`inspector.${field}`}
        value={draft.text}
        inputMode={inputMode}
        placeholder={placeholder}
        maxLength={maxLength}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={draft.error !== null}
        aria-describedby={describedBy}
        onChange={(e) => draft.change(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && draft.error) {
            e.preventDefault();
            draft.reset();
          }
        }}
      />
      {draft.error && (
        <span id={`${id}-error`} className="insp-error" role="alert" data-testid={`inspector.error.${field}`}>
          {errorText(t, draft.error)} {t('inspector.err.kept', { value: format(value) || '∅' })}
        </span>
      )}
      {hint && (
        <span id={`${id}-hint`} className="insp-hint">
          {hint}
        </span>
      )}
    </div>
  );
}
