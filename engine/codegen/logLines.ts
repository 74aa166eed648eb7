/**
 * Comparing what an exported script printed with what the CLI's `train` prints: the same
 * text, numbers to 1e-9 relative, Python's nan and inf read as JavaScript spells them.
 */

const JS_SPELLING: Readonly<Record<string, string>> = { nan: 'NaN', inf: 'Infinity', '-inf': '-Infinity' };

/** Why one printed line differs from the expected one, or null when they agree. */
export function lineMismatch(torch: string, cli: string): string | null {
  const split = (l: string) =>
    l
      .split(/([ ,])/)
      .filter((t) => t !== '')
      .map((t) => (Object.hasOwn(JS_SPELLING, t) ? JS_SPELLING[t] : t));
  const [a, b] = [split(torch), split(cli)];
  if (a.length !== b.length) return `${a.length} tokens, expected ${b.length}\n torch: ${torch}\n cli:   ${cli}`;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [Number(a[i]), Number(b[i])];
    const numeric = Number.isFinite(x) && Number.isFinite(y) && a[i].trim() !== '' && !/[[\]]/.test(a[i]);
    const same = numeric ? Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y)) + 1e-12 : a[i] === b[i];
    if (!same) return `${a[i]} vs ${b[i]}\n torch: ${torch}\n cli:   ${cli}`;
  }
  return null;
}

/** Why a whole printed log differs from the expected lines (split on `\n` only, as print writes them), or null. */
export function logMismatch(stdout: string, expected: readonly string[]): string | null {
  const got = stdout.replace(/\n$/, '').split('\n');
  const want = expected.join('\n').split('\n');
  if (got.length !== want.length) return `${got.length} lines, expected ${want.length}:\n${stdout}`;
  for (let i = 0; i < got.length; i++) {
    const m = lineMismatch(got[i], want[i]);
    if (m) return `line ${i + 1}: ${m}`;
  }
  return null;
}
