import type { SyntaxNode } from '@lezer/common';
import { compile } from '../exec/compile';
import { fileToGraph } from '../format/convert';
import type { FileError } from '../format/load';
import { type GraphProblem, openGraphText } from '../format/open';
import { serializeGraphFile } from '../format/save';
import type { GraphFile } from '../format/schema';
import { formatCount, MAX_FILE_CHARS, MAX_NODES } from '../limits';
import { type DraftMark, EMPTY_MARK, GraphDraft } from './draft';
import { evaluate, type PyValue, type Scope, text } from './expressions';
import { bindName, tupleAssign, tupleAssignment } from './assign';
import { importedModule, isModuleName } from './modules';
import { type ImportError, ImportFailure, IMPORT_REASONS } from './reasons';
import { checkSyntax, lineIndex, parseScript, parts } from './syntax';
import { startContext } from './context';
import type { DataSources } from './objects';
import { trainingStatement } from './training';

/** One statement as it ran: where it is, the document after it, and the nodes it added. */
export interface ImportedStatement {
  readonly from: number;
  readonly to: number;
  readonly line: number;
  /** The document after this statement. */
  readonly file: GraphFile;
  /** Ids of the nodes this statement added. */
  readonly added: readonly string[];
  /** The node `.backward()` starts from, when this statement is a backward call. */
  readonly backward?: string;
}

/** The statements that ran, then the error that stopped the rest (if one did). */
export interface ImportResult {
  readonly statements: readonly ImportedStatement[];
  readonly error: ImportError | null;
  /** The document of the whole script (the empty one if no statement ran). */
  readonly file: GraphFile;
}

/** How a script is imported. */
export interface ImportOptions extends DataSources {
  /** The most nodes accepted (the page keeps a lower limit than the CLI). */
  readonly maxNodes?: number;
}

/**
 * Runs a PyTorch script of the supported subset (docs/code-import.md), statement by
 * statement, into a graph document: each statement adds the nodes it computes, named from
 * its variables. Stops at the first statement it cannot take, with the reason at its line
 * and column. The whole script's document opens through `openGraphText`, so the file limits
 * and graph checks apply (each statement's document is a part of it, closed under inputs).
 * Never throws.
 */
export function importPython(code: string, options: ImportOptions = {}): ImportResult {
  const draft = new GraphDraft();
  const scope: Scope = { code, draft, vars: new Map(), modules: new Set(), defaultDtype: 'float32' };
  startContext(draft, { datasets: options.datasets, readCsv: options.readCsv });
  const place = lineIndex(code);
  const ran: Ran[] = [];
  let failure: ImportFailure | null = null;
  try {
    if (code.length > MAX_FILE_CHARS) throw new ImportFailure('graph', { message: `The code is longer than ${formatCount(MAX_FILE_CHARS)} characters.` }, 0, 0);
    const script = parseScript(code);
    const limit = options.maxNodes ?? MAX_NODES;
    let backwardDone = false;
    for (const stmt of script.statements) {
      checkSyntax(script, stmt);
      const before = draft.mark(scope.defaultDtype);
      const backward = runStatement(scope, stmt, backwardDone, before);
      if (backward) backwardDone = true;
      const mark = draft.mark(scope.defaultDtype);
      if (backward) checkScalar(draft.file(mark), backward, stmt);
      ran.push({ stmt, mark, added: draft.nodes.slice(before.nodes).map((n) => n.id), backward });
      // Past the node limit: the open below refuses the document at this statement.
      if (mark.nodes > limit) break;
    }
    if (script.syntaxError && ran.length === script.statements.length) throw new ImportFailure('syntax', {}, script.syntaxError.from, script.syntaxError.to);
  } catch (e) {
    // A backstop for anything without its reason: it keeps the page and the CLI alive.
    failure = e instanceof ImportFailure ? e : new ImportFailure('graph', { message: `Unexpected failure: ${String(e)}` }, 0, 0);
  }
  // The last document opens as a file does; if it cannot, the first statement whose document cannot is where it failed.
  let count = ran.length;
  let opened = count > 0 ? open(draft.file(ran[count - 1].mark), options) : null;
  if (opened && !opened.ok) {
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (open(draft.file(ran[mid].mark), options).ok) lo = mid + 1;
      else hi = mid;
    }
    const first = open(draft.file(ran[lo].mark), options) as Extract<Opened, { ok: false }>;
    failure = new GraphFailure(first.problem, ran[lo].stmt);
    count = lo;
    opened = count > 0 ? open(draft.file(ran[count - 1].mark), options) : null;
  }
  const statements = ran.slice(0, count).map((r): ImportedStatement => {
    let file: GraphFile | undefined;
    return {
      from: r.stmt.from,
      to: r.stmt.to,
      line: place(r.stmt.from).line,
      added: r.added,
      ...(r.backward ? { backward: r.backward } : {}),
      get file() {
        return (file ??= draft.file(r.mark));
      },
    };
  });
  const file = opened?.ok ? opened.file : draft.file(EMPTY_MARK);
  return { statements, error: failure ? errorAt(place, failure) : null, file };
}

