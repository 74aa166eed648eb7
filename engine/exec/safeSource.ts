/**
 * The one gate every generated function passes before `new Function` sees it: its source may
 * hold only the compiled step's own names (`V`, `G`, `K`, `T`, table locals `t0`, `t1`, …, number
 * locals `s0`, `s1`, …, a loop's row `r`, `const`, `let`, `for` and `return`), whole numbers
 * (buffer indices, row counts and the ops' own integer literals), white space and operators, and
 * no comment. No quote, backtick, backslash, letter run or dot can pass, so no text from a
 * graph (an id, a label, a dataset or attribute string) can ever become code.
 */
const TOKEN = /[A-Za-z_$][A-Za-z0-9_$]*|[0-9]+|[ \n]+|=>|[[\](){},;=<+\-*/]/y;
const NAME = /^(?:[VGKTr]|[ts][0-9]+|const|let|for|return)$/;

/** True when `source` consists only of the tokens above. */
export function isSafeSource(source: string): boolean {
  // Two slashes (or a slash and a star) would open a comment.
  if (/\/[/*]/.test(source)) return false;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (!m || m.index !== start) return false;
    if (/^[A-Za-z_$]/.test(m[0]) && !NAME.test(m[0])) return false;
  }
  return true;
}

/** Raised when generated source fails the gate; the program then stays interpreted. */
export class UnsafeSourceError extends Error {
  constructor() {
    super('generated source holds something other than numbers, buffer names and operators');
    this.name = 'UnsafeSourceError';
  }
}

/** Throws UnsafeSourceError unless `source` passes isSafeSource. */
export function assertSafeSource(source: string): void {
  if (!isSafeSource(source)) throw new UnsafeSourceError();
}
