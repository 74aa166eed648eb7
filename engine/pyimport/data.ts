import type { SyntaxNode } from '@lezer/common';
import type { Dtype } from '../tensor/float32';
import type { Dataset } from '../graph/types';
import { callParts, failAt, stringLiteral } from './callParts';
import { isDevice, toTarget } from './device';
import type { PyValue, Scope } from './expressions';
import type { DataColumns, DataSources } from './objects';
import { parts } from './syntax';

/** The name a file gives its dataset: its name without directories and without `.csv` / `.txt`. */
export function datasetStem(path: string): string {
  return (path.split(/[/\\]/).pop() ?? path).replace(/\.(csv|txt)$/i, '');
}

/**
 * `pd.read_csv("boston.csv")` or `np.loadtxt("boston.csv", delimiter=",", skiprows=1)`: the
 * dataset the file's stem names, from the document's (or GradCanvas's own) datasets, else read
 * from the file (the CLI, relative to the script). The dataset joins the document.
 */
export function readTable(scope: Scope, sources: DataSources, node: SyntaxNode, reader: 'pd' | 'np'): PyValue {
  const code = scope.code;
  const { fnNode, list, positional, keywords } = callParts(code, node);
  const what = code.slice(fnNode.from, fnNode.to);
  const path = positional.length === 1 ? stringLiteral(code, positional[0]) : null;
  if (path === null) return failAt('arguments', { what, expected: 'fileName' }, list);
  for (const [name, value] of keywords) {
    const v = code.slice(value.from, value.to);
    const fine = reader === 'np' && ((name === 'delimiter' && /^["'],["']$/.test(v)) || (name === 'skiprows' && v === '1') || (name === 'ndmin' && v === '2'));
    if (!fine) failAt('keyword', { what, name }, value);
  }
  // The file has a header row (GradCanvas's CSV files do): NumPy must skip it.
  if (reader === 'np' && (!keywords.has('delimiter') || !keywords.has('skiprows'))) failAt('arguments', { what, expected: 'loadtxt' }, list);
  const stem = datasetStem(path);
  const draft = scope.draft;
  let dataset: Dataset | undefined = Object.hasOwn(draft.datasets, stem) ? draft.datasets[stem] : undefined;
  if (!dataset && sources.datasets && Object.hasOwn(sources.datasets, stem)) dataset = sources.datasets[stem];
  if (!dataset && sources.readCsv) {
    const read = sources.readCsv(path);
    if (typeof read === 'string') failAt('csv', { name: path, message: read }, positional[0]);
    dataset = read;
  }
  if (!dataset) return failAt('dataset', { name: stem }, positional[0]);
  if (!Object.hasOwn(draft.datasets, stem)) draft.datasets = { ...draft.datasets, [stem]: { columns: [...dataset.columns], rows: dataset.rows.map((r) => [...r]) } };
  return { kind: 'data', data: { dataset: stem, columns: null, vector: false, by: reader === 'pd' ? 'name' : 'index' } };
}

/** A selection of columns: `df["RM"]`, `df[["RM", "LSTAT"]]`, `data[:, 0]`, `data[:, [0, 1]]`; null when the subscript is none of these. */
export function selectColumns(scope: Scope, table: DataColumns, subscript: SyntaxNode): DataColumns {
  const code = scope.code;
  const all = scope.draft.datasets[table.dataset].columns;
  if (table.columns !== null) failAt('dataIndex', {}, subscript);
  const children: SyntaxNode[] = [];
  for (let c = subscript.firstChild; c; c = c.nextSibling) children.push(c);
  const inside = children.slice(children.findIndex((c) => c.name === '[') + 1, -1);
  const index = inside.filter((c) => c.name !== ',' && c.name !== ':');
  if (table.by === 'name') {
    if (inside.length !== 1) failAt('dataIndex', {}, subscript);
    const one = stringLiteral(code, inside[0]);
    const many = inside[0].name === 'ArrayExpression' ? parts(inside[0]).map((s) => stringLiteral(code, s)) : null;
    const names = one !== null ? [one] : many && many.length > 0 && many.every((n) => n !== null) ? (many as string[]) : null;
    if (!names) return failAt('dataIndex', {}, subscript);
    for (const [k, n] of names.entries()) if (!all.includes(n)) failAt('column', { name: n, dataset: table.dataset }, one !== null ? inside[0] : parts(inside[0])[k]);
    return { ...table, columns: names, vector: one !== null };
  }
  // NumPy: every row (`:`), then one column index or a list of them.
  const rows = inside.length === 3 && inside[0].name === ':' && inside[1].name === ',';
  if (!rows || index.length !== 1) return failAt('dataIndex', {}, subscript);
  const at = (n: SyntaxNode): string => {
    const raw = code.slice(n.from, n.to);
    const j = n.name === 'Number' && /^\d+$/.test(raw) ? Number(raw) : -1;
    if (j < 0 || j >= all.length) failAt('columnIndex', { index: raw, dataset: table.dataset, count: String(all.length) }, n);
    return all[j];
  };
  const only = index[0];
  if (only.name === 'ArrayExpression') {
    const items = parts(only);
    if (items.length === 0) failAt('dataIndex', {}, subscript);
    return { ...table, columns: items.map(at), vector: false };
  }
  return { ...table, columns: [at(only)], vector: true };
}

/**
 * `torch.tensor(D)` / `torch.from_numpy(D)` of data `D`, with any of `.float()`, `.double()`,
 * `.long()`, `.to(dtype)`, `.view(-1, 1)`, `.reshape(-1, 1)`, and `.to(device)`, `.cpu()` (which
 * change nothing: GradCanvas computes on the CPU) after it: an input leaf reading the dataset's
 * columns. NumPy data is float64 (PyTorch keeps it so) unless `.float()` makes it float32.
 * Null when the call is not one of these over data.
 */
export function dataTensor(scope: Scope, node: SyntaxNode, peek: (node: SyntaxNode) => PyValue | undefined): PyValue | null {
  const code = scope.code;
  const chain: { name: string; node: SyntaxNode; args: SyntaxNode[] }[] = [];
  let cur = node;
  for (;;) {
    if (cur.name !== 'CallExpression') return null;
    const { fnNode, positional, keywords } = callParts(code, cur);
    const callee = code.slice(fnNode.from, fnNode.to);
    if (callee === 'torch.tensor' || callee === 'torch.from_numpy') {
      if (positional.length !== 1) return null;
      const v = peek(positional[0]);
      if (v?.kind !== 'data') return null;
      let dtype: Dtype | 'long' = 'float64';
      for (const [k, value] of keywords) {
        const t = code.slice(value.from, value.to);
        if (k === 'device' && callee === 'torch.tensor') {
          if (!isDevice(scope, value)) failAt('arguments', { what: 'device=', expected: 'device' }, value);
          continue;
        }
        if (k !== 'dtype' || callee !== 'torch.tensor') failAt('keyword', { what: callee, name: k }, value);
        dtype = t === 'torch.float32' || t === 'torch.float' ? 'float32' : t === 'torch.float64' || t === 'torch.double' ? 'float64' : t === 'torch.long' || t === 'torch.int64' ? 'long' : failAt('dataDtypeArg', { name: t }, value);
      }
      return dataLeaf(scope, v.data, dtype, chain.reverse(), node);
    }
    if (fnNode.name !== 'MemberExpression' || keywords.size > 0) return null;
    const [owner, prop] = parts(fnNode);
    chain.push({ name: code.slice(prop.from, prop.to), node: cur, args: positional });
    cur = owner;
  }
}

function dataLeaf(scope: Scope, data: DataColumns, start: Dtype | 'long', chain: { name: string; node: SyntaxNode; args: SyntaxNode[] }[], node: SyntaxNode): PyValue {
  const code = scope.code;
  const columns = data.columns ?? scope.draft.datasets[data.dataset].columns;
  let vector = data.vector;
  let dtype = start;
  for (const step of chain) {
    const args = step.args.map((a) => code.slice(a.from, a.to).replace(/\s+/g, ''));
    if (['float', 'double', 'long'].includes(step.name) && args.length === 0) dtype = step.name === 'float' ? 'float32' : step.name === 'double' ? 'float64' : 'long';
    else if (step.name === 'cpu' && args.length === 0) continue;
    else if (step.name === 'to' && step.args.length === 1) {
      const target = toTarget(scope, step.args[0], '.to');
      if (target !== 'device') dtype = target === 'int64' ? 'long' : target;
    } else if ((step.name === 'view' || step.name === 'reshape') && args.join(',') === '-1,1' && columns.length === 1) vector = false;
    else failAt('dataMethod', { what: step.name }, step.node);
  }
  const draft = scope.draft;
  // Class labels (`.long()`) are whole numbers the graph holds in its own dtype.
  const made = dtype === 'long' ? (draft.dtype ?? scope.defaultDtype) : dtype;
  // The graph computes in the script's default dtype (float32 unless set_default_dtype says otherwise), as its layers do.
  const graph = draft.dtype ?? scope.defaultDtype;
  if (graph !== made) failAt('dataDtype', { dtype: made, graph }, node);
  draft.dtype = made;
  const value = { type: 'columns' as const, dataset: data.dataset, columns: [...columns], ...(vector ? { vector: true } : {}) };
  return { kind: 'tensor', id: draft.add('x', { op: 'input', value }) };
}
