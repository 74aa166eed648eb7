import { LEAVES, OPS } from '../../engine';

/**
 * Names a Japanese page still writes in Latin letters: the product, library, method and
 * algorithm names, file formats and units, keyboard keys, the optimizers' names, PyTorch's
 * dtypes and Python's constants the course prints.
 */
const PROPER_NAMES = ['GradCanvas', 'PyTorch', 'dtype', 'float32', 'float64', 'JavaScript', 'torchviz', 'Nesterov', 'AMSGrad', 'SGD', 'Adam', 'CSV', 'JSON', 'CPU', 'GPU', 'PNG', 'SVG', 'MB', 'Ctrl', 'Shift', 'Enter', 'Space', 'Esc', 'Escape', 'Delete', 'Tab', 'None', 'True', 'False', 'NaN', 'nan', 'inf'];

/**
 * The words a Japanese page may show in English: the op vocabulary of the engine's registry
 * (op and leaf names, the words of their formulas, port, attribute and parameter names,
 * attribute choices, grad_fn names — PyTorch's own words, as the course writes them) and PROPER_NAMES.
 */
export function allowedEnglish(): Set<string> {
  const words = new Set<string>(PROPER_NAMES);
  const formulaWords = (formula: string) => formula.match(/[A-Za-z]+/g) ?? [];
  for (const leaf of LEAVES) for (const w of [leaf.name, ...formulaWords(leaf.formula)]) words.add(w);
  for (const op of OPS) {
    for (const w of [op.name, op.gradFn, ...formulaWords(op.formula), ...op.inputs.map((p) => p.name)]) words.add(w);
    for (const a of op.attrs) {
      words.add(a.name);
      if (a.type === 'enum') for (const v of a.values) words.add(v);
    }
    const defaults = Object.fromEntries(op.attrs.map((a) => [a.name, a.default]));
    for (const p of op.params?.(defaults as never) ?? []) words.add(p.name);
  }
  return words;
}

/**
 * The English words of a text that are not allowed: code-shaped words (joined with `.` or
 * `_`, called with `(` or indexed with `[`), single letters (the course's x, W, B, N), parts
 * of numbers (1e-3) and quoted text (a file's own values and keys: 'x', "gradcanvas-graph",
 * 「format」) are not prose and pass.
 */
export function englishWords(text: string, allowed: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const unquoted = text.replace(/「[^」]*」|'[^'\n]*'|"[^"\n]*"/g, ' ');
  for (const m of unquoted.matchAll(/(?<![\w.])[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9_]+)*([([]?)/g)) {
    const word = m[0].replace(/[([]$/, '');
    if (m[1] !== '' || /[._]/.test(word) || word.length === 1 || allowed.has(word)) continue;
    found.push(word);
  }
  return found;
}
