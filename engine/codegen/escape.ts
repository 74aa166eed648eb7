/**
 * The only ways user text (graph names, node ids and labels, dataset and column names)
 * enters an exported Python script. A file is untrusted input: nothing it holds may end a
 * comment, close a string literal or otherwise turn into code when the script runs.
 */

/** Short escapes Python's repr() uses. */
const SHORT: Readonly<Record<number, string>> = { 0x09: '\\t', 0x0a: '\\n', 0x0d: '\\r' };

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/**
 * A double-quoted Python string literal that evaluates to exactly `text` (code unit for
 * code unit, lone surrogates included). The literal is printable ASCII: everything else is
 * a `\x`, `\u` or `\U` escape, so no line separator, bidirectional control or encoding
 * quirk of the file can change what the script means.
 */
export function pyString(text: string): string {
  const out: string[] = ['"'];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      out.push(c === 0x22 ? '\\"' : c === 0x5c ? '\\\\' : text[i]);
      continue;
    }
    // A surrogate pair is one code point; a lone surrogate stays a single `\uXXXX`, as Python holds it.
    const cp = text.codePointAt(i) as number;
    if (cp > 0xffff) {
      out.push(`\\U${hex(cp, 8)}`);
      i++;
    } else {
      out.push(SHORT[c] ?? (c < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
    }
  }
  out.push('"');
  return out.join('');
}

/**
 * Characters a comment shows as escapes: controls (every line break Python's tokenizer or
 * str.splitlines() knows is one), format characters such as bidirectional overrides that
 * make source read differently from how it runs, line and paragraph separators, lone
 * surrogates, private-use and unassigned code points.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u;

/** The longest comment text kept by default; a comment describes, it need not hold everything. */
export const COMMENT_MAX = 200;

/**
 * The text of a one-line Python comment (what follows `# `): printable characters as they
 * are, so Japanese names stay readable, and every hidden or line-breaking character as a
 * visible `\uXXXX` (or `\UXXXXXXXX`). Longer text is cut at `max` characters and ends in `...`.
 */
export function pyComment(text: string, max: number = COMMENT_MAX): string {
  const out: string[] = [];
  let length = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    const piece = HIDDEN.test(ch) ? (cp > 0xffff ? `\\U${hex(cp, 8)}` : `\\u${hex(cp, 4)}`) : ch;
    if (length + piece.length > max) {
      out.push('...');
      break;
    }
    out.push(piece);
    length += piece.length;
  }
  return out.join('');
}