/** A statement that ran: its place, the draft's mark after it, the nodes it added and the node its backward starts from. */
interface Ran {
  readonly stmt: SyntaxNode;
  readonly mark: DraftMark;
  readonly added: readonly string[];
  readonly backward?: string;
}

/** A document opened as a file is, or the first reason it cannot be. */
type Opened = { readonly ok: true; readonly file: GraphFile } | { readonly ok: false; readonly problem: FileError | GraphProblem };

function open(file: GraphFile, options: ImportOptions): Opened {
  const r = openGraphText(serializeGraphFile(file), { maxNodes: options.maxNodes });
  if (!r.ok) return { ok: false, problem: r.errors[0] };
  if (r.problems.length > 0) return { ok: false, problem: r.problems[0] };
  return { ok: true, file: r.file };
}

/** PyTorch's own refusal: "grad can be implicitly created only for scalar outputs". */
function checkScalar(file: GraphFile, backward: string, stmt: SyntaxNode): void {
  const shape = compile(fileToGraph(file), { checkOnly: true }).shapes.get(backward);
  if (shape && shape.length > 0) throw new ImportFailure('notScalar', { name: backward }, stmt.from, stmt.to);
}

/** A graph problem or a file limit met at a statement, with the engine's own error for the page to word. */
class GraphFailure extends ImportFailure {
  constructor(
    readonly problem: FileError | GraphProblem,
    stmt: SyntaxNode,
  ) {
    super('graph', { message: problem.path ? `${problem.path}: ${problem.message}` : problem.message }, stmt.from, stmt.to);
  }
}

function errorAt(place: (offset: number) => { line: number; col: number }, e: ImportFailure): ImportError {
  const { line, col } = place(e.from);
  return {
    reason: e.reason,
    params: e.params,
    message: IMPORT_REASONS[e.reason](e.params as never),
    line,
    col,
    from: e.from,
    to: e.to,
    ...(e instanceof GraphFailure ? { problem: e.problem } : {}),
  };
}

