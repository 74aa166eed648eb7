import { useId, useState } from 'react';
import { useT } from '../i18n/useT';
import { formatExact } from '../format';
import { type NumberRule, parseSetting } from './settings';

/** A labelled number field: valid text is committed at once, invalid text shows why beside it and commits nothing. */
export function NumberField({ testid, label, value, rule, onCommit, allowEmpty, disabled }: {
  readonly testid: string;
  readonly label: string;
  /** The document's value; null shows an empty field (allowed only with `allowEmpty`). */
  readonly value: number | null;
  readonly rule: NumberRule;
  readonly onCommit: (v: number | null) => void;
  readonly allowEmpty?: boolean;
  readonly disabled?: boolean;
}) {
  const t = useT();
  const id = useId();
  const format = (v: number | null) => (v === null ? '' : formatExact(v));
  const parse = (text: string) => (allowEmpty && text.trim() === '' ? ({ ok: true, value: null } as const) : parseSetting(text, rule));
  const [state, setState] = useState(() => ({ text: format(value), seen: value }));
  let text = state.text;
  if (state.seen !== value) {
    // The document changed under the field (undo, a run): show it unless the text already means it.
    const p = parse(state.text);
    text = p.ok && p.value === value ? state.text : format(value);
    setState({ text, seen: value });
  }
  const parsed = parse(text);
  return (
    <div className="insp-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        data-testid={testid}
        value={text}
        disabled={disabled}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={!parsed.ok}
        aria-describedby={parsed.ok ? undefined : `${id}-error`}
        onChange={(e) => {
          const next = e.target.value;
          setState({ text: next, seen: value });
          const p = parse(next);
          if (p.ok && p.value !== value) onCommit(p.value);
        }}
      />
      {!parsed.ok && (
        <span id={`${id}-error`} className="insp-error" role="alert" data-testid={`${testid}.error`}>
          {t('train.invalid', { reason: t(`train.reason.${parsed.reason}`) })}
        </span>
      )}
    </div>
  );
}
