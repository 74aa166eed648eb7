/**
 * How user text (node ids, parameter, dataset and column names, paths, messages quoting
 * them) appears on a terminal: the CLI prints everything it did not write itself through
 * `printable`, and an exported script prints parameter names as `printable` made them at
 * export time, so the two print the same bytes.
 */

/** Short escapes for the common controls, as JSON and Python write them. */
const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * What may not reach a terminal raw: C0 and C1 controls with DEL (line breaks, ESC and the
 * sequences it starts, NEL), the line and paragraph separators, bidirectional controls that
 * make a line read differently from what it holds, and lone surrogates (not text at all).
 */
const UNPRINTABLE = /[\p{Cc}\p{Zl}\p{Zp}\p{Bidi_Control}\p{Cs}]/gu;

/**
 * The text on one line with every control, separator and lone surrogate shown as an escape
 * (`\n`, `\r`, `\t`, otherwise `\u001b`-style); everything else, Japanese and emoji included,
 * stays as it is. A name can therefore neither fake a line of output nor drive the terminal.
 * A backslash stays as typed: the escapes are for reading, not for parsing back.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => SHORT[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
