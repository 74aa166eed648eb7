import { useId } from 'react';

/** A labelled checkbox; `testid` is the full data-testid of the input, `title` a tooltip on its label. */
export function CheckField({ testid, label, checked, disabled, onChange, hint, title }: {
  readonly testid: string;
  readonly label: string;
  readonly checked: boolean;
  readonly disabled?: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly hint?: string;
  readonly title?: string;
}) {
  const id = useId();
  return (
    <div className="insp-field insp-check">
      <label title={title}>
        <input
          type="checkbox"
          data-testid={testid}
          checked={checked}
          disabled={disabled}
          aria-describedby={hint ? id : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        {label}
      </label>
      {hint && (
        <span id={id} className="insp-hint">
          {hint}
        </span>
      )}
    </div>
  );
}
