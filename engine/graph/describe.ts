/** The most characters of a text a message echoes: a file's own data must never flood a message. */
export const ECHO_CHARS = 40;

/** A text for a message, quoted, cut to ECHO_CHARS with an ellipsis. */
export function quote(text: string): string {
  return `'${text.length > ECHO_CHARS ? `${text.slice(0, ECHO_CHARS)}…` : text}'`;
}

/** The words a message describes a value by when it cannot show it: the page words each in its language. */
export const VALUE_WORDS = { nothing: 'nothing', list: 'a list', object: 'an object', none: '(none)' } as const;

/** A short description of an unexpected value for messages: short values as they are, lists and objects by kind. */
export function describeValue(v: unknown): string {
  if (v === undefined) return VALUE_WORDS.nothing;
  if (v === null) return 'null';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return Array.isArray(v) ? VALUE_WORDS.list : VALUE_WORDS.object;
}
