import { useId } from 'react';

/** A labelled select; `testid` is the full data-testid of the select element. */
export function SelectField({ testid, label, value, options, onChange, hint }: {
  readonly testid: string;
  readonly label: string;
  readonly value: string;
  readonly options: readonly { readonly value: string; readonly label: string; readonly disabled?: boolean }[];
  readonly onChange: (value: string) => void;
  readonly hint?: string;
}) {
  const id = useId();
  return (
    <div className="insp-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} data-testid={testid} value={value} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && (
        <span id={`${id}-hint`} className="insp-hint">
          {hint}
        </span>
      )}
    </div>
  );
}