/** Runs one statement; returns the node a `.backward()` call starts from. */
function runStatement(scope: Scope, stmt: SyntaxNode, backwardDone: boolean, before: DraftMark): string | undefined {
  const fail = (reason: ConstructorParameters<typeof ImportFailure>[0], params: Record<string, string>, node: SyntaxNode = stmt): never => {
    throw new ImportFailure(reason, params, node.from, node.to);
  };
  if (stmt.name === 'ImportStatement') {
    importModule(scope, stmt);
    return undefined;
  }
  const training = trainingStatement(scope, stmt, (s) => runStatement(scope, s, backwardDone, scope.draft.mark(scope.defaultDtype)), backwardDone);
  if (training.handled) return training.backward;
  if (stmt.name === 'AssignStatement') {
    const tuple = tupleAssignment(stmt);
    if (tuple) {
      tupleAssign(scope, tuple, before);
      return undefined;
    }
    const [target, op, value] = parts(stmt);
    const more = parts(stmt).length > 3;
    if (target.name !== 'VariableName' || text(scope, op) !== '=' || more) return fail('statement', { what: firstLine(text(scope, stmt)) });
    const v: PyValue = evaluate(scope, value);
    if (v.kind === 'module') return fail('expression', { what: text(scope, value) }, value);
    bindName(scope, target, v, before);
    return undefined;
  }
  if (stmt.name === 'ExpressionStatement') {
    const [expr] = parts(stmt);
    if (expr?.name === 'CallExpression') {
      const [fnNode, list] = parts(expr);
      const fn = text(scope, fnNode);
      if (fn === 'print') {
        checkNames(scope, list);
        return undefined;
      }
      if (fn === 'torch.manual_seed') {
        evaluate(scope, expr);
        return undefined;
      }
      if (fn === 'torch.set_default_dtype') {
        setDefaultDtype(scope, list);
        return undefined;
      }
      if (fnNode.name === 'MemberExpression' && fn.endsWith('.backward')) {
        const [owner] = parts(fnNode);
        if (parts(list).length > 0) return fail('arguments', { what: fn, expected: 'none' }, list);
        const v = evaluate(scope, owner);
        if (v.kind !== 'tensor') return fail('notTensor', { name: text(scope, owner) }, owner);
        if (backwardDone) return fail('backwardTwice', {});
        scope.draft.loss = v.id;
        return v.id;
      }
      // `net.to(device)` moves the model's parameters in place; the graph computes on the CPU.
      if (fnNode.name === 'MemberExpression' && /\.(to|cpu)$/.test(fn) && evaluate(scope, expr).kind === 'model') return undefined;
    }
  }
  return fail('statement', { what: firstLine(text(scope, stmt)) });
}

/** `import torch`, `import torch.nn as nn`, `import torch.nn.functional as F`, `import numpy as np`, … (modules.ts). */
function importModule(scope: Scope, stmt: SyntaxNode): void {
  const what = text(scope, stmt).replace(/^import\s+/, '').replace(/\s+/g, ' ');
  const name = importedModule(what);
  if (!name) throw new ImportFailure('import', { what }, stmt.from, stmt.to);
  scope.modules.add(name);
}

/** `torch.set_default_dtype(torch.float32 | torch.float64)`, before the first tensor. */
function setDefaultDtype(scope: Scope, list: SyntaxNode): void {
  const args = parts(list);
  const arg = args.length === 1 ? text(scope, args[0]) : text(scope, list);
  if (!scope.modules.has('torch')) throw new ImportFailure('notImported', { name: 'torch' }, list.from - 22, list.from);
  const dtype = arg === 'torch.float64' || arg === 'torch.double' ? 'float64' : arg === 'torch.float32' || arg === 'torch.float' ? 'float32' : null;
  if (!dtype) throw new ImportFailure('dtype', { name: arg }, list.from, list.to);
  if (scope.draft.dtype !== null && scope.draft.dtype !== dtype) throw new ImportFailure('mixedDtype', {}, list.from, list.to);
  scope.defaultDtype = dtype;
}

/** Fails on the first name in `print(...)` that is neither a variable nor an imported module. */
function checkNames(scope: Scope, node: SyntaxNode): void {
  const c = node.cursor();
  do {
    if (c.name === 'VariableName') {
      const name = scope.code.slice(c.from, c.to);
      const isKeyword = c.node.nextSibling?.name === 'AssignOp';
      const known = scope.vars.has(name) || scope.modules.has(name) || ['print', 'len', 'float', 'int', 'str', 'list', 'round'].includes(name);
      if (!known && !isKeyword) throw new ImportFailure(isModuleName(name) ? 'notImported' : 'undefinedName', { name }, c.from, c.to);
    }
  } while (c.next() && c.from < node.to);
}

function firstLine(s: string): string {
  const line = s.split('\n')[0];
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
