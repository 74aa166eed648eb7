/** A piece of lesson text: plain words, or a control named by its interface message key. */
export type TextPart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'control'; readonly key: string };

const CONTROL = /\[\[([\w.]+)\]\]/g;

/** Splits lesson text at its `[[message.key]]` references. */
export function textParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of text.matchAll(CONTROL)) {
    if (m.index > at) parts.push({ kind: 'text', text: text.slice(at, m.index) });
    parts.push({ kind: 'control', key: m[1] });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
}

/** The message keys a text names. */
export function controlKeys(text: string): string[] {
  return textParts(text).flatMap((p) => (p.kind === 'control' ? [p.key] : []));
}
