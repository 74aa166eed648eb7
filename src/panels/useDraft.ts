import { useState } from 'react';
import type { Parsed, TextError } from './tensorText';

/** Two document values are the same for a field when their JSON is (shapes are fresh arrays on every read). */
function same(a: unknown, b: unknown): boolean {
  return Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b);
}

/** What a text field shows and what typing in it does. */
export interface Draft {
  readonly text: string;
  readonly error: TextError | null;
  change(text: string): void;
  /** Drops what was typed and shows the document's value again (Escape). */
  reset(): void;
}

/**
 * The text of a field bound to a document value. Typing keeps the exact text (so "1." or
 * "-" stay as typed); a valid value is committed at once, an invalid one only shows its
 * error, so the document keeps the last valid value. When the document changes under the
 * field (undo, a paste, another field), the field shows the new value unless what is typed
 * already means it.
 */
export function useDraft<T>(value: T, format: (v: T) => string, parse: (text: string) => Parsed<T>, commit: (v: T) => void): Draft {
  const [state, setState] = useState(() => ({ text: format(value), seen: value }));
  let text = state.text;
  if (!same(state.seen, value)) {
    const p = parse(state.text);
    text = p.ok && same(p.value, value) ? state.text : format(value);
    // Adjusting state while rendering is React's way to follow a prop without an extra paint.
    setState({ text, seen: value });
  }
  const parsed = parse(text);
  return {
    text,
    error: parsed.ok ? null : parsed.error,
    change(next) {
      setState({ text: next, seen: value });
      const p = parse(next);
      if (p.ok && !same(p.value, value)) commit(p.value);
    },
    reset: () => setState({ text: format(value), seen: value }),
  };
}
