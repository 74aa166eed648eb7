import { pyNumber } from '../ops/binary';
import { toNested, type Tensor } from '../tensor/tensor';

/** Python's reserved words and the names the exported script uses itself. */
const TAKEN = new Set(
  ('False None True and as assert async await break class continue def del elif else except finally for from global if import in is ' +
    'lambda nonlocal not or pass raise return try while with yield torch nn F net criterion optimizer loss outputs labels epoch epochs ' +
    'order idx total start batch_size rows self print range len float int list sum max min abs next iter permutation Net').split(' '),
);

/** Turns node ids into unique Python identifiers (`my-node` → `my_node`). */
export function pythonNames(ids: readonly string[]): Map<string, string> {
  const used = new Set<string>();
  const names = new Map<string, string>();
  for (const id of ids) {
    let base = id.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z_]/.test(base)) base = `n_${base}`;
    if (TAKEN.has(base)) base = `${base}_`;
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base}_${k}`;
    used.add(name);
    names.set(id, name);
  }
  return names;
}

/** A nested Python list literal of a tensor's values. */
export function pyList(t: Tensor): string {
  const render = (v: unknown): string => (Array.isArray(v) ? `[${v.map(render).join(', ')}]` : pyNumber(v as number));
  return render(toNested(t));
}

/** `torch.tensor(…)` of a tensor's exact values. */
export function pyTensor(t: Tensor): string {
  return `torch.tensor(${pyList(t)})`;
}

/** A Python string literal. */
export function pyString(s: string): string {
  return JSON.stringify(s);
}
