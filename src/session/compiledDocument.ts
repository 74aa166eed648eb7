import { compile as engineCompile, type FileNode, fileToGraph, fromFileNumber, type GraphFile, type Program } from '../../engine';
import { computeKey } from './computeKey';
import type { CompiledDocument } from './types';

/** The engine's compile, as the session calls it (tests pass a counting one). */
export type CompileFn = typeof engineCompile;

/**
 * True when the document compiles to what `c` already holds, its stored parameter values
 * aside: those load into the program's buffers, unless a node's values were removed (the
 * initialiser applies again) or no longer fit the program's tensors (`loaded` is what the
 * program holds, by each node's `params` object).
 */
export function isCompiled(c: CompiledDocument, doc: GraphFile, loaded: ReadonlyMap<string, FileNode['params']>): boolean {
  if (c.datasets !== doc.datasets || c.key !== computeKey(doc)) return false;
  const program = c.program;
  for (const n of doc.nodes) {
    const before = loaded.get(n.id);
    if (before === n.params) continue;
    if (n.params === undefined) return false;
    if (before && Object.keys(before).some((k) => !Object.hasOwn(n.params as object, k))) return false;
    for (const [name, t] of Object.entries(n.params)) {
      const p = program?.params.find((q) => q.node === n.id && q.name === name);
      if (!p || p.shape.length !== t.shape.length || p.shape.some((d, i) => d !== t.shape[i])) return false;
    }
  }
  return true;
}

/**
 * Compiles the document once, over the nodes without problems. The engine reports every
 * problem instead of throwing; should something unforeseen throw anyway, the document is
 * shown with no program and the reason, never a broken page.
 */
export function compileDocument(doc: GraphFile, compile: CompileFn = engineCompile): CompiledDocument {
  const key = computeKey(doc);
  try {
    const r = compile(fileToGraph(doc), { partial: true });
    return { key, datasets: doc.datasets, problems: r.problems, shapes: r.shapes, program: r.program };
  } catch {
    return {
      key,
      datasets: doc.datasets,
      problems: [{ code: 'unexpected', reason: 'unexpected_graph', params: {}, severity: 'error', message: 'GradCanvas could not set this graph up; please report it' }],
      shapes: new Map(),
      program: null,
    };
  }
}

/**
 * Writes the document's parameter values into the program where they differ from what it
 * holds, for the nodes whose `params` object is not the one last loaded; records what is
 * loaded now. Returns whether any value changed.
 */
export function loadParams(program: Program, doc: GraphFile, loaded: Map<string, FileNode['params']>): boolean {
  let changed = false;
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  for (const p of program.params) {
    const node = byId.get(p.node);
    if (!node || loaded.get(p.node) === node.params) continue;
    const t = node.params && Object.hasOwn(node.params, p.name) ? node.params[p.name] : undefined;
    if (!t || t.data.length !== p.value.length) continue;
    for (let i = 0; i < p.value.length; i++) {
      const v = program.store(fromFileNumber(t.data[i]));
      if (!Object.is(v, p.value[i])) {
        p.value[i] = v;
        changed = true;
      }
    }
  }
  for (const n of doc.nodes) loaded.set(n.id, n.params);
  return changed;
}

/** What each node's `params` object is right now, as loadParams records it. */
export function loadedParamsOf(doc: GraphFile): Map<string, FileNode['params']> {
  return new Map(doc.nodes.map((n) => [n.id, n.params]));
}
