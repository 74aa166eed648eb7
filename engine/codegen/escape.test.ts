import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertTorch, PYTHON } from '../testing/debianPython';
import { COMMENT_MAX, pyComment, pyString } from './escape';
import { INJECTION_CORPUS } from './injectionCorpus';
import { pythonNames } from './python';

/** Arbitrary UTF-16: any code units (lone surrogates, controls, pairs) and any code points. */
function randomTexts(): string[] {
  const units = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((u) => String.fromCharCode(...u));
  const points = fc.string({ unit: 'binary', maxLength: 40 });
  return fc.sample(fc.oneof(units, points), { seed: 20261127, numRuns: 400 });
}

const CORPUS = [...INJECTION_CORPUS, '', 'plain', 'é', '\x7f\x80\x9f\xa0\xff', '\u0100\uffff', '\u{10ffff}', 'x'.repeat(100_000), ...randomTexts()];

/** Every separator str.splitlines() knows; Python's tokenizer ends a line only at \n and \r. */
const SPLITLINES = '\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029';

/**
 * Python reads each literal with ast.literal_eval (and checks it is one str constant),
 * returning its UTF-16 code units; and compiles each comment after code, returning how
 * many comment tokens and lines it found and whether the code around it still ran.
 */
const CHECKER = `
import ast, io, json, sys, tokenize
items = json.load(sys.stdin)
out = []
for it in items:
    tree = ast.parse(it['literal'], mode='eval')
    value = ast.literal_eval(it['literal'])
    units = list(value.encode('utf-16-le', 'surrogatepass'))
    src = 'x = 1  # ' + it['comment'] + '\\ny = 2\\n'
    ns = {}
    exec(compile(src, 'comment', 'exec'), ns)
    comments = [t for t in tokenize.generate_tokens(io.StringIO(src).readline) if t.type == tokenize.COMMENT]
    out.append({'str': isinstance(tree.body, ast.Constant) and type(value) is str,
                'units': [units[i] | (units[i + 1] << 8) for i in range(0, len(units), 2)],
                'ran': ns.get('x') == 1 and ns.get('y') == 2 and len(ns) == 3,
                'comments': len(comments), 'lines': len(src.splitlines())})
print(json.dumps(out))
`;

interface Checked {
  readonly str: boolean;
  readonly units: number[];
  readonly ran: boolean;
  readonly comments: number;
  readonly lines: number;
}

const codeUnits = (s: string) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));

describe('escape', () => {
  beforeAll(() => assertTorch());

  it('pyString and pyComment of the injection corpus and 400 random texts → Python reads back the exact code units, and each comment stays one comment on one line', () => {
    const items = CORPUS.map((s) => ({ literal: pyString(s), comment: pyComment(s) }));
    const r = spawnSync(PYTHON, ['-c', CHECKER], { input: JSON.stringify(items), encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(r.status, r.stderr).toBe(0);
    const checked = JSON.parse(r.stdout) as Checked[];
    expect(checked.length).toBe(CORPUS.length);
    CORPUS.forEach((s, k) => {
      const where = `text ${k}: ${JSON.stringify(s.slice(0, 60))}`;
      expect(checked[k].str, where).toBe(true);
      expect(checked[k].units, where).toEqual(codeUnits(s));
      expect(checked[k].ran, where).toBe(true);
      expect(checked[k].comments, where).toBe(1);
      expect(checked[k].lines, where).toBe(2);
    });
    console.log(`escape: ${CORPUS.length} texts read back exactly by ${PYTHON}`);
  });

  it('pyString of any text → printable ASCII only, double-quoted', () => {
    for (const s of CORPUS) expect(pyString(s)).toMatch(/^"[\x20-\x7e]*"$/);
  });

  it('pyString of quotes, backslashes and line breaks → the escapes repr() uses', () => {
    expect(pyString(`a"b'c\\d`)).toBe(`"a\\"b'c\\\\d"`);
    expect(pyString('\n\r\t\0\x7f')).toBe('"\\n\\r\\t\\x00\\x7f"');
    expect(pyString('\u0085\u2028\u2029')).toBe('"\\x85\\u2028\\u2029"');
    expect(pyString('é😀')).toBe('"\\xe9\\U0001f600"');
  });

  it('pyString of lone surrogates → one \\u escape each; a valid pair → one \\U escape', () => {
    expect(pyString('\uD800')).toBe('"\\ud800"');
    expect(pyString('\uDC00\uD800')).toBe('"\\udc00\\ud800"');
    expect(pyString('\uD83D\uDE00')).toBe('"\\U0001f600"');
  });

  it('pyComment of any text → no line separator of any kind, no control, format or surrogate code unit', () => {
    for (const s of CORPUS) {
      const c = pyComment(s);
      expect([...c].filter((ch) => SPLITLINES.includes(ch)), JSON.stringify(s.slice(0, 60))).toEqual([]);
      expect(c).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u);
    }
  });

  it('pyComment shows hidden characters as \\u escapes and keeps readable text as it is', () => {
    expect(pyComment('a\nb\r\u2028\u0085\t\0')).toBe('a\\u000ab\\u000d\\u2028\\u0085\\u0009\\u0000');
    expect(pyComment('\uD800x\uDFFF')).toBe('\\ud800x\\udfff');
    expect(pyComment('\u202Eevil')).toBe('\\u202eevil');
    expect(pyComment('\u{E0001}')).toBe('\\U000e0001');
    expect(pyComment('線形回帰 😀 "quoted" # hash \\')).toBe('線形回帰 😀 "quoted" # hash \\');
  });

  it('pyComment of a 100,000-character text → cut to the limit, ending in ...', () => {
    expect(pyComment('x'.repeat(100_000))).toBe(`${'x'.repeat(COMMENT_MAX)}...`);
    expect(pyComment('\n'.repeat(1000)).length).toBeLessThanOrEqual(COMMENT_MAX + 3);
    expect(pyComment('abc', 2)).toBe('ab...');
  });

  it('pythonNames of any text → unique ASCII identifiers that are not keywords, script names or nn.Module attributes', () => {
    const taken = ['forward', 'training', 'parameters', 'rng', 'epoch_loss', 'tuple', 'math', 'sys', 'copy', 'trainable', 'divergence', 'first_loss', 'problem', 'all'];
    const ids = [...CORPUS.slice(0, 200), ...taken, '__x', '_parameters', '1abc', ''];
    const names = pythonNames([...new Set(ids)]);
    const values = [...names.values()];
    expect(new Set(values).size).toBe(values.length);
    for (const v of values) expect(v).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,70}$/);
    for (const id of taken) expect(names.get(id)).toBe(`${id}_`);
    expect(names.get('__x')).toBe('n__x');
    expect(names.get('_parameters')).toBe('n_parameters');
  });
});
